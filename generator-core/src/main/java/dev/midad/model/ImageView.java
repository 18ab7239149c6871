package dev.midad.model;

import dev.midad.image.ResponsiveImage;

/**
 * An image: {@code url} site-relative (encoded), {@code absoluteUrl} for feeds and cards;
 * {@code width}/{@code height} in pixels and {@code bytes} (file size, for feed enclosures) when the file is
 * in the site and readable, else 0. {@code responsive} holds its resized copies when it is a raster image
 * from static/ (null otherwise: SVG, remote images); {@code credit} names the photographer or agency.
 */
public record ImageView(
        String url,
        String absoluteUrl,
        String alt,
        String caption,
        String mediaType,
        int width,
        int height,
        long bytes,
        String credit,
        ResponsiveImage responsive) {

    public ImageView(
            String url,
            String absoluteUrl,
            String alt,
            String caption,
            String mediaType,
            int width,
            int height,
            long bytes) {
        this(url, absoluteUrl, alt, caption, mediaType, width, height, bytes, "", null);
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    /** The best copy for feeds and share previews: the largest resized one, else the image itself. */
    public String largestUrl() {
        return responsive == null ? absoluteUrl : responsive.largest().absoluteUrl();
    }
}
