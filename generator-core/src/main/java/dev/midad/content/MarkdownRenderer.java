package dev.midad.content;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import dev.midad.model.UrlPaths;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.List;

/**
 * CommonMark with GFM tables, strikethrough, autolinks, footnotes and heading anchors, followed by a jsoup
 * {@link Safelist} pass so raw HTML in an article cannot publish scripts or event handlers. One instance is
 * shared by all threads: commonmark parsers and renderers are immutable.
 */
public final class MarkdownRenderer {
    /** Relative links are only kept by jsoup's cleaner when they resolve against some base. */
    private static final String SANITIZE_BASE = "https://midad.invalid/";

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final TextContentRenderer textRenderer;
    private final Safelist safelist;

    public MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnotesExtension.create(), HeadingAnchorExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.htmlRenderer = HtmlRenderer.builder().extensions(extensions).build();
        this.textRenderer = TextContentRenderer.builder().extensions(extensions).build();
        this.safelist = Safelist.relaxed()
                .addTags("section", "del", "s", "figure", "figcaption", "bdi", "mark", "abbr", "hr", "small")
                .addAttributes(":all", "id", "class", "dir", "lang", "title", "aria-label")
                .addAttributes("a", "rel")
                .addAttributes("th", "align", "style")
                .addAttributes("td", "align", "style")
                .preserveRelativeLinks(true);
    }

    /** The rendered body. */
    public record Rendered(String html, String text, String firstParagraph) {
    }

    public Rendered render(String markdown) {
        Node document = parser.parse(markdown);
        String html = sanitize(htmlRenderer.render(document));
        String text = textRenderer.render(document);
        String first = "";
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                first = textRenderer.render(node).strip();
                break;
            }
        }
        return new Rendered(html, text, first);
    }

    /** Safelist cleaning, then every link and image address percent-encoded like the site's own links. */
    private String sanitize(String html) {
        Document clean = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, SANITIZE_BASE));
        clean.outputSettings().prettyPrint(false);
        for (Element el : clean.select("[href], [src]")) {
            String attr = el.hasAttr("href") ? "href" : "src";
            el.attr(attr, UrlPaths.encodeNonAscii(el.attr(attr)));
        }
        return clean.body().html();
    }
}
