package dev.midad.config;

import java.util.List;
import java.util.Map;

/**
 * Which outputs site.yaml asks for beyond the defaults: {@code outputs:} (template-only outputs, built-in
 * outputs switched off) and {@code feeds:} (which feed formats each scope gets, full content or summary, how
 * many items). Read by {@link OutputSettingsReader}; names of outputs and feed formats are checked against the
 * engine's by the output registry, which reports problems at {@code line}.
 *
 * @param outputs the entries of {@code outputs:}, in order
 * @param feeds   the feeds of each feed scope ({@link #FEED_SCOPES}), defaults filled in
 * @param related how many related articles each article page shows ({@code related:}; 0: none, and none are
 *                computed)
 */
public record OutputSettings(List<Entry> outputs, Map<String, Feeds> feeds, int related) {
    /** The scopes {@code feeds:} configures: the site, and the terms of each taxonomy. */
    public static final List<String> FEED_SCOPES = List.of("site", "category", "tag", "author");

    /** Related articles an article shows unless site.yaml says {@code related:}. */
    public static final int DEFAULT_RELATED = 4;

    /** The most related articles {@code related:} may ask for. */
    public static final int MAX_RELATED = 12;

    public OutputSettings {
        outputs = List.copyOf(outputs);
        feeds = Map.copyOf(feeds);
    }

    /**
     * One entry of {@code outputs:}: a template-only output ({@code template}, {@code path}, {@code scope}
     * set) or a built-in output switched on or off ({@code enabled} set, the rest null).
     *
     * @param line the entry's line in site.yaml
     */
    public record Entry(String name, String template, String path, String scope, Boolean enabled, int line) {}

    /**
     * The feeds of one scope.
     *
     * @param formats feed format names ({@code rss}, {@code atom}, {@code json}), in the order pages list them
     * @param full    true: items carry the article's whole body; false: its summary only
     * @param items   newest articles per feed
     * @param line    the line site.yaml sets them on (0: defaults)
     */
    public record Feeds(List<String> formats, boolean full, int items, int line) {
        public Feeds {
            formats = List.copyOf(formats);
        }
    }

    /** No extra outputs and the default feeds, {@code feedSize} items each. */
    public static OutputSettings defaults(int feedSize) {
        Map<String, Feeds> feeds = new java.util.LinkedHashMap<>();
        FEED_SCOPES.forEach(scope -> feeds.put(scope, defaultFeeds(scope, feedSize)));
        return new OutputSettings(List.of(), feeds, DEFAULT_RELATED);
    }

    /**
     * What {@code scope} gets when site.yaml says nothing about it: every format with whole articles for the
     * site and its categories (a handful of feeds readers and aggregators follow); RSS with summaries for
     * tags and authors, of which a newsroom has hundreds, each feed a few kilobytes instead of three copies
     * of twenty full articles (see the README).
     */
    static Feeds defaultFeeds(String scope, int feedSize) {
        boolean few = scope.equals("site") || scope.equals("category");
        return few
                ? new Feeds(List.of("rss", "atom", "json"), true, feedSize, 0)
                : new Feeds(List.of("rss"), false, feedSize, 0);
    }

    /** The feeds of {@code scope} (one of {@link #FEED_SCOPES}). */
    public Feeds feeds(String scope) {
        Feeds chosen = feeds.get(scope);
        if (chosen == null) {
            throw new IllegalArgumentException("no feed scope " + scope + "; known: " + FEED_SCOPES);
        }
        return chosen;
    }
}
