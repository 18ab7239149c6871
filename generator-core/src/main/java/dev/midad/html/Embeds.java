package dev.midad.html;

import dev.midad.i18n.Messages;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a post or video address written alone on a line (a paragraph holding nothing but that bare link) into a
 * privacy-preserving embed built from the data stored in {@code data/embeds/}: a video becomes a facade (the
 * stored thumbnail, a play button, the title, a link to the original), a post a quote card (text, author,
 * date, link). Nothing is loaded from the platform until a reader clicks: the page holds the player's address
 * in {@code data-embed-src} only when its host is in {@code embed_hosts}, and the theme's {@code assets/embed.js}
 * puts it into a sandboxed iframe on the click. Without stored data the line becomes a plain link card.
 * {@link EmbedLinks} turns the facade into a plain link for feeds and AMP.
 */
public final class Embeds implements BodyProcessor {
    /** What players may ask for; a subset of the sanitiser's {@code allow} features. */
    static final String PLAYER_ALLOW = "autoplay; encrypted-media; fullscreen; picture-in-picture";

    /** One address written alone on a line ({@code written} as the body has it), with its stored data (or null). */
    public record Found(String written, EmbedUrl url, EmbedData data) {}

    /** How every paragraph that is one link starts in the HTML of the first chain. */
    private static final String CANDIDATE = "<p><a href=\"http";

    private final Map<String, EmbedData> stored;
    private final Set<String> hosts;
    private final Messages messages;
    private final Function<ZonedDateTime, String> dateText;

    /**
     * @param stored     what {@code data/embeds/} holds, by {@link EmbedUrl#dataKey()}
     * @param embedHosts hosts whose players a click may load ({@code embed_hosts})
     * @param dateText   a date as the site writes it
     */
    public Embeds(
            Map<String, EmbedData> stored,
            List<String> embedHosts,
            Messages messages,
            Function<ZonedDateTime, String> dateText) {
        this.stored = Map.copyOf(stored);
        this.hosts = embedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.messages = messages;
        this.dateText = dateText;
    }

    @Override
    public boolean mayChange(String html) {
        return mayHoldAddresses(html);
    }

    /** False for a body with no paragraph that starts with a link: then no line is a bare address. */
    public static boolean mayHoldAddresses(String html) {
        return html.contains(CANDIDATE);
    }

    @Override
    public boolean process(Element body) {
        boolean changed = false;
        for (Element paragraph : new ArrayList<>(body.children())) {
            Optional<EmbedUrl> url = addressAlone(paragraph);
            if (url.isPresent()) {
                paragraph.replaceWith(render(url.get(), stored.get(url.get().dataKey())));
                changed = true;
            }
        }
        return changed;
    }

    /** Every address written alone on a line of {@code html}, in order, with its stored data. */
    public List<Found> found(String html) {
        return found(html, stored);
    }

    /** As {@link #found(String)}, with the data {@code stored} by {@link EmbedUrl#dataKey()}. */
    public static List<Found> found(String html, Map<String, EmbedData> stored) {
        if (!mayHoldAddresses(html)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Element paragraph : Jsoup.parseBodyFragment(html).body().children()) {
            addressAlone(paragraph)
                    .ifPresent(url ->
                            found.add(new Found(paragraph.child(0).attr("href"), url, stored.get(url.dataKey()))));
        }
        return found;
    }

    /**
     * The post or video a top-level paragraph names when it holds nothing but one bare link (its text is its
     * address, as autolinks write it); a link with other words, or inside a quote or list, stays a link.
     */
    static Optional<EmbedUrl> addressAlone(Element paragraph) {
        if (!paragraph.normalName().equals("p") || paragraph.childrenSize() != 1) {
            return Optional.empty();
        }
        Element link = paragraph.child(0);
        if (!link.normalName().equals("a") || link.childrenSize() != 0) {
            return Optional.empty();
        }
        for (Node node : paragraph.childNodes()) {
            if (node instanceof TextNode text && !text.isBlank()) {
                return Optional.empty();
            }
        }
        String href = link.attr("href");
        String text = link.text().strip();
        if (!(href.equals(text) || href.equals("http://" + text) || href.equals("https://" + text))) {
            return Optional.empty();
        }
        return EmbedUrl.parse(href);
    }

