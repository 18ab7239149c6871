package dev.midad.model;

/** A named link: {@code url} is site-root-relative and already percent-encoded. */
public record Link(String name, String url) {}
