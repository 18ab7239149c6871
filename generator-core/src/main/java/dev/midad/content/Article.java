package dev.midad.content;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * One article as written by its author: front matter plus the rendered Markdown body. Immutable.
 * Optional texts are empty strings, never null; {@code updated} and {@code category} may be null.
 *
 * @param source    path relative to the site folder, e.g. {@code articles/2024/06/x.md}
 * @param bodyHtml  the body as sanitised HTML fragment
 * @param bodyText  the body as plain text, for excerpts and reading time
 * @param params    every front matter key, including unknown ones, for templates
 * @param editorial kind, corrections, update note and live-blog entries
 */
public record Article(
        Path source,
        String title,
        ZonedDateTime date,
        ZonedDateTime updated,
        List<String> authors,
        String category,
        List<String> tags,
        String summary,
        String image,
        String imageAlt,
        String imageCaption,
        String slug,
        String dateline,
        String sourceName,
        boolean draft,
        boolean featured,
        Map<String, Object> params,
        String bodyHtml,
        String bodyText,
        Editorial editorial) {

    /** An ordinary news article. */
    public Article(
            Path source,
            String title,
            ZonedDateTime date,
            ZonedDateTime updated,
            List<String> authors,
            String category,
            List<String> tags,
            String summary,
            String image,
            String imageAlt,
            String imageCaption,
            String slug,
            String dateline,
            String sourceName,
            boolean draft,
            boolean featured,
            Map<String, Object> params,
            String bodyHtml,
            String bodyText) {
        this(
                source,
                title,
                date,
                updated,
                authors,
                category,
                tags,
                summary,
                image,
                imageAlt,
                imageCaption,
                slug,
                dateline,
                sourceName,
                draft,
                featured,
                params,
                bodyHtml,
                bodyText,
                Editorial.NEWS);
    }

    public Article {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        params = Map.copyOf(params);
    }
}
