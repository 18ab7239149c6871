package dev.midad.model;

/**
 * A lead image: {@code url} site-relative (encoded), {@code absoluteUrl} for feeds and cards;
 * {@code width}/{@code height} in pixels and {@code bytes} (file size, for feed enclosures) when the file is
 * in the site and readable, else 0.
 */
public record ImageView(String url, String absoluteUrl, String alt, String caption, String mediaType, int width,
                        int height, long bytes) {

    public boolean hasSize() {
        return width > 0 && height > 0;
    }
}
