package dev.midad.model;

import java.util.List;

/**
 * What the desk says about an article, as templates see it: its kind, corrections, update note, the profiles
 * of its authors that have one, and for a live blog its updates.
 *
 * @param kind        news, opinion, analysis, explainer or interview (label: message {@code kind.<kind>})
 * @param schemaType  the schema.org type of the article: NewsArticle, OpinionNewsArticle, LiveBlogPosting…
 * @param noticeHtml  the update note and corrections as escaped HTML, for feeds (pages lay them out themselves)
 * @param profiles    the article's authors that have a profile, in byline order
 * @param live        the live blog, or null for an ordinary article
 */
public record EditorialView(
        String kind,
        String schemaType,
        List<Correction> corrections,
        String updateNote,
        String noticeHtml,
        List<AuthorView> profiles,
        Live live) {
    public static final EditorialView NEWS =
            new EditorialView("news", "NewsArticle", List.of(), "", "", List.of(), null);

    public EditorialView {
        corrections = List.copyOf(corrections);
        profiles = List.copyOf(profiles);
    }

    public record Correction(DateView date, String text) {}

    /**
     * @param active     coverage goes on (no {@code live_end}, or one still ahead): the page polls for updates
     * @param end        when coverage ends or ended, or null
     * @param updatesUrl site-relative URL of the updates JSON (only while active), else empty
     * @param entries    pinned first, then newest first
     * @param feedHtml   the newest updates as feeds carry them after the introduction (links still relative)
     */
    public record Live(
            boolean active, DateView start, DateView end, String updatesUrl, List<Entry> entries, String feedHtml) {
        public Live {
            entries = List.copyOf(entries);
        }
    }

    /** One update: {@code id} is its anchor on the page. */
    public record Entry(String id, DateView time, String author, boolean pinned, String html, String text) {}
}
