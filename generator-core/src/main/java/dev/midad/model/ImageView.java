package dev.midad.model;

/**
 * A lead image: {@code url} site-relative (encoded), {@code absoluteUrl} for feeds and cards;
 * {@code width}/{@code height} in pixels when the file is in the site and readable, else 0.
 */
public record ImageView(String url, String absoluteUrl, String alt, String caption, String mediaType, int width,
                        int height) {

    public boolean hasSize() {
        return width > 0 && height > 0;
    }
}
