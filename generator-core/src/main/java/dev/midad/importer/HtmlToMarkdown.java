package dev.midad.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Turns the HTML of a WordPress post into clean CommonMark (with GFM tables), the way an editor would have
 * written it: paragraphs, headings, emphasis, links, images, nested lists, quotes, code, simple tables.
 *
 * <p>What Markdown cannot say stays as an HTML block the site's sanitiser accepts: images with captions
 * ({@code [caption]} shortcodes and block-editor figures) become {@code <figure>}/{@code <figcaption>}; YouTube and
 * Vimeo embeds ({@code <iframe>}, {@code [embed]}, the block editor's embed block, a video address alone on a
 * line) become an {@code <iframe>} in a {@code <figure class="embed">}; tables with merged cells or no header row
 * stay tables in HTML. Classic-editor content gets WordPress's automatic paragraphs (a blank line separates
 * paragraphs, a single line break is a line break); block-editor content ({@code <!-- wp:… -->}) does not.
 * Control characters are dropped; text is escaped so it reads back exactly as written.
 *
 * <pre>{@code
 * HtmlToMarkdown.Result result = new HtmlToMarkdown().convert(post.content());
 * Files.writeString(file, result.markdown());
 * result.notes().forEach(System.out::println); // what could not be kept as it was
 * }</pre>
 *
 * <p>Instances are immutable and may be shared between threads.
 *
 * <p>Longer than 400 lines on purpose: one recursive walk over the DOM with a case per element, whose cases
 * share one conversion's state (its mode and the notes it collects); split apart they would pass it around.
 */
final class HtmlToMarkdown {
    /** Hard line break while a paragraph is assembled (a private-use character, never in input text). */
    private static final char BR = '\uE000';

