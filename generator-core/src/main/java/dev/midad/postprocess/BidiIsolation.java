package dev.midad.postprocess;

import dev.midad.model.Bidi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps Latin text readable inside Arabic article bodies (jsoup post-processor).
 * <ul>
 *   <li>A block (paragraph, list item, heading, quote, cell, caption) whose first strong character is
 *       left-to-right gets an explicit {@code dir}: {@code ltr} when most of its letters are left-to-right
 *       (an English quote), else {@code rtl} (an Arabic sentence that merely starts with a Latin or
 *       Cyrillic word) — the first-strong rule of {@code dir="auto"} would get the latter wrong.</li>
 *   <li>Inside right-to-left blocks, left-to-right runs — acronyms (ISW, NATO), names, Ukrainian words,
 *       Latin words with numbers and units (F-16, 5 km), URLs — are wrapped in {@code <bdi>} so
 *       neighbouring Arabic punctuation and parentheses do not reorder around them.</li>
 * </ul>
 * Code, preformatted text, links' own text and existing {@code bdi}/{@code bdo} elements are left alone.
 */
public final class BidiIsolation {
    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "td", "th", "figcaption", "dd", "dt", "caption");
    private static final Set<String> SKIP = Set.of("code", "pre", "kbd", "samp", "bdi", "bdo", "script", "style",
            "a", "math", "svg");
    /** A left-to-right word: Latin, Cyrillic or Greek letters, possibly led by digits, joined by -._/:' */
    private static final String WORD = "[0-9]*[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}]"
            + "[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}0-9\\-._/:'’]*";
    /** A URL, or left-to-right words separated by single spaces, possibly led by a number ("5 km"). */
    private static final Pattern LTR_RUN = Pattern.compile("https?://\\S+|(?:[0-9][0-9.,]*[ \\u00A0])?" + WORD
            + "(?:[ \\u00A0]" + WORD + ")*");

    private BidiIsolation() {
    }

    /** Returns {@code html} with the rules above applied; {@code rtl} is the direction of the article. */
    public static String apply(String html, boolean rtl) {
        if (!rtl) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        if (!LTR_RUN.matcher(doc.body().text()).find()) {
            return html;
        }
        doc.outputSettings().prettyPrint(false);
        for (Element block : doc.body().getAllElements()) {
            if (!BLOCKS.contains(block.normalName()) || block.hasAttr("dir")) {
                continue;
            }
            String text = block.text();
            if (Boolean.FALSE.equals(Bidi.firstStrongIsRtl(text))) {
                if (mostlyLeftToRight(text)) {
                    block.attr("dir", "ltr");
                    continue;
                }
                block.attr("dir", "rtl");
            }
            isolateRuns(block);
        }
        return doc.body().html();
    }

    private static boolean mostlyLeftToRight(String text) {
        int ltr = 0;
        int rtl = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                ltr++;
            } else if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                rtl++;
            }
        }
        return ltr > rtl;
    }

    private static void isolateRuns(Element block) {
        List<TextNode> texts = new ArrayList<>();
        collect(block, texts);
        for (TextNode text : texts) {
            String value = text.getWholeText();
            Matcher m = LTR_RUN.matcher(value);
            if (!m.find()) {
                continue;
            }
            List<Node> replacement = new ArrayList<>();
            int last = 0;
            do {
                if (m.start() > last) {
                    replacement.add(new TextNode(value.substring(last, m.start())));
                }
                replacement.add(new Element("bdi").appendText(m.group()));
                last = m.end();
            } while (m.find());
            if (last < value.length()) {
                replacement.add(new TextNode(value.substring(last)));
            }
            for (Node node : replacement) {
                text.before(node);
            }
            text.remove();
        }
    }

    /** Text nodes of {@code element} that belong to it, not to a nested block or a skipped element. */
    private static void collect(Element element, List<TextNode> into) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                into.add(text);
            } else if (child instanceof Element el && !SKIP.contains(el.normalName())
                    && !BLOCKS.contains(el.normalName()) && !el.hasAttr("dir")) {
                collect(el, into);
            }
        }
    }
}
