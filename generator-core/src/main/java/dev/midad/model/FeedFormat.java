package dev.midad.model;

import java.util.List;
import java.util.Optional;

/**
 * A feed format: rendered by {@code template} to {@code fileName} next to the page it belongs to (the site
 * root, or a category, tag or author page). Adding a format is a template plus one entry here.
 *
 * @param name  what site.yaml calls it ({@code feeds: {tag: {formats: [rss]}}})
 * @param label what readers see, e.g. on the feeds page
 */
public record FeedFormat(String name, String label, String template, String fileName, String mediaType) {

    public static final FeedFormat RSS = new FeedFormat("rss", "RSS", "rss.ftlx", "rss.xml", "application/rss+xml");
    public static final FeedFormat ATOM =
            new FeedFormat("atom", "Atom", "atom.ftlx", "atom.xml", "application/atom+xml");
    public static final FeedFormat JSON =
            new FeedFormat("json", "JSON Feed", "feed.ftlj", "feed.json", "application/feed+json");

    public static final List<FeedFormat> ALL = List.of(RSS, ATOM, JSON);

    /** The format site.yaml calls {@code name}. */
    public static Optional<FeedFormat> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The formats of {@code names}, in that order; unknown names are left out (the registry reports them). */
    public static List<FeedFormat> named(List<String> names) {
        return names.stream().map(FeedFormat::named).flatMap(Optional::stream).toList();
    }
}
