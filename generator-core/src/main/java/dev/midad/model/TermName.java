package dev.midad.model;

/**
 * A category, tag or author without its articles: what a numbered page of a list numbered from the oldest
 * knows of its term, so that the page stays the same value, and the same bytes, as stories are published.
 */
public record TermName(String name, String slug, String url) {}
