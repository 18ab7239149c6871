package dev.midad.fetch;

import dev.midad.content.EmbedStore;
import dev.midad.html.EmbedUrl;
import dev.midad.problem.Problem;
import dev.midad.yaml.YamlMapping;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Asks each platform about a post or video the way it answers without an account: oEmbed for YouTube, Vimeo,
 * X and TikTok; the embed page of a Telegram post; the Open Graph tags of an Instagram or Facebook page (their
 * oEmbed needs a Meta app token). Every answer is hostile: JSON is read as data, HTML only through jsoup, and
 * only text is kept of either.
 */
final class Platforms {
    static final List<String> JSON = List.of("application/json", "text/json", "text/javascript");
    static final List<String> HTML = List.of("text/html", "application/xhtml+xml");
    static final int MAX_JSON = 256 << 10;
    static final int MAX_HTML = 2 << 20;
    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 5000;
    /** X's and TikTok's ids carry the time they were made (X: milliseconds since its epoch, shifted by 22 bits). */
    private static final long X_EPOCH_MILLIS = 1288834974657L;

    private final PlatformHttp http;
    private final Endpoints endpoints;

    Platforms(PlatformHttp http, Endpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    Fetched ask(EmbedUrl url) throws PlatformHttp.Refused {
        return switch (url.provider()) {
            case YOUTUBE -> oEmbed(url, endpoints.youtube(), "&format=json");
            case VIMEO -> oEmbed(url, endpoints.vimeo(), "&dnt=true");
            case X -> oEmbed(url, endpoints.x(), "&omit_script=true&dnt=true");
            case TIKTOK -> oEmbed(url, endpoints.tiktok(), "");
            case TELEGRAM -> telegram(url);
            case INSTAGRAM, FACEBOOK -> openGraph(url);
        };
    }

    private Fetched oEmbed(EmbedUrl url, URI endpoint, String parameters) throws PlatformHttp.Refused {
        URI request =
                URI.create(endpoint + "?url=" + URLEncoder.encode(url.url(), StandardCharsets.UTF_8) + parameters);
        PlatformHttp.Answer answer = http.get(request, JSON, MAX_JSON);
        List<Problem> problems = new ArrayList<>();
        YamlMapping json = YamlMapping.parse(Path.of(url.provider().displayName()), 1, answer.text(), problems);
        if (!problems.isEmpty() || json.values().isEmpty()) {
            throw new PlatformHttp.Refused(
                    request.getHost() + " answered with something that is not an oEmbed JSON object");
        }
        String text = "";
        OffsetDateTime uploaded = date(string(json, "upload_date"));
        if (url.provider() == EmbedUrl.Provider.X) {
            text = postText(json);
            uploaded = plausible(Instant.ofEpochMilli((number(url.id()) >> 22) + X_EPOCH_MILLIS));
        } else if (url.provider() == EmbedUrl.Provider.TIKTOK) {
            uploaded = plausible(Instant.ofEpochSecond(number(url.id()) >>> 32));
        }
        String seconds = string(json, "duration");
        return new Fetched(
                url.provider().displayName() + "'s oEmbed answer",
                line(string(json, "title"), MAX_TITLE),
                line(string(json, "author_name"), MAX_TITLE),
                https(string(json, "author_url")),
                string(json, "thumbnail_url"),
                seconds.matches("\\d{1,6}") && !seconds.equals("0")
                        ? Duration.ofSeconds(Long.parseLong(seconds))
                        : null,
                uploaded,
                text);
    }

    /** An id of digits as a number, 0 when too long for one (then it holds no time). */
    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A time read from an id, when the id is of the kind that holds one (old, short ids do not). */
    private static OffsetDateTime plausible(Instant made) {
        OffsetDateTime time = made.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        return time.getYear() >= 2010 && made.isBefore(Instant.now().plus(Duration.ofDays(1))) ? time : null;
    }

    /** The words of a post in X's oEmbed {@code html} (a blockquote), without its byline and date line. */
    private static String postText(YamlMapping json) {
        Element quote = Jsoup.parseBodyFragment(string(json, "html")).selectFirst("blockquote");
        if (quote == null) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : quote.select("p")) {
            paragraphs.add(text(p));
        }
        return paragraphs(paragraphs);
    }

