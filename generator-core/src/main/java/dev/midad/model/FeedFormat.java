package dev.midad.model;

import java.util.List;

/**
 * A feed output format: rendered by {@code template} to {@code fileName} next to the page it belongs to
 * (the site root, or a category, tag or author page). Adding a format is a template plus one entry here.
 */
public record FeedFormat(String name, String label, String template, String fileName, String mediaType) {

    public static final FeedFormat RSS = new FeedFormat("rss", "RSS", "rss.ftlx", "rss.xml", "application/rss+xml");
    public static final FeedFormat ATOM = new FeedFormat("atom", "Atom", "atom.ftlx", "atom.xml",
            "application/atom+xml");
    public static final FeedFormat JSON = new FeedFormat("json", "JSON Feed", "feed.ftlj", "feed.json",
            "application/feed+json");

    public static final List<FeedFormat> ALL = List.of(RSS, ATOM, JSON);
}
