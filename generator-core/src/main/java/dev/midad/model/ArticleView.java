package dev.midad.model;

import java.util.List;
import java.util.Map;

/**
 * An article as templates and feeds see it: content plus its place in the site.
 * Nullable: {@code updated}, {@code category}, {@code image}; empty string for absent texts.
 */
public record ArticleView(
        String title,
        String url,
        String absoluteUrl,
        DateView date,
        DateView updated,
        List<Link> authors,
        Link category,
        List<Link> tags,
        String summary,
        ImageView image,
        String dateline,
        String source,
        boolean featured,
        String contentHtml,
        int readingMinutes,
        Map<String, Object> params,
        String sourcePath) {

    public ArticleView {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        params = Map.copyOf(params);
    }

    /** The date shown as "last changed": {@code updated} when given, else {@code date}. */
    public DateView lastModified() {
        return updated != null ? updated : date;
    }
}