    private Fetched telegram(EmbedUrl url) throws PlatformHttp.Refused {
        Document page = page(url.playerUrl());
        Element message = page.selectFirst(".tgme_widget_message_text");
        Element owner = page.selectFirst(".tgme_widget_message_owner_name");
        Element time = page.selectFirst(".tgme_widget_message_date time[datetime]");
        String channel = url.url().split("/")[3];
        if (message == null) {
            Fetched graph = openGraph(url, page);
            return new Fetched(
                    graph.source(),
                    graph.title(),
                    graph.author().isEmpty() ? graph.title() : graph.author(),
                    "https://t.me/" + channel,
                    graph.thumbnail(),
                    null,
                    graph.uploaded(),
                    graph.text());
        }
        return new Fetched(
                "Telegram's embed page",
                "",
                owner == null ? "" : line(owner.text(), MAX_TITLE),
                "https://t.me/" + channel,
                "",
                null,
                time == null ? null : date(time.attr("datetime")),
                paragraphs(List.of(text(message))));
    }

    private Fetched openGraph(EmbedUrl url) throws PlatformHttp.Refused {
        return openGraph(url, page(url.url()));
    }

    private static Fetched openGraph(EmbedUrl url, Document page) throws PlatformHttp.Refused {
        String title = line(meta(page, "og:title"), MAX_TITLE);
        String description = paragraphs(List.of(meta(page, "og:description")));
        if (title.isEmpty() && description.isEmpty()) {
            throw new PlatformHttp.Refused(url.provider().displayName()
                    + "'s page shows nothing without a login (no Open Graph title or description)"
                    + (url.provider() == EmbedUrl.Provider.TELEGRAM ? "" : "; its oEmbed needs a Meta app token")
                    + ": write the file yourself (author, text, uploaded)");
        }
        return new Fetched(
                url.provider().displayName() + "'s Open Graph tags",
                title,
                "", // an Open Graph title names the post, not reliably its author
                "",
                meta(page, "og:image"),
                null,
                date(meta(page, "article:published_time")),
                description);
    }

    private Document page(String address) throws PlatformHttp.Refused {
        PlatformHttp.Answer answer = http.get(endpoints.page(address), HTML, MAX_HTML);
        try {
            return Jsoup.parse(
                    new ByteArrayInputStream(answer.body()),
                    answer.charset() == null ? null : answer.charset().name(),
                    answer.uri().toString());
        } catch (IOException | UncheckedIOException e) {
            throw new PlatformHttp.Refused(answer.uri().getHost() + " sent a page that cannot be read");
        }
    }

    private static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return meta == null ? "" : meta.attr("content");
    }

    private static String string(YamlMapping json, String key) {
        Object value = json.values().get(key);
        return value instanceof String || value instanceof Number
                ? String.valueOf(value).strip()
                : "";
    }

    /** The text of {@code element}: its words and line breaks, never its markup (scripts are not text). */
    private static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode words) {
                text.append(words.text());
            } else if (node instanceof Element child) {
                if (child.normalName().equals("br")) {
                    text.append('\n');
                } else if (!Set.of("script", "style", "template", "noscript").contains(child.normalName())) {
                    text.append(text(child));
                }
            }
        }
        return text.toString();
    }

    /** One line of plain text: any markup in it becomes its text, controls and runs of spaces one space. */
    static String line(String value, int max) {
        return cut(
                Jsoup.parseBodyFragment(value)
                        .text()
                        .replaceAll("[\\p{Cntrl}\\s]+", " ")
                        .strip(),
                max);
    }

    /** Paragraphs of plain text, lines kept, at most {@link #MAX_TEXT} characters in all. */
    static String paragraphs(List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : paragraphs) {
            List<String> lines = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                String flat = line.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
                if (!flat.isEmpty()) {
                    lines.add(flat);
                }
            }
            if (!lines.isEmpty()) {
                kept.add(String.join("\n", lines));
            }
        }
        return cut(String.join("\n\n", kept), MAX_TEXT);
    }

    private static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    /** {@code address} when it is an https address the build accepts as it is, else "". */
    static String https(String address) {
        return address.length() <= 500 && EmbedStore.isHttps(address) ? address : "";
    }

    /** An ISO date, date-time or date-time with offset (also with a space for the T), as UTC when no offset. */
    static OffsetDateTime date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            // not with an offset
        }
        try {
            return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(iso).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
