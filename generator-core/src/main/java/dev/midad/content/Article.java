package dev.midad.content;

import dev.midad.html.Embeds;
import dev.midad.text.Excerpts;
import dev.midad.text.PackedText;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * One article as written by its author: front matter plus the rendered Markdown body. Immutable.
 * Optional texts are empty strings, never null; {@code updated} and {@code category} may be null.
 *
 * @param source    path relative to the site folder, e.g. {@code articles/2024/06/x.md}
 * @param params    every front matter key, including unknown ones, for templates
 * @param body      the body as sanitised HTML fragment, packed ({@link #bodyHtml()} unpacks it): a site's
 *                  bodies are held from reading until the build cache is written
 * @param bodyWords the words of the body as plain text, for the reading time
 * @param summaryOpensBody the summary is the opening of the body as plain text (it is then no standfirst)
 * @param mayHoldEmbeds whether a paragraph of the body opens with a link ({@link Embeds#mayHoldAddresses}), so
 *                  that checks for bare addresses unpack only those bodies
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
        PackedText body,
        int bodyWords,
        boolean summaryOpensBody,
        boolean mayHoldEmbeds,
        Editorial editorial) {

    /**
     * An article whose body is {@code bodyHtml}; {@code bodyText} (the body as plain text) is kept only as the
     * facts the site needs from it.
     */
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
            String bodyText,
            Editorial editorial) {
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
                PackedText.of(bodyHtml),
                Excerpts.words(bodyText),
                Excerpts.opensWith(bodyText, summary),
                Embeds.mayHoldAddresses(bodyHtml),
                editorial);
    }

    public Article {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        params = Map.copyOf(params);
    }

    /** The body as sanitised HTML fragment (unpacked on each call). */
    public String bodyHtml() {
        return body.text();
    }
}