    private static final String BR_STRING = String.valueOf(BR);
    private static final Pattern ENTITY =
            Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])(\\s.*|)$", Pattern.DOTALL);
    private static final Pattern YOUTUBE = Pattern.compile(
            "(?:youtube(?:-nocookie)?\\.com/(?:watch\\?(?:[^#]*&)?v=|embed/|shorts/|live/|v/)|youtu\\.be/)([A-Za-z0-9_-]{6,})");
    private static final Pattern VIMEO = Pattern.compile("vimeo\\.com/(?:video/)?(\\d+)");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("(?:language-|lang-|brush:\\s*)([A-Za-z0-9_+#-]+)");
    private static final Set<String> EMBED_HOSTS =
            Set.of("www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com");
    /** Inline elements kept as inline HTML (the sanitiser allows them; Markdown has no syntax for them). */
    private static final Set<String> INLINE_HTML =
            Set.of("sup", "sub", "u", "mark", "small", "abbr", "q", "cite", "bdi");

    private static final Set<String> DROPPED = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "head",
            "meta",
            "link",
            "form",
            "input",
            "button",
            "select",
            "textarea",
            "svg",
            "canvas",
            "map",
            "object",
            "embed",
            "param",
            "source",
            "track");
    private static final Set<String> CONTAINERS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "main",
            "aside",
            "nav",
            "center",
            "address",
            "details",
            "summary",
            "figcaption",
            "dd",
            "dt",
            "body");
    /** Blocks that an inline element (wrongly, but WordPress allows it) may contain. */
    private static final String BLOCK_INSIDE_INLINE = "iframe, video, audio, figure, table, ul, ol, pre, blockquote, "
            + Shortcodes.EMBED_TAG + ", " + Shortcodes.MEDIA_TAG;

    private static final Safelist CAPTION_SAFELIST = new Safelist()
            .addTags(
                    "a", "b", "strong", "i", "em", "br", "code", "sub", "sup", "small", "span", "bdi", "mark", "u",
                    "cite", "abbr")
            .addAttributes("a", "href", "title")
            .addAttributes(":all", "dir", "lang")
            .addAttributes("abbr", "title")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .preserveRelativeLinks(true);
    private static final String CLEAN_BASE = "https://midad.invalid/";

    private final Map<Long, Media> media;
    /** Every original and sized address of the media with a known size, to the original. */
    private final Map<String, Media> byUrl = new HashMap<>();

    /** A converter without a media library: {@code [gallery]} shortcodes are dropped (and noted). */
    public HtmlToMarkdown() {
        this(Map.of());
    }

    /** @param media attachments by WordPress id, so {@code [gallery ids="…"]} can name its images */
    public HtmlToMarkdown(Map<Long, Media> media) {
        this.media = Map.copyOf(media);
        new java.util.TreeMap<>(media).values().forEach(item -> {
            if (item.width() > 0) {
                byUrl.putIfAbsent(item.url(), item);
                item.sizes().forEach(sized -> byUrl.putIfAbsent(sized, item));
            }
        });
    }

    /**
     * An image of the media library.
     *
     * @param url    its address
     * @param alt    its alternative text (may be empty)
     * @param parent the post it was uploaded to (WordPress shows those in a {@code [gallery]} without ids); 0: none
     * @param width  the original's width from WordPress's metadata; 0 when unknown
     * @param height the original's height; 0 when unknown
     * @param sizes  the addresses of the smaller copies WordPress made ({@code x-300x200.jpg}), shown as the original
     */
    public record Media(String url, String alt, long parent, int width, int height, List<String> sizes) {
        public Media {
            sizes = List.copyOf(sizes);
        }

        public Media(String url, String alt, long parent) {
            this(url, alt, parent, 0, 0, List.of());
        }

        public Media(String url, String alt) {
            this(url, alt, 0);
        }
    }

    /**
     * The converted body.
     *
     * @param markdown CommonMark, blocks separated by blank lines, ending in a newline (empty for empty input)
     * @param notes    what an editor should check: dropped control characters, embeds of unknown hosts,
     *                 shortcodes left as text, removed scripts, …; no duplicates
     */
    public record Result(String markdown, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Converts one post body. */
    public Result convert(String html) {
        return convert(html, 0);
    }

    /** Converts the body of post {@code postId}, whose attached media fill {@code [gallery]}/{@code [audio]} without ids. */
    public Result convert(String html, long postId) {
        return new Conversion(html, postId).run();
    }

    /** The embeddable player address of a YouTube or Vimeo page address, or null for other addresses. */
    public static String playerUrl(String url) {
        Matcher youtube = YOUTUBE.matcher(url);
        if (youtube.find()) {
            return "https://www.youtube.com/embed/" + youtube.group(1);
        }
        Matcher vimeo = VIMEO.matcher(url);
        if (vimeo.find()) {
            return "https://player.vimeo.com/video/" + vimeo.group(1);
        }
        return null;
    }

    /** One conversion: its mode and the notes it collects. */
    private final class Conversion {
        private final String html;
        private final boolean autop;
        private final Set<String> notes = new LinkedHashSet<>();
        private final long postId;

        Conversion(String html, long postId) {
            this.html = html == null ? "" : html;
            this.postId = postId;
            this.autop = !this.html.contains("<!-- wp:");
        }

        Result run() {
            int controls = Texts.countControls(html);
            if (controls > 0) {
                notes.add(
                        controls == 1
                                ? "1 control character was removed"
                                : controls + " control characters were removed");
            }
            // BR marks line breaks while paragraphs are assembled; in input it could only be an icon-font glyph
            String clean = Texts.stripControls(html)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n')
                    .replace(BR_STRING, "");
            String expanded = Shortcodes.expand(clean, media, autop, notes, postId);
            Document doc = Jsoup.parseBodyFragment(expanded);
            List<String> blocks = blocks(doc.body());
            String markdown = blocks.isEmpty() ? "" : String.join("\n\n", blocks) + "\n";
            return new Result(markdown, new ArrayList<>(notes));
        }

        // ---- blocks -------------------------------------------------------------------------------------------

        /** The Markdown blocks of {@code container}'s children. */
        private List<String> blocks(Element container) {
            Blocks out = new Blocks();
            for (Node child : container.childNodes()) {
                block(child, out);
            }
            out.flush();
            return out.blocks;
        }

        /** Blocks being collected, and the paragraph being assembled from inline content. */
        private final class Blocks {
            final List<String> blocks = new ArrayList<>();
            final StringBuilder inline = new StringBuilder();

            void flush() {
                String paragraph = paragraph(inline.toString());
                if (!paragraph.isEmpty()) {
                    blocks.add(paragraph);
                }
                inline.setLength(0);
            }

            void add(String block) {
                flush();
                if (block != null && !block.isBlank()) {
                    blocks.add(block);
                }
            }
        }

        private void block(Node node, Blocks out) {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                if (autop) {
                    String[] parts = whole.split("\n[ \t\u00A0]*\n\\s*", -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i > 0) {
                            out.flush();
                        }
                        appendText(parts[i], out.inline);
                    }
                } else {
                    appendText(whole, out.inline);
                }
                return;
            }
            if (!(node instanceof Element e)) {
                return; // comments (<!-- wp:… -->, <!--more-->) and data
            }
            String tag = e.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> out.add(heading(e, tag.charAt(1) - '0'));
                case "ul", "ol" -> out.add(list(e));
                case "blockquote" -> out.add(quote(e));
                case "pre" -> out.add(codeBlock(e));
                case "hr" -> out.add("* * *");
                case "table" -> out.add(table(e));
                case "figure" -> {
                    out.flush();
                    out.blocks.addAll(figure(e));
                }
                case "iframe" -> out.add(iframe(e, null));
                case "video", "audio" ->
                    out.add(media(tag, e.hasAttr("src") ? e.attr("src") : firstSource(e), e.attr("poster"), null));
                case "dl" -> out.add(htmlBlock(e));
                case Shortcodes.EMBED_TAG -> out.add(embed(e.attr("data-url"), null));
                case Shortcodes.MEDIA_TAG ->
                    out.add(media(e.attr("data-kind"), e.attr("data-url"), e.attr("data-poster"), null));
                case "object", "embed" -> {
                    String url = (e.hasAttr("data") ? e.attr("data") : e.attr("src")).strip();
                    notes.add(
                            url.isEmpty()
                                    ? "<" + tag + "> (plug-in content) without an address was removed"
                                    : "<" + tag + "> (plug-in content) was replaced by a link to " + url);
                    out.add(url.isEmpty() ? null : "<" + url.replace(" ", "%20") + ">");
                }
                default -> {
                    if (DROPPED.contains(tag)) {
                        dropped(e);
                    } else if (CONTAINERS.contains(tag)) {
                        out.flush();
                        out.blocks.addAll(blocks(e));
                    } else if (e.selectFirst(BLOCK_INSIDE_INLINE) != null) {
                        // e.g. <strong><iframe …></strong>: the block matters more than the emphasis around it
                        for (Node child : e.childNodes()) {
                            block(child, out);
                        }
                    } else {
                        inline(e, out.inline);
                    }
                }
            }
        }

        private void dropped(Element e) {
            String tag = e.normalName();
            if (!tag.equals("style") && !tag.equals("meta") && !tag.equals("link") && !tag.equals("head")) {
                notes.add("<" + tag + "> was removed (the site does not publish it)");
            }
        }

        private String heading(Element h, int level) {
            StringBuilder inline = new StringBuilder();
            children(h, inline);
            String text = collapse(inline.toString().replace(BR, ' '));
            text = Texts.trim(text);
            if (text.isEmpty()) {
                return null;
            }
            if (text.endsWith("#")) {
                text = text.substring(0, text.length() - 1) + "\\#";
            }
            return "#".repeat(level) + " " + text;
        }

        private String list(Element list) {
            boolean ordered = list.normalName().equals("ol");
            int number = 1;
            if (ordered && list.attr("start").strip().matches("\\d{1,9}")) {
                number = Integer.parseInt(list.attr("start").strip());
            }
            List<String> items = new ArrayList<>();
            boolean loose = false;
            for (Element child : list.children()) {
                String tag = child.normalName();
                if (tag.equals("ul") || tag.equals("ol")) {
                    // <ul><li>a</li><ul>…</ul></ul>: the nested list belongs to the item before it
                    String nested = list(child);
                    if (items.isEmpty()) {
                        items.add(nested);
                    } else {
                        int last = items.size() - 1;
                        String marker = markerOf(items.get(last));
                        items.set(last, items.get(last) + "\n" + indent(nested, marker.length()));
                    }
                    continue;
                }
                if (!tag.equals("li")) {
                    continue;
                }
                List<String> content = blocks(child);
                if (content.isEmpty()) {
                    continue;
                }
                String marker = ordered ? number++ + ". " : "- ";
                StringBuilder item = new StringBuilder(content.get(0));
                for (int i = 1; i < content.size(); i++) {
                    boolean nestedList = isList(content.get(i));
                    if (!nestedList) {
                        loose = true;
                    }
                    item.append(nestedList && !isList(content.get(i - 1)) ? "\n" : "\n\n")
                            .append(content.get(i));
                }
                items.add(marker + indent(item.toString(), marker.length()));
            }
            if (items.isEmpty()) {
                return null;
            }
            return String.join(loose ? "\n\n" : "\n", items);
        }

        private static boolean isList(String block) {
            return block.startsWith("- ") || block.matches("(?s)^\\d{1,9}\\. .*");
        }

        private static String markerOf(String item) {
            return item.startsWith("- ") ? "- " : item.substring(0, item.indexOf(' ') + 1);
        }

        /** Every line after the first indented by {@code width} spaces (blank lines stay empty). */
        private static String indent(String text, int width) {
            String pad = " ".repeat(width);
            StringBuilder out = new StringBuilder();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append('\n');
                    if (!lines[i].isEmpty()) {
                        out.append(pad);
                    }
                }
                out.append(lines[i]);
            }
            return out.toString();
        }

        private String quote(Element quote) {
            List<String> content = blocks(quote);
            if (content.isEmpty()) {
                return null;
            }
            if (quote.hasClass("twitter-tweet") || quote.hasClass("instagram-media")) {
                notes.add("a social media embed was kept as a quotation with its link");
            }
            StringBuilder out = new StringBuilder();
            for (String line : String.join("\n\n", content).split("\n", -1)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(line.isEmpty() ? ">" : "> " + line);
            }
            return out.toString();
        }

        private String codeBlock(Element pre) {
            StringBuilder code = new StringBuilder();
            preText(pre, code);
            String text = code.toString();
            if (text.startsWith("\n")) {
                text = text.substring(1);
            }
            text = text.replaceAll("\\s+$", "");
            if (text.isEmpty()) {
                return null;
            }
            String language = "";
            for (Element candidate : List.of(pre, pre.selectFirst("code") == null ? pre : pre.selectFirst("code"))) {
                Matcher m = CODE_LANGUAGE.matcher(candidate.className());
                if (m.find()) {
                    language = m.group(1).toLowerCase(Locale.ROOT);
                    break;
                }
            }
            int longest = longestRun(text, '`');
            String fence = "`".repeat(Math.max(3, longest + 1));
            return fence + language + "\n" + text + "\n" + fence;
        }

        private void preText(Element element, StringBuilder out) {
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (child instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        out.append('\n');
                    } else {
                        preText(e, out);
                    }
                }
            }
        }

        // ---- tables -------------------------------------------------------------------------------------------

        private String table(Element table) {
            List<Element> rows = table.select("tr");
            Element headerRow = null;
            Element thead = table.selectFirst("thead");
            if (thead != null && thead.selectFirst("tr") != null) {
                headerRow = thead.selectFirst("tr");
            } else if (!rows.isEmpty()
                    && rows.get(0).children().stream()
                            .allMatch(c -> c.normalName().equals("th"))) {
                headerRow = rows.get(0);
            }
            boolean simple = headerRow != null
                    && table.select("table").size() == 1
                    && table.select("[colspan], [rowspan]").stream()
                            .allMatch(c -> c.attr("colspan").strip().matches("|1")
                                    && c.attr("rowspan").strip().matches("|1"))
                    && table.select("td, th")
                            .select("ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, figure, table,"
                                    + " iframe, video, audio, dl")
                            .isEmpty()
                    && (thead == null || thead.select("tr").size() == 1);
            if (!simple) {
                return htmlBlock(table);
            }
            List<List<String>> cells = new ArrayList<>();
            List<String> aligns = new ArrayList<>();
            int columns = 0;
            List<Element> ordered = new ArrayList<>();
            ordered.add(headerRow);
            for (Element row : rows) {
                if (row != headerRow) {
                    ordered.add(row);
                }
            }
            for (Element row : ordered) {
                List<String> line = new ArrayList<>();
                for (Element cell : row.children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                        continue;
                    }
                    StringBuilder inline = new StringBuilder();
                    children(cell, inline);
                    String text = collapse(inline.toString()).replaceAll("^[\\s" + BR + "]+|[\\s" + BR + "]+$", "");
                    line.add(text.replaceAll("\\s*" + BR + "[\\s" + BR + "]*", "<br>"));
                    if (row == headerRow) {
                        aligns.add(alignment(cell));
                    }
                }
                columns = Math.max(columns, line.size());
                cells.add(line);
            }
            if (columns == 0) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < cells.size(); r++) {
                List<String> line = cells.get(r);
                out.append('|');
                for (int c = 0; c < columns; c++) {
                    out.append(' ').append(c < line.size() ? line.get(c) : "").append(" |");
                }
                out.append('\n');
                if (r == 0) {
                    out.append('|');
                    for (int c = 0; c < columns; c++) {
                        String align = c < aligns.size() ? aligns.get(c) : "";
                        out.append(' ')
                                .append(
                                        switch (align) {
                                            case "center" -> ":---:";
                                            case "left" -> ":---";
                                            case "right" -> "---:";
                                            default -> "---";
                                        })
                                .append(" |");
                    }
                    out.append('\n');
                }
            }
            Element caption = table.selectFirst("caption");
            String markdown = out.toString().stripTrailing();
            if (caption != null) {
                String text = paragraph(inlineOf(caption));
                return text.isEmpty() ? markdown : text + "\n\n" + markdown;
            }
            return markdown;
        }

        private String alignment(Element cell) {
            String style = cell.attr("style").toLowerCase(Locale.ROOT);
            Matcher m =
                    Pattern.compile("text-align\\s*:\\s*(left|right|center)").matcher(style);
            if (m.find()) {
                return m.group(1);
            }
            return cell.attr("align").toLowerCase(Locale.ROOT).strip();
        }

        // ---- figures and embeds -------------------------------------------------------------------------------

        private List<String> figure(Element figure) {
            Element caption = figure.selectFirst("figcaption");
            String captionHtml = caption == null ? null : captionHtml(caption);
            Element wrapper = figure.selectFirst(".wp-block-embed__wrapper");
            if (figure.hasClass("wp-block-embed") || wrapper != null) {
                Element iframe = figure.selectFirst("iframe");
                if (iframe != null) {
                    return listOf(iframe(iframe, captionHtml));
                }
                String url = Texts.trim(
                        wrapper != null
                                ? wrapper.text()
                                : withoutCaption(figure).text());
                if (url.matches("https?://\\S+")) {
                    return listOf(embed(url, captionHtml));
                }
                return blocks(figure); // e.g. a tweet's quotation inside the embed block
            }
            Element iframe = figure.selectFirst("iframe");
            if (iframe != null && figure.select("img").isEmpty()) {
                return listOf(iframe(iframe, captionHtml));
            }
            Element video = figure.selectFirst("video, audio");
            if (video != null) {
                String src = video.hasAttr("src") ? video.attr("src") : firstSource(video);
                return listOf(media(video.normalName(), src, video.attr("poster"), captionHtml));
            }
            List<Element> images = figure.select("img");
            boolean plainImageFigure = images.size() == 1
                    && figure.select("figure").size() == 1
                    && figure.select("table, blockquote, ul, ol, pre").isEmpty();
            if (!plainImageFigure) {
                List<String> out = new ArrayList<>(blocks(figure));
                return out;
            }
            Element img = images.get(0);
            if (captionHtml == null || Texts.trim(caption.text()).isEmpty()) {
                String paragraph = paragraph(inlineOf(figure));
                return paragraph.isEmpty() ? List.of() : List.of(paragraph);
            }
            Document shell = shell();
            Element out = shell.body().appendElement("figure");
            for (String align : List.of("alignleft", "alignright", "aligncenter", "alignnone")) {
                if (figure.hasClass(align)) {
                    out.addClass(align);
                }
            }
            String src = imageSource(img);
            if (src.isEmpty()) { // nothing to show, or a script address
                return listOf(paragraph(inlineOfHtml(captionHtml)));
            }
            Element image = new Element("img").attr("src", src).attr("alt", img.attr("alt"));
            for (String size : List.of("width", "height")) {
                if (img.attr(size).strip().matches("\\d{1,5}")) {
                    image.attr(size, img.attr(size).strip());
                }
            }
            Element link = img.parent() != null && img.parent().normalName().equals("a") ? img.parent() : null;
            if (link != null && !link.attr("href").isBlank() && scriptScheme(link.attr("href")) == null) {
                out.appendElement("a").attr("href", link.attr("href").strip()).appendChild(image);
            } else {
                out.appendChild(image);
            }
            out.appendElement("figcaption").html(captionHtml);
            return List.of(oneBlock(out.outerHtml()));
        }

        private static Element withoutCaption(Element figure) {
            Element copy = figure.clone();
            copy.select("figcaption").remove();
            return copy;
        }

        private static List<String> listOf(String block) {
            return block == null || block.isBlank() ? List.of() : List.of(block);
        }

        /** The caption's inline HTML, reduced to tags the sanitiser keeps, on one line. */
        private String captionHtml(Element caption) {
            Document.OutputSettings settings = new Document.OutputSettings()
                    .prettyPrint(false)
                    .charset(StandardCharsets.UTF_8)
                    .escapeMode(Entities.EscapeMode.base);
            String cleaned = Jsoup.clean(caption.html(), CLEAN_BASE, CAPTION_SAFELIST, settings);
            return cleaned.replaceAll("\\s+", " ").strip();
        }

        /** An {@code <iframe>} kept as an embed: known video hosts normalised to https, others noted. */
        private String iframe(Element iframe, String captionHtml) {
            String src = iframe.attr("src").strip();
            if (src.isEmpty()) {
                src = iframe.attr("data-src").strip();
            }
            if (src.isEmpty()) {
                notes.add("an <iframe> without an address was removed");
                return null;
            }
            if (src.startsWith("//")) {
                src = "https:" + src;
            } else if (src.startsWith("http://")) {
                src = "https://" + src.substring("http://".length());
            }
            String host = host(src);
            if (!EMBED_HOSTS.contains(host)) {
                notes.add("an <iframe> from " + (host.isEmpty() ? src : host) + " was kept: list the host in"
                        + " embed_hosts in site.yaml, or the site will remove it");
            }
            return embedFigure(src, iframe.attr("width"), iframe.attr("height"), iframe.attr("title"), captionHtml);
        }

        /** An address WordPress would have embedded: a player for YouTube and Vimeo, a link otherwise. */
        private String embed(String url, String captionHtml) {
            String address = Texts.trim(url);
            if (address.isEmpty()) {
                return null;
            }
            String player = playerUrl(address);
            if (player == null) {
                notes.add("the embed of " + address + " was kept as a link");
                String link = "<" + address.replace(" ", "%20") + ">";
                return captionHtml == null ? link : link + "\n\n" + paragraph(inlineOfHtml(captionHtml));
            }
            return embedFigure(player, "", "", "", captionHtml);
        }

        private String embedFigure(String src, String width, String height, String title, String captionHtml) {
            Document shell = shell();
            Element figure = shell.body().appendElement("figure").addClass("embed");
            Element iframe = figure.appendElement("iframe").attr("src", src);
            iframe.attr("width", width.strip().matches("\\d{1,4}%?") ? width.strip() : "560");
            iframe.attr("height", height.strip().matches("\\d{1,4}%?") ? height.strip() : "315");
            String name = Texts.trim(title);
            iframe.attr("title", name.isEmpty() ? provider(src) : name);
            iframe.attr("allowfullscreen", true);
            if (captionHtml != null && !captionHtml.isBlank()) {
                figure.appendElement("figcaption").html(captionHtml);
            }
            return oneBlock(figure.outerHtml());
        }

        /** A video or audio file: the element with a link inside, so the file stays reachable if the element is removed. */
        private String media(String kind, String url, String poster, String captionHtml) {
            String src = url == null ? "" : url.strip();
            if (src.isEmpty()) {
                notes.add("a <" + kind + "> without a file address was removed");
                return null;
            }
            notes.add("the " + kind + " " + src + " was kept as an HTML <" + kind + "> element");
            Document shell = shell();
            Element figure = shell.body().appendElement("figure").addClass("media");
            Element element = figure.appendElement(kind.equals("audio") ? "audio" : "video")
                    .attr("controls", true)
                    .attr("src", src);
            if (poster != null && !poster.isBlank()) {
                element.attr("poster", poster.strip());
            }
            element.appendElement("a").attr("href", src).text(src);
            if (captionHtml != null && !captionHtml.isBlank()) {
                figure.appendElement("figcaption").html(captionHtml);
            }
            return oneBlock(figure.outerHtml());
        }

        private String firstSource(Element media) {
            Element source = media.selectFirst("source[src]");
            return source == null ? "" : source.attr("src");
        }

        /** An element kept as HTML: only content attributes survive, with no blank line inside (it ends an HTML block). */
        private String htmlBlock(Element element) {
            Element copy = element.clone();
            copy.select("script, style, noscript, template").remove();
            for (Element e : copy.getAllElements()) {
                List<String> remove = new ArrayList<>();
                for (Attribute attribute : e.attributes()) {
                    if (!keepAttribute(e.normalName(), attribute.getKey())) {
                        remove.add(attribute.getKey());
                    }
                }
                remove.forEach(e::removeAttr);
            }
            Document shell = shell();
            shell.body().appendChild(copy);
            return oneBlock(copy.outerHtml());
        }

        private static boolean keepAttribute(String tag, String name) {
            return switch (name) {
                case "dir", "lang", "title" -> true;
                case "href" -> tag.equals("a");
                case "src", "alt" -> tag.equals("img");
                case "width", "height" -> tag.equals("img") || tag.equals("td") || tag.equals("th");
                case "colspan", "rowspan", "scope" -> tag.equals("td") || tag.equals("th");
                case "align" -> tag.equals("td") || tag.equals("th");
                case "start" -> tag.equals("ol");
                default -> false;
            };
        }

        private static String oneBlock(String html) {
            return html.replaceAll("\n[ \t]*(?=\n)", "\n")
                    .replaceAll("\n{2,}", "\n")
                    .strip();
        }

        private static Document shell() {
            Document shell = Document.createShell("");
            shell.outputSettings()
                    .prettyPrint(false)
                    .charset(StandardCharsets.UTF_8)
                    .escapeMode(Entities.EscapeMode.base);
            return shell;
        }

        /** A name for an embed's title attribute (read out by screen readers): the service, else the host. */
        private static String provider(String src) {
            String host = host(src);
            if (host.contains("youtube")) {
                return "YouTube";
            }
            if (host.contains("vimeo")) {
                return "Vimeo";
            }
            return host.isEmpty() ? "embed" : host;
        }

        private static String host(String url) {
            Matcher m = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)").matcher(url);
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        }

        // ---- inline -------------------------------------------------------------------------------------------

        private String inlineOf(Element element) {
            StringBuilder out = new StringBuilder();
            children(element, out);
            return out.toString();
        }

        private String inlineOfHtml(String html) {
            return inlineOf(Jsoup.parseBodyFragment(html).body());
        }

        private void children(Element element, StringBuilder out) {
            for (Node child : element.childNodes()) {
                inline(child, out);
            }
        }

        private void inline(Node node, StringBuilder out) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText(), out);
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            switch (tag) {
                case "br" -> out.append(BR);
                case "strong", "b" -> emphasis(e, out, "**", "strong", Set.of("strong", "b"));
                case "em", "i" -> emphasis(e, out, "*", "em", Set.of("em", "i"));
                case "del", "s", "strike" -> emphasis(e, out, "~~", "del", Set.of("del", "s", "strike"));
                case "code", "kbd", "samp", "tt" -> codeSpan(e, out);
                case "a" -> link(e, out);
                case "img" -> image(e, out);
                case "span" -> {
                    if (e.hasAttr("dir") || e.hasAttr("lang")) {
                        inlineHtml(e, out);
                    } else {
                        children(e, out);
                    }
                }
                case "iframe",
                        "video",
                        "audio",
                        "figure",
                        "table",
                        "ul",
                        "ol",
                        "pre",
                        "blockquote",
                        Shortcodes.EMBED_TAG,
                        Shortcodes.MEDIA_TAG -> {
                    // a block inside inline content (e.g. <strong><iframe>): kept as its own HTML
                    Blocks blocks = new Blocks();
                    block(e, blocks);
                    blocks.flush();
                    String kept = String.join(" ", blocks.blocks).replace('\n', ' ');
                    if (!kept.isBlank()) {
                        out.append(BR).append(kept).append(BR);
                    }
                }
                default -> {
                    if (DROPPED.contains(tag)) {
                        dropped(e);
                    } else if (INLINE_HTML.contains(tag)) {
                        inlineHtml(e, out);
                    } else if (CONTAINERS.contains(tag) || tag.matches("h[1-6]|li")) {
                        children(e, out);
                        out.append(BR);
                    } else {
                        children(e, out);
                    }
                }
            }
        }

        private void appendText(String raw, StringBuilder out) {
            String text = Texts.stripControls(raw);
            if (autop) {
                text = text.replace('\n', BR);
            }
            out.append(escape(collapse(text)));
        }

        private void emphasis(Element e, StringBuilder out, String marker, String htmlTag, Set<String> same) {
            for (Element parent : e.parents()) {
                if (same.contains(parent.normalName())) {
                    children(e, out); // <b><strong>x</strong></b>: one level of emphasis is enough
                    return;
                }
            }
            StringBuilder inner = new StringBuilder();
            children(e, inner);
            wrap(inner.toString(), out, marker, marker, "<" + htmlTag + ">", "</" + htmlTag + ">");
        }

        /**
         * Appends {@code inner} between {@code open} and {@code close}, white space moved outside. CommonMark only
         * accepts an emphasis delimiter next to punctuation in some positions; there {@code htmlOpen} and
         * {@code htmlClose} are used instead.
         */
        private void wrap(
                String inner, StringBuilder out, String open, String close, String htmlOpen, String htmlClose) {
            int start = 0;
            int end = inner.length();
            while (start < end && isBlank(inner.charAt(start))) {
                start++;
            }
            while (end > start && isBlank(inner.charAt(end - 1))) {
                end--;
            }
            if (start == end) {
                out.append(inner);
                return;
            }
            String core = inner.substring(start, end);
            out.append(inner, 0, start);
            int previous = out.length() == 0 ? ' ' : out.codePointBefore(out.length());
            boolean opens = !isPunctuation(core.codePointAt(0)) || isBlank(previous) || isPunctuation(previous);
            boolean closes = !isPunctuation(core.codePointBefore(core.length()));
            if (opens && closes && core.indexOf(BR) < 0) {
                out.append(open).append(core).append(close);
            } else {
                out.append(htmlOpen).append(core).append(htmlClose);
            }
            out.append(inner, end, inner.length());
        }

        private void codeSpan(Element e, StringBuilder out) {
            if (e.parent() != null && e.parent().normalName().equals("pre")) {
                children(e, out);
                return;
            }
            String code = Texts.stripControls(e.wholeText()).replaceAll("\\s+", " ");
            if (code.isBlank()) {
                out.append(code);
                return;
            }
            String fence = "`".repeat(longestRun(code, '`') + 1);
            String pad = code.startsWith("`") || code.endsWith("`") || (code.startsWith(" ") && code.endsWith(" "))
                    ? " "
                    : "";
            out.append(fence).append(pad).append(code).append(pad).append(fence);
        }

        private void link(Element a, StringBuilder out) {
            String href = Texts.stripControls(a.attr("href")).strip();
            StringBuilder inner = new StringBuilder();
            children(a, inner);
            String script = scriptScheme(href);
            if (href.isEmpty() || script != null) {
                if (!href.isEmpty()) {
                    notes.add("a " + script + " link was removed, its text kept");
                }
                out.append(inner);
                return;
            }
            String text = inner.toString();
            if (Texts.trim(text.replace(BR, ' ')).isEmpty()) {
                out.append(text);
                return;
            }
            String title = a.attr("title").strip();
            String close = "](" + destination(href) + titlePart(title) + ")";
            wrap(text.replace(BR, ' '), out, "[", close, "[", close);
        }

        private void image(Element img, StringBuilder out) {
            String src = imageSource(img);
            if (src.isEmpty()) {
                return;
            }
            if (src.toLowerCase(Locale.ROOT).startsWith("data:")) {
                notes.add("an image embedded in the HTML as data: was removed; upload it as a file");
                return;
            }
            String width = img.attr("width").strip();
            String height = img.attr("height").strip();
            Media known = byUrl.get(src.replaceFirst("[?#].*$", ""));
            if (known != null && (!src.equals(known.url()) || width.isEmpty() || height.isEmpty())) {
                // a smaller copy (a cropped thumbnail has another shape) or no size: the original, its own size
                src = known.url();
                width = String.valueOf(known.width());
                height = String.valueOf(known.height());
            }
            if (width.matches("[1-9]\\d{0,4}") && height.matches("[1-9]\\d{0,4}")) {
                // Markdown has no image size: inline HTML keeps it, so pages reserve the space (no layout shift)
                String title = Texts.stripControls(img.attr("title")).strip();
                out.append("<img src=\"")
                        .append(Shortcodes.attribute(src))
                        .append("\" alt=\"")
                        .append(Shortcodes.attribute(
                                collapse(Texts.stripControls(img.attr("alt")).replace('\n', ' '))
                                        .strip()))
                        .append("\" width=\"")
                        .append(width)
                        .append("\" height=\"")
                        .append(height)
                        .append('"')
                        .append(title.isEmpty() ? "" : " title=\"" + Shortcodes.attribute(title) + "\"")
                        .append('>');
                return;
            }
            String alt = escape(collapse(Texts.stripControls(img.attr("alt")).replace('\n', ' ')))
                    .strip();
            out.append("![")
                    .append(alt)
                    .append("](")
                    .append(destination(src))
                    .append(titlePart(img.attr("title").strip()))
                    .append(')');
        }

        /** The image address; lazy-loading plug-ins keep the real one in data-src. */
        private String imageSource(Element img) {
            String src = Texts.stripControls(img.attr("src")).strip();
            for (String attribute : List.of("src", "data-src", "data-lazy-src", "data-orig-file")) {
                String value = Texts.stripControls(img.attr(attribute)).strip();
                if (!value.isEmpty() && !value.startsWith("data:image/gif") && !value.startsWith("data:image/svg")) {
                    src = value;
                    break;
                }
            }
            String script = scriptScheme(src);
            if (script != null && !src.startsWith("data:image/")) {
                notes.add("an image with a " + script + " address was removed");
                return "";
            }
            return src;
        }

        /**
         * The scheme of {@code url} ("javascript:", "vbscript:", "data:") when a browser would run it or load it
         * as a document, read as browsers read it (any case, controls and spaces inside ignored); otherwise null.
         */
        private static String scriptScheme(String url) {
            String compact = url.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
            for (String scheme : List.of("javascript:", "vbscript:", "data:")) {
                if (compact.startsWith(scheme)) {
                    return scheme;
                }
            }
            return null;
        }

        private void inlineHtml(Element e, StringBuilder out) {
            StringBuilder inner = new StringBuilder();
            children(e, inner);
            if (Texts.trim(inner.toString()).isEmpty()) {
                out.append(inner);
                return;
            }
            StringBuilder open = new StringBuilder("<").append(e.normalName());
            for (String attribute : List.of("dir", "lang", "title")) {
                if (e.hasAttr(attribute)
                        && (!attribute.equals("title") || e.normalName().equals("abbr"))) {
                    open.append(' ')
                            .append(attribute)
                            .append("=\"")
                            .append(Shortcodes.attribute(e.attr(attribute)))
                            .append('"');
                }
            }
            open.append('>');
            String close = "</" + e.normalName() + ">";
            wrap(inner.toString(), out, open.toString(), close, open.toString(), close);
        }

        // ---- paragraphs and escaping -------------------------------------------------------------------------

        /** A finished paragraph: spaces collapsed, hard breaks written as backslash-newline, line starts escaped. */
        private String paragraph(String inline) {
            String text = inline.replaceAll("[ \\t]*" + BR + "[ \\t" + BR + "]*", BR_STRING)
                    .replaceAll(" {2,}", " ");
            int start = 0;
            int end = text.length();
            while (start < end && (Texts.isSpace(text.charAt(start)) || text.charAt(start) == BR)) {
                start++;
            }
            while (end > start && (Texts.isSpace(text.charAt(end - 1)) || text.charAt(end - 1) == BR)) {
                end--;
            }
            if (start == end) {
                return "";
            }
            String[] lines = text.substring(start, end).split(BR_STRING, -1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("\\\n");
                }
                out.append(escapeLineStart(lines[i].stripLeading()));
            }
            return out.toString();
        }
    }

    /** Markdown at the start of a line that plain text must not trigger: headings, list items, setext underlines. */
    static String escapeLineStart(String line) {
        if (line.startsWith("#") || line.matches("[-+](\\s.*)?") || line.matches("[-=]+\\s*")) {
            return "\\" + line;
        }
        Matcher ordered = ORDERED_MARKER.matcher(line);
        if (ordered.matches()) {
            return ordered.group(1) + "\\" + ordered.group(2) + ordered.group(3);
        }
        return line;
    }

    /** Escapes the characters that would otherwise start Markdown or HTML inside a line of text. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '~', '|' ->
                    out.append('\\').append(c);
                case '&' -> {
                    if (ENTITY.matcher(text).region(i, text.length()).lookingAt()) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML white space runs (not no-break spaces) become one space; line breaks stay as {@link #BR}. */
    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r\\f]+", " ");
    }

    private static boolean isBlank(int c) {
        return c == BR || c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Unicode punctuation or symbol, as CommonMark's emphasis rules define it. */
    private static boolean isPunctuation(int c) {
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION
                || type == Character.MATH_SYMBOL
                || type == Character.CURRENCY_SYMBOL
                || type == Character.MODIFIER_SYMBOL
                || type == Character.OTHER_SYMBOL;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** A link destination: as written, in angle brackets when it has spaces or parentheses. */
    static String destination(String url) {
        String u = url.strip().replace(" ", "%20").replace("\n", "");
        if (u.isEmpty()) {
            return "<>";
        }
        if (u.indexOf('(') >= 0
                || u.indexOf(')') >= 0
                || u.indexOf('<') >= 0
                || u.indexOf('>') >= 0
                || u.chars().anyMatch(Character::isWhitespace)) {
            return "<" + u.replace("<", "%3C").replace(">", "%3E").replaceAll("\\s", "%20") + ">";
        }
        return u;
    }

    private static String titlePart(String title) {
        String t = collapse(Texts.stripControls(title)).strip();
        return t.isEmpty() ? "" : " \"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
