package dev.midad.model;

/**
 * A feed a page advertises with {@code <link rel="alternate">}, in {@code format} (templates show
 * {@code format.label} or test {@code format.name} rather than read the media type).
 */
public record FeedLink(String title, String url, FeedFormat format) {
    public String mediaType() {
        return format.mediaType();
    }
}
