package dev.midad.model;

/** A taxonomy (category, tag, author): its key, Arabic title and index page URL. */
public record TaxonomyView(String kind, String title, String url) {}
