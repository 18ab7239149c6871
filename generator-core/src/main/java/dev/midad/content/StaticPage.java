package dev.midad.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * A page from {@code pages/} (about, contact): never in lists or feeds.
 *
 * @param params every front matter key (e.g. {@code aliases}, {@code wp_id} of a migrated page)
 * @param date   {@code date:}, or null: a page dated after the build's now is not published yet
 */
public record StaticPage(
        Path source,
        String title,
        String slug,
        String summary,
        String bodyHtml,
        Map<String, Object> params,
        ZonedDateTime date) {
    public StaticPage {
        params = Map.copyOf(params);
    }
}
