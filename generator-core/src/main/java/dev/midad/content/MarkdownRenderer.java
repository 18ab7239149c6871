package dev.midad.content;

import dev.midad.config.SiteConfig;
import dev.midad.model.UrlPaths;
import dev.midad.postprocess.HtmlFragments;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CommonMark with GFM tables, strikethrough, autolinks, footnotes and heading anchors, followed by a jsoup
 * {@link Safelist} pass so raw HTML in an article cannot publish scripts, event handlers, {@code javascript:}
 * links or frames from anywhere. One instance is shared by all threads: commonmark parsers and renderers are
 * immutable.
 *
 * <p>The policy, unless the site sets {@code trust_html: true}:
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
 *
 * <p>Nesting is capped at {@link #MAX_NESTING} levels before any recursive code runs: commonmark's visitors
 * recurse once per level, and a few hundred nested quotes or lists overflow a thread's stack.
 */
public final class MarkdownRenderer {
    /**
     * Deepest nesting of quotes, list items, footnotes and inline markup an article may use. Real articles stay
     * below ten; commonmark's renderers overflow a 256 KB thread stack from about 150 nested lists.
     */
    public static final int MAX_NESTING = 100;

    /** Relative links are only kept by jsoup's cleaner when they resolve against some base. */
    private static final String SANITIZE_BASE = "https://midad.invalid/";

    /** The player may run scripts in its own origin and go full screen; it may not navigate or script this page. */
    static final String IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"
            + " allow-popups-to-escape-sandbox";

    /** Permissions an embedded player may ask for with {@code allow="…"}; camera, microphone, location never. */
    private static final Set<String> IFRAME_FEATURES = Set.of("accelerometer", "autoplay", "clipboard-write",
            "encrypted-media", "fullscreen", "gyroscope", "picture-in-picture", "web-share");

    private static final Pattern DATA_IMAGE = Pattern.compile(
            "(?is)data:image/[a-z0-9.+-]+(;[a-z0-9.+=-]+)*,.*");
    private static final Pattern TEXT_ALIGN = Pattern.compile(
            "(?i)\\s*text-align\\s*:\\s*(left|right|center|start|end|justify)\\s*;?\\s*");

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final Safelist safelist;
    private final boolean trustHtml;

    /** The strictest policy: sanitised HTML and no embeds (what a site gets with {@code embed_hosts: []}). */
    public MarkdownRenderer() {
        this(List.of(), false);
    }

    /** The policy of {@code config}: its {@code embed_hosts} and {@code trust_html}. */
    public MarkdownRenderer(SiteConfig config) {
        this(config.embedHosts(), config.trustHtml());
    }

    /**
     * @param embedHosts hosts (e.g. {@code www.youtube.com}) whose https iframes are kept
     * @param trustHtml  publish raw HTML as written, without any cleaning
     */
    public MarkdownRenderer(List<String> embedHosts, boolean trustHtml) {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnotesExtension.create(), HeadingAnchorExtension.create());
        // The guard is registered before the extensions, so it runs before their (recursive) post-processors.
        this.parser = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .postProcessor(new NestingGuard())
                .extensions(extensions)
                .build();
        this.htmlRenderer = HtmlRenderer.builder().extensions(extensions).build();
        this.trustHtml = trustHtml;
        this.safelist = new Policy(embedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
        render(WARM_UP);
    }

    /**
     * Every construct once, so the classes involved are loaded before a hostile input can exhaust the stack
     * (a class whose initialisation is cut short by a stack overflow would stay unusable).
     */
    private static final String WARM_UP = """
            # عنوان
            نص *مائل* و**عريض** و~~محذوف~~ و`شيفرة` و[رابط](/x/) و![صورة](/y.png) https://example.org <b>خام</b>[^1]

            > اقتباس
            > - بند
            > 1. بند

            | أ | ب |
            |---|--:|
            | 1 | 2 |

            ```
            code
            ```

            <div>كتلة</div>

            [^1]: حاشية
            """;

    /** The 1-based line with the most emphasis delimiters: where a too-deep nesting most likely is. */
    static int busiestLine(String markdown) {
        int best = 0;
        int bestLine = 1;
        int line = 1;
        int count = 0;
        for (int i = 0; i <= markdown.length(); i++) {
            char c = i < markdown.length() ? markdown.charAt(i) : '\n';
            if (c == '\n') {
                if (count > best) {
                    best = count;
                    bestLine = line;
                }
                line++;
                count = 0;
            } else if (c == '*' || c == '_' || c == '~' || c == '>' || c == '[') {
                count++;
            }
        }
        return bestLine;
    }

    /** The rendered body. */
    public record Rendered(String html, String text, String firstParagraph) {
    }

    /**
     * Renders {@code markdown}.
     *
     * @throws TooDeepException when quotes, lists or inline markup nest deeper than {@link #MAX_NESTING}
     */
    public Rendered render(String markdown) {
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (StackOverflowError e) {
            // commonmark's inline parser merges text nodes recursively, once per level of emphasis, before the
            // guard can run; thousands of nested '*' overflow there. Nothing is shared between parses, so the
            // error is safe to catch here and report (classes it touches were loaded by the warm-up).
            throw new TooDeepException(busiestLine(markdown));
        }
        // text and excerpt come from the sanitised HTML, never from the source: raw tags and link syntax
        // written in Markdown must not reach summaries (which feeds and social cards publish)
        Element body = sanitize(htmlRenderer.render(document));
        return new Rendered(body.html(), body.text(), PlainText.firstParagraph(body));
    }

    /** Safelist cleaning, then every link and image address percent-encoded like the site's own links. */
    private Element sanitize(String html) {
        Document doc = Jsoup.parseBodyFragment(html, SANITIZE_BASE);
        Document clean = trustHtml ? doc : new Cleaner(safelist).clean(doc);
        clean.outputSettings().prettyPrint(false);
        if (!trustHtml) {
            // what select("iframe:not([src])") and select("iframe[allow]") find, without parsing the queries
            clean.getElementsByTag("iframe").stream().filter(frame -> !frame.hasAttr("src")).forEach(Element::remove);
            for (Element frame : clean.getElementsByTag("iframe")) {
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
        }
        HtmlFragments.rewriteLinks(clean.body(), (element, attribute, value) -> UrlPaths.encodeNonAscii(value));
        return clean.body();
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
                addAttributes("iframe", "src", "width", "height", "title", "loading", "allowfullscreen",
                        "referrerpolicy", "allow");
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
            if (tagName.equals("img") && key.equals("src")
                    && value.strip().regionMatches(true, 0, "data:", 0, 5)) {
                return isDataImage(value);
            }
            if (key.equals("style")) {
                return super.isSafeAttribute(tagName, el, attr) && TEXT_ALIGN.matcher(value).matches();
            }
            return super.isSafeAttribute(tagName, el, attr);
        }
    }

    /** Markdown nested deeper than {@link #MAX_NESTING} levels. */
    public static final class TooDeepException extends IllegalArgumentException {
        private final int line;

        TooDeepException(int line) {
            super("nested deeper than " + MAX_NESTING + " levels");
            this.line = line;
        }

        /** 1-based line of the body where the limit was passed (0 when unknown). */
        public int line() {
            return line;
        }
    }

    /**
     * Measures nesting without recursion, right after commonmark's (iterative) block and inline parsing and
     * before anything that recurses. A level is a quote, a list item, a footnote or an inline container
     * (emphasis, link, strikethrough …); lists themselves are not counted, their items are.
     */
    private static final class NestingGuard implements PostProcessor {
        @Override
        public Node process(Node document) {
            int level = 0;
            Node node = document;
            while (true) {
                Node child = node.getFirstChild();
                if (child != null) {
                    node = child;
                    level += counts(node);
                } else {
                    while (node != document && node.getNext() == null) {
                        level -= counts(node);
                        node = node.getParent();
                    }
                    if (node == document) {
                        return document;
                    }
                    level -= counts(node);
                    node = node.getNext();
                    level += counts(node);
                }
                if (level > MAX_NESTING) {
                    throw new TooDeepException(lineOf(node));
                }
            }
        }

        private static int counts(Node node) {
            if (node instanceof BlockQuote || node instanceof ListItem || node instanceof CustomBlock) {
                return 1;
            }
            return !(node instanceof Block) && node.getFirstChild() != null ? 1 : 0;
        }

        private static int lineOf(Node node) {
            for (Node n = node; n != null; n = n.getParent()) {
                List<SourceSpan> spans = n.getSourceSpans();
                if (!spans.isEmpty()) {
                    return spans.get(0).getLineIndex() + 1;
                }
            }
            return 0;
        }
    }
}
