package dev.midad.image;

/**
 * One generated image file.
 *
 * @param url         site-relative, encoded
 * @param absoluteUrl for feeds, JSON-LD and social cards
 * @param file        output file relative to the site root (decoded, forward slashes)
 */
public record Variant(String url, String absoluteUrl, String file, int width, int height, String mediaType) {}
