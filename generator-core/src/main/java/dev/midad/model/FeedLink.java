package dev.midad.model;

/** A feed a page advertises with {@code <link rel="alternate">}. */
public record FeedLink(String title, String url, String mediaType) {
}
