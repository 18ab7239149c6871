package dev.midad.model;

/** One edition of the publication (Arabic, English, Ukrainian…), for language switchers and hreflang. */
public record EditionLink(
        String language, String direction, String name, String url, String absoluteUrl, boolean current) {}