    private Element render(EmbedUrl url, EmbedData data) {
        EmbedUrl.Provider provider = url.provider();
        if (data == null) {
            Element card = new Element("p").addClass("embed-card");
            card.appendElement("a").attr("href", url.url()).attr("dir", "ltr").text(url.url());
            card.appendText(" ");
            card.appendElement("span").addClass("embed-meta").text(provider.displayName());
            return card;
        }
        Element figure = new Element("figure")
                .addClass("embed")
                .addClass(provider.video() ? "embed-video" : "embed-post")
                .addClass("embed-" + provider.key());
        String title = !data.title().isEmpty() ? data.title() : !data.author().isEmpty() ? data.author() : url.url();
        String player = url.playerUrl();
        if (Sanitizer.isEmbed(player, hosts)) {
            figure.attr("data-embed-src", provider.video() ? autoplay(player) : player)
                    .attr("data-embed-title", title)
                    .attr("data-embed-sandbox", Sanitizer.IFRAME_SANDBOX)
                    .attr("data-embed-allow", PLAYER_ALLOW);
            if (!provider.video()) {
                figure.attr("data-embed-label", messages.get("embed_load", provider.displayName()));
            }
        }
        if (provider.video()) {
            Element preview = figure.appendElement("a")
                    .addClass("embed-preview")
                    .attr("href", url.url())
                    .attr("aria-label", messages.get("embed_play", title, provider.displayName()));
            if (data.localThumbnail()) {
                preview.appendElement("img")
                        .attr("src", data.thumbnail())
                        .attr("alt", "")
                        .attr("loading", "lazy")
                        .attr("decoding", "async");
            }
            preview.appendElement("span").addClass("embed-play").attr("aria-hidden", "true");
        } else if (!data.text().isEmpty()) {
            Element quote = figure.appendElement("blockquote")
                    .addClass("embed-quote")
                    .attr("cite", url.url())
                    .attr("dir", "auto");
            for (String paragraph : data.text().strip().split("\\n\\s*\\n")) {
                Element p = quote.appendElement("p");
                String[] lines = paragraph.strip().split("\\n");
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        p.appendElement("br");
                    }
                    p.appendText(lines[i].strip());
                }
            }
        }
        Element caption = figure.appendElement("figcaption");
        caption.appendElement("a")
                .addClass("embed-title")
                .attr("href", url.url())
                .attr("dir", "auto")
                .text(
                        provider.video() || data.text().isEmpty()
                                ? title
                                : data.author().isEmpty() ? title : data.author());
        Element meta = caption.appendText(" ").appendElement("span").addClass("embed-meta");
        meta.appendText(provider.displayName());
        if (provider.video() && !data.author().isEmpty()) {
            meta.appendText(" · ").appendElement("bdi").text(data.author());
        }
        if (data.duration() != null) {
            meta.appendText(" · ")
                    .appendElement("span")
                    .addClass("embed-duration")
                    .text(clock(data.duration()));
        }
        if (data.uploaded() != null) {
            meta.appendText(" · ")
                    .appendElement("time")
                    .attr("datetime", data.uploaded().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .text(dateText.apply(data.uploaded()));
        }
        return figure;
    }

    private static String autoplay(String player) {
        return player + (player.contains("?") ? "&" : "?") + "autoplay=1";
    }

    /** A duration as a player shows it (4:05, 1:02:03), in the site's digits. */
    private String clock(Duration duration) {
        long seconds = duration.getSeconds();
        long hours = seconds / 3600;
        String minutes = hours > 0 ? twoDigits(seconds / 60 % 60) : messages.number(seconds / 60 % 60);
        return (hours > 0 ? messages.number(hours) + ":" : "") + minutes + ":" + twoDigits(seconds % 60);
    }

    private String twoDigits(long n) {
        return (n < 10 ? messages.number(0) : "") + messages.number(n);
    }
}
