package dev.midad.markdown;

import dev.midad.config.SiteConfig;
import dev.midad.html.BodyChain;
import dev.midad.html.HtmlStage;
import dev.midad.html.PlainText;
import java.util.List;
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
import org.jsoup.nodes.Element;

/**
 * CommonMark with GFM tables, strikethrough, autolinks, footnotes, heading anchors and photo galleries
 * ({@link GalleryExtension}), followed by the HTML
 * stage's first chain ({@link HtmlStage#rendered}: the safelist, unless the site sets {@code trust_html: true},
 * then link encoding). One instance is shared by all threads: commonmark parsers and renderers are immutable.
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

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    /** The sanitiser and link encoding of {@link HtmlStage#rendered}. */
    private final BodyChain html;

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
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                FootnotesExtension.create(),
                HeadingAnchorExtension.create(),
                GalleryExtension.create());
        // The guard is registered before the extensions, so it runs before their (recursive) post-processors.
        this.parser = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .postProcessor(new NestingGuard())
                .extensions(extensions)
                .build();
        this.htmlRenderer = HtmlRenderer.builder().extensions(extensions).build();
        this.html = HtmlStage.rendered(embedHosts, trustHtml);
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

    /**
     * The rendered body; {@code mistakes} are lines it left out (a gallery line that is not an image), each to be
     * reported as a problem of the file.
     */
    public record Rendered(String html, String text, String firstParagraph, List<Mistake> mistakes) {
        public Rendered {
            mistakes = List.copyOf(mistakes);
        }
    }

    /** Something wrong at a 1-based line of the file (see {@link #render(String, int)}), with what to do about it. */
    public record Mistake(int line, String message) {}

    /**
     * Renders {@code markdown}.
     *
     * @throws TooDeepException when quotes, lists or inline markup nest deeper than {@link #MAX_NESTING}
     */
    public Rendered render(String markdown) {
        return render(markdown, 1);
    }

    /**
     * Renders {@code markdown}, the body of a file where it starts at line {@code firstLine}: {@link Mistake}s
     * and gallery marks name lines of the file.
     *
     * @throws TooDeepException when quotes, lists or inline markup nest deeper than {@link #MAX_NESTING}
     */
    public Rendered render(String markdown, int firstLine) {
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (StackOverflowError e) {
            // commonmark's inline parser merges text nodes recursively, once per level of emphasis, before the
            // guard can run; thousands of nested '*' overflow there. Nothing is shared between parses, so the
            // error is safe to catch here and report (classes it touches were loaded by the warm-up).
            throw new TooDeepException(busiestLine(markdown));
        }
        List<Mistake> mistakes = GalleryExtension.mistakes(document, firstLine);
        // text and excerpt come from the sanitised HTML, never from the source: raw tags and link syntax
        // written in Markdown must not reach summaries (which feeds and social cards publish)
        Element body = this.html.body(htmlRenderer.render(document));
        return new Rendered(body.html(), body.text(), PlainText.firstParagraph(body), mistakes);
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
