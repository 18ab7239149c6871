package dev.midad.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A jsoup {@link Safelist} pass so raw HTML in an article cannot publish scripts, event handlers,
 * {@code javascript:} links or frames from anywhere. The policy:
 * <ul>
 *   <li>jsoup's "relaxed" safelist (text formatting, links, images, tables, lists, quotes) plus a few
 *       newsroom tags ({@code figure}, {@code figcaption}, {@code mark}, {@code bdi} …); no scripts, styles,
 *       forms, objects or event handlers;</li>
 *   <li>links may be http(s), mailto, tel, sms, irc(s) or relative; images http(s), relative, or {@code data:image/…};</li>
 *   <li>{@code <iframe>} only with an {@code https} address on a host listed in {@code embed_hosts}, with
 *       {@code src, width, height, title, loading, allowfullscreen, referrerpolicy} and a {@code sandbox}
 *       that lets the player run but not navigate the page, open dialogs or submit forms;</li>
 *   <li>{@code style} only as {@code text-align} on table cells (what GFM tables need).</li>
 * </ul>
 * Relative links survive only when the body was parsed against a base ({@link HtmlStage} gives one).
 */
final class Sanitizer implements BodyProcessor {
    /** The player may run scripts in its own origin and go full screen; it may not navigate or script this page. */
    static final String IFRAME_SANDBOX =
            "allow-scripts allow-same-origin allow-presentation allow-popups" + " allow-popups-to-escape-sandbox";

    /** Permissions an embedded player may ask for with {@code allow="…"}; camera, microphone, location never. */
    private static final Set<String> IFRAME_FEATURES = Set.of(
            "accelerometer",
            "autoplay",
            "clipboard-write",
            "encrypted-media",
            "fullscreen",
            "gyroscope",
            "picture-in-picture",
            "web-share");

    private static final Pattern DATA_IMAGE = Pattern.compile("(?is)data:image/[a-z0-9.+-]+(;[a-z0-9.+=-]+)*,.*");
    private static final Pattern TEXT_ALIGN =
            Pattern.compile("(?i)\\s*text-align\\s*:\\s*(left|right|center|start|end|justify)\\s*;?\\s*");

    private final Safelist safelist;

    /** @param embedHosts hosts (e.g. {@code www.youtube.com}) whose https iframes are kept */
    Sanitizer(List<String> embedHosts) {
        this.safelist = new Policy(embedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Replaces the body's content by its cleaned copy, then narrows what iframes may ask for. */
    @Override
    public boolean process(Element body) {
        Document clean = new Cleaner(safelist).clean(body.ownerDocument());
        body.empty();
        body.insertChildren(0, clean.body().childNodes());
        // what select("iframe:not([src])") and select("iframe[allow]") find, without parsing the queries
        body.getElementsByTag("iframe").stream()
                .filter(frame -> !frame.hasAttr("src"))
                .forEach(Element::remove);
        for (Element frame : body.getElementsByTag("iframe")) {
            if (!frame.hasAttr("allow")) {
                continue;
            }
            String allowed = Arrays.stream(frame.attr("allow").split(";"))
                    .map(String::strip)
                    .filter(f -> IFRAME_FEATURES.contains(f.split("\\s+")[0].toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining("; "));
            if (allowed.isEmpty()) {
                frame.removeAttr("allow");
            } else {
                frame.attr("allow", allowed);
            }
        }
        return true;
    }

    /** Whether {@code src} is an https address on one of {@code hosts} (no user info, default port). */
    static boolean isEmbed(String src, Set<String> hosts) {
        try {
            URI uri = new URI(src.strip());
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getRawUserInfo() == null
                    && (uri.getPort() == -1 || uri.getPort() == 443)
                    && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether {@code src} is a {@code data:} URL of an image type (inert in {@code <img>}, even SVG). */
    static boolean isDataImage(String src) {
        return DATA_IMAGE.matcher(src.strip()).matches();
    }

    /** jsoup's relaxed safelist with the few additions and the attribute checks described on the class. */
    private static final class Policy extends Safelist {
        private final Set<String> embedHosts;

        Policy(Set<String> embedHosts) {
            super(Safelist.relaxed());
            this.embedHosts = embedHosts;
            addTags("section", "del", "s", "figure", "figcaption", "bdi", "mark", "abbr", "hr", "small");
            addAttributes(":all", "id", "class", "dir", "lang", "title", "aria-label");
            addAttributes("a", "rel");
            // autolinks of these schemes are legitimate (chat rooms, phone numbers); none can run script
            addProtocols("a", "href", "irc", "ircs", "tel", "sms");
            addAttributes("th", "align", "style");
            addAttributes("td", "align", "style");
            preserveRelativeLinks(true);
            if (!embedHosts.isEmpty()) {
                addTags("iframe");
                addAttributes(
                        "iframe",
                        "src",
                        "width",
                        "height",
                        "title",
                        "loading",
                        "allowfullscreen",
                        "referrerpolicy",
                        "allow");
                addEnforcedAttribute("iframe", "sandbox", IFRAME_SANDBOX);
            }
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
            String key = attr.getKey().toLowerCase(Locale.ROOT);
            String value = attr.getValue();
            if (tagName.equals("iframe") && key.equals("src")) {
                return isEmbed(value, embedHosts);
            }
            if (tagName.equals("img") && key.equals("src") && value.strip().regionMatches(true, 0, "data:", 0, 5)) {
                return isDataImage(value);
            }
            if (key.equals("style")) {
                return super.isSafeAttribute(tagName, el, attr)
                        && TEXT_ALIGN.matcher(value).matches();
            }
            return super.isSafeAttribute(tagName, el, attr);
        }
    }
}
