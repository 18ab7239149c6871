package dev.midad.model;

/** The same article in another edition, linked by a shared {@code translation_key}. */
public record Translation(String language, String direction, String title, String url, String absoluteUrl) {}
