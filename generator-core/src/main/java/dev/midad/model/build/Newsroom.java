package dev.midad.model.build;

import dev.midad.content.Article;
import dev.midad.content.AuthorProfile;
import dev.midad.content.Editorial;
import dev.midad.i18n.Messages;
import dev.midad.model.AuthorView;
import dev.midad.model.EditorialView;
import dev.midad.problem.Problem;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The newsroom's side of an article: its kind and schema.org type, corrections and update note (as a notice for
 * feeds), the profiles of its authors, and a live blog's updates; and the author profiles by author page.
 */
final class Newsroom {
    /** File name of a live blog's updates, in the article's folder. */
    static final String LIVE_UPDATES = "live.json";
    /** How many of a live blog's updates its feed item carries: the newest, enough to follow the story. */
    static final int FEED_UPDATES = 10;

    private static final Map<String, String> SCHEMA_TYPES = Map.of(
            "news",
            "NewsArticle",
            "opinion",
            "OpinionNewsArticle",
            "analysis",
            "AnalysisNewsArticle",
            "explainer",
            "BackgroundNewsArticle",
            "interview",
            "ReportageNewsArticle");

    private final Links links;
    private final Dates dates;
    private final Messages messages;
    /** By author page URL. */
    private final Map<String, AuthorView> profiles;

    Newsroom(
            Links links,
            Dates dates,
            Messages messages,
            List<AuthorProfile> written,
            UnaryOperator<String> bios,
            List<Problem> problems) {
        this.links = links;
        this.dates = dates;
        this.messages = messages;
        Map<String, AuthorView> byUrl = new LinkedHashMap<>();
        for (AuthorProfile p : written) {
            if (p.name().isBlank()) {
                continue;
            }
            String url = links.termUrl("author", p.name());
            String photo = p.photo().isEmpty() ? null : links.resolve(p.photo(), links.url("/"));
            AuthorView view = new AuthorView(
                    p.name(),
                    url,
                    links.absoluteUrl(url),
                    p.role(),
                    photo,
                    photo == null || photo.startsWith("https://") ? photo : links.absoluteUrl(photo),
                    p.email(),
                    p.sameAs(),
                    bios.apply(p.bioHtml()));
            if (byUrl.putIfAbsent(url, view) != null) {
                problems.add(Problem.of(
                        p.source(),
                        "is a second profile of '" + p.name() + "': keep one file per" + " author in authors/"));
            }
        }
        this.profiles = Map.copyOf(byUrl);
    }

    /** Every profile, by the URL of its author's page. */
    Map<String, AuthorView> profiles() {
        return profiles;
    }

    /** The last substantive change: {@code updated}, the newest correction or live update, whichever is latest. */
    static ZonedDateTime lastChange(Article article) {
        ZonedDateTime latest = article.updated();
        Editorial e = article.editorial();
        for (Editorial.Correction c : e.corrections()) {
            latest = later(latest, c.date());
        }
        if (e.live() != null) {
            for (Editorial.LiveEntry entry : e.live().entries()) {
                latest = later(latest, entry.time());
            }
        }
        return latest != null && latest.isAfter(article.date()) ? latest : article.updated();
    }

    private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** @param bodies the model-time HTML passes of the article's direction, for live updates */
    EditorialView view(Article article, String url, ZonedDateTime now, UnaryOperator<String> bodies) {
        Editorial e = article.editorial();
        List<AuthorView> own = new ArrayList<>();
        for (String name : article.authors()) {
            AuthorView p = profiles.get(links.termUrl("author", name));
            if (p != null) {
                own.add(p);
            }
        }
        List<EditorialView.Correction> corrections = e.corrections().stream()
                .map(c -> new EditorialView.Correction(dates.view(c.date()), c.text()))
                .toList();
        EditorialView.Live live = null;
        String type = SCHEMA_TYPES.getOrDefault(e.kind(), "NewsArticle");
        if (e.live() != null) {
            boolean active = e.live().end() == null || e.live().end().isAfter(now);
            List<EditorialView.Entry> entries = e.live().entries().stream()
                    .map(x -> new EditorialView.Entry(
                            x.id(), dates.view(x.time()), x.author(), x.pinned(), bodies.apply(x.html()), x.text()))
                    .toList();
            live = new EditorialView.Live(
                    active,
                    dates.view(article.date()),
                    dates.view(e.live().end()),
                    active ? url + LIVE_UPDATES : "",
                    entries,
                    feedUpdates(entries));
            if (active) {
                type = "LiveBlogPosting";
            }
        }
        if (e.equals(Editorial.NEWS) && own.isEmpty()) {
            return EditorialView.NEWS;
        }
        return new EditorialView(
                e.kind(), type, corrections, e.updateNote(), notice(e.updateNote(), corrections), own, live);
    }

    /**
     * A live blog's newest {@link #FEED_UPDATES} updates, newest first (pinned or not: a feed reader follows
     * time), as HTML for the feeds after the introduction: each under its time, linked to its anchor on the
     * page, with its author; a link to the page's list when there are more. Texts escaped, bodies as the page
     * has them.
     */
    private String feedUpdates(List<EditorialView.Entry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        List<EditorialView.Entry> newest = entries.stream()
                .sorted(Comparator.comparingLong(
                                (EditorialView.Entry x) -> x.time().epochMilli())
                        .reversed())
                .limit(FEED_UPDATES)
                .toList();
        StringBuilder html = new StringBuilder("<section class=\"live-updates\"><h2>")
                .append(escape(messages.get("live_updates_title")))
                .append("</h2>");
        for (EditorialView.Entry entry : newest) {
            html.append("<h3><a href=\"#")
                    .append(escape(entry.id()))
                    .append("\"><time datetime=\"")
                    .append(escape(entry.time().iso()))
                    .append("\">")
                    .append(escape(entry.time().text() + " " + entry.time().time()))
                    .append("</time></a>");
            if (!entry.author().isEmpty()) {
                html.append(" · ").append(escape(messages.get("live_update_by", entry.author())));
            }
            html.append("</h3>").append(entry.html());
        }
        if (entries.size() > newest.size()) {
            html.append("<p><a href=\"#live-title\">")
                    .append(escape(messages.count("live_feed_more", entries.size() - newest.size())))
                    .append("</a></p>");
        }
        return html.append("</section>").toString();
    }

    /** The update note and corrections as a small HTML block for feed readers; every text escaped. */
    private String notice(String updateNote, List<EditorialView.Correction> corrections) {
        if (updateNote.isEmpty() && corrections.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<aside class=\"story-notices\">");
        if (!updateNote.isEmpty()) {
            html.append("<p><strong>")
                    .append(escape(messages.get("article_update_note")))
                    .append("</strong> ")
                    .append(escape(updateNote))
                    .append("</p>");
        }
        for (EditorialView.Correction c : corrections) {
            html.append("<p><strong>")
                    .append(escape(messages.get("article_correction", c.date().text())))
                    .append("</strong> ")
                    .append(escape(c.text()))
                    .append("</p>");
        }
        return html.append("</aside>").toString();
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }
}
