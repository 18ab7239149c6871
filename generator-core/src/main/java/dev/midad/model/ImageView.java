package dev.midad.model;

/** A lead image: {@code url} site-relative (encoded), {@code absoluteUrl} for feeds and cards. */
public record ImageView(String url, String absoluteUrl, String alt, String caption, String mediaType) {
}
