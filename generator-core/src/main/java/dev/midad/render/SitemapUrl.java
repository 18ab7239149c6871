package dev.midad.render;

/** One {@code <url>} of sitemap.xml; {@code lastmod} is ISO 8601 or empty. */
public record SitemapUrl(String loc, String lastmod) {}
