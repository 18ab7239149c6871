package dev.midad.model;

/**
 * A video embedded in an article, as its JSON-LD {@code VideoObject} states it; every address absolute.
 * {@code duration} is ISO 8601 ({@code PT4M13S}) or "" when unknown; {@code url} the original on the platform.
 */
public record VideoView(
        String name, String thumbnailUrl, String uploadDate, String duration, String embedUrl, String url) {}
