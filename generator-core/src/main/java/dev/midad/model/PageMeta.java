package dev.midad.model;

import java.util.List;

/**
 * What every rendered page knows about itself.
 *
 * @param kind        home, article, page, category, tag, author, categories, tags, authors, 404
 * @param title       page title without the site name
 * @param url         site-relative, encoded
 * @param absoluteUrl canonical URL
 * @param description plain-text description
 * @param feeds       feeds to advertise
 */
public record PageMeta(
        String kind, String title, String url, String absoluteUrl, String description, List<FeedLink> feeds) {
    public PageMeta {
        feeds = List.copyOf(feeds);
    }
}
