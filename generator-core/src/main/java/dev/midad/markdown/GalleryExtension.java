package dev.midad.markdown;

import dev.midad.image.BodyGalleries;
import dev.midad.markdown.MarkdownRenderer.Mistake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A photo gallery inside an article body: a fenced block whose info string is {@code gallery}, one image a line,
 * {@code image | caption | credit} (caption and credit optional; {@code \|} for a bar inside them), the image
 * written as Markdown ({@code ![alt](/images/a.jpg)}) or as a bare path or https address:
 *
 * <pre>
 * ```gallery
 * ![رافعات في ميناء أوديسا](/images/odesa-port.jpg) | سفينة شحن تنتظر التحميل. | رويترز
 * /images/kyiv.jpg | ساحة الاستقلال
 * ```
 * </pre>
 *
 * It renders as the theme's gallery grid ({@link BodyGalleries}); captions and credits are text, never markup. A
 * line that is not an image is left out of the HTML and reported by {@link #mistakes} with its line. A fenced
 * block is the one syntax CommonMark already keeps apart from everything else: editors, previews and other
 * Markdown tools show it as a block of lines, never as broken text.
 */
final class GalleryExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    static final String INFO = "gallery";
    private static final Pattern MARKDOWN_IMAGE =
            Pattern.compile("!\\[(.*)]\\(\\s*<?([^\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern ADDRESS = Pattern.compile("(?i)(/[^/].*|/|https?://\\S+)");

    private GalleryExtension() {}

    static Extension create() {
        return new GalleryExtension();
    }

    /** One image line. */
    record Item(int line, String src, String alt, String caption, String credit) {}

    /** A {@code gallery} block after parsing: its images and what was wrong with its other lines. */
    static final class GalleryBlock extends CustomBlock {
        final List<Item> items;
        final List<Mistake> mistakes;
        /** Lines of the file before the body (front matter), set per render: lines in marks and mistakes are the file's. */
        int offset;

        GalleryBlock(List<Item> items, List<Mistake> mistakes) {
            this.items = List.copyOf(items);
            this.mistakes = List.copyOf(mistakes);
        }

        int line(int bodyLine) {
            return bodyLine > 0 ? bodyLine + offset : 0;
        }
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(new Blocks());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Renderer::new);
    }

    /**
     * Every mistake of every gallery block of {@code document}, in order (walked without recursion), at lines of
     * a file whose body starts at {@code firstLine}; the blocks' marks will show such lines too.
     */
    static List<Mistake> mistakes(Node document, int firstLine) {
        List<Mistake> found = new ArrayList<>();
        Node node = document;
        while (node != null) {
            if (node instanceof GalleryBlock gallery) {
                gallery.offset = firstLine - 1;
                gallery.mistakes.forEach(m -> found.add(new Mistake(gallery.line(m.line()), m.message())));
            }
            node = next(node, document);
        }
        return found;
    }

    /** The node after {@code node} in document order, below {@code root}; null at the end. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        while (node != root && node.getNext() == null) {
            node = node.getParent();
        }
        return node == root ? null : node.getNext();
    }

    /** Replaces each fenced {@code gallery} block by a {@link GalleryBlock}. */
    private static final class Blocks implements PostProcessor {
        @Override
        public Node process(Node document) {
            List<FencedCodeBlock> fenced = new ArrayList<>();
            for (Node node = document; node != null; node = next(node, document)) {
                if (node instanceof FencedCodeBlock block
                        && INFO.equalsIgnoreCase(block.getInfo().strip())) {
                    fenced.add(block);
                }
            }
            for (FencedCodeBlock block : fenced) {
                GalleryBlock gallery = parse(block);
                gallery.setSourceSpans(block.getSourceSpans());
                block.insertBefore(gallery);
                block.unlink();
            }
            return document;
        }
    }

    private static GalleryBlock parse(FencedCodeBlock block) {
        List<SourceSpan> spans = block.getSourceSpans();
        int fenceLine = spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
        List<Item> items = new ArrayList<>();
        List<Mistake> mistakes = new ArrayList<>();
        String[] lines = block.getLiteral().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = fenceLine == 0 ? 0 : fenceLine + 1 + i;
            String text = lines[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            List<String> fields = fields(text);
            if (fields.size() > 3) {
                mistakes.add(new Mistake(
                        line,
                        "a gallery line has more than three parts (image | caption | credit): write a '|' inside a"
                                + " caption or credit as \\|"));
                continue;
            }
            String image = fields.get(0);
            String alt = "";
            String src = image;
            Matcher markdown = MARKDOWN_IMAGE.matcher(image);
            if (markdown.matches()) {
                alt = markdown.group(1).strip();
                src = markdown.group(2);
            }
            if (src.isEmpty() || !ADDRESS.matcher(src).matches() || src.startsWith("//")) {
                mistakes.add(new Mistake(
                        line,
                        (src.isEmpty()
                                        ? "a gallery line has no image"
                                        : "'" + visible(src) + "' is not an image address")
                                + ": start the line with a path under static/ or an https address, e.g."
                                + " ![alt text](/images/photo.jpg) | caption | credit"));
                continue;
            }
            items.add(new Item(
                    line, src, alt, fields.size() > 1 ? fields.get(1) : "", fields.size() > 2 ? fields.get(2) : ""));
        }
        if (items.isEmpty() && mistakes.isEmpty()) {
            mistakes.add(new Mistake(
                    fenceLine,
                    "this gallery block has no images: write one per line, e.g. /images/photo.jpg | caption | credit"));
        }
        return new GalleryBlock(items, mistakes);
    }

    /** The parts of a line between unescaped bars, each stripped, {@code \|} turned into a bar. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                field.append('|');
                i++;
            } else if (c == '|') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** A short, printable form of what an editor wrote, for problems. */
    private static String visible(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }

    /** Writes the theme's gallery markup, each figure marked with its line (see {@link BodyGalleries}). */
    private static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(GalleryBlock.class);
        }

        @Override
        public void render(Node node) {
            GalleryBlock gallery = (GalleryBlock) node;
            if (gallery.items.isEmpty()) {
                return;
            }
            html.line();
            html.tag("section", Map.of("class", BodyGalleries.SECTION));
            html.line();
            html.tag("ul", Map.of("class", BodyGalleries.GRID));
            html.line();
            for (Item item : gallery.items) {
                html.tag("li");
                Map<String, String> figure = new LinkedHashMap<>();
                figure.put("class", BodyGalleries.ITEM);
                if (gallery.line(item.line()) > 0) {
                    figure.put("id", BodyGalleries.LINE_MARK + gallery.line(item.line()));
                }
                html.tag("figure", figure);
                Map<String, String> img = new LinkedHashMap<>();
                img.put("src", context.encodeUrl(item.src()));
                img.put("alt", item.alt());
                html.tag("img", img, true);
                if (!item.caption().isEmpty() || !item.credit().isEmpty()) {
                    html.tag("figcaption");
                    html.text(item.caption());
                    if (!item.credit().isEmpty()) {
                        if (!item.caption().isEmpty()) {
                            html.text(" ");
                        }
                        html.tag("small", Map.of("class", BodyGalleries.CREDIT));
                        html.text(item.credit());
                        html.tag("/small");
                    }
                    html.tag("/figcaption");
                }
                html.tag("/figure");
                html.tag("/li");
                html.line();
            }
            html.tag("/ul");
            html.line();
            html.tag("/section");
            html.line();
        }
    }
}
