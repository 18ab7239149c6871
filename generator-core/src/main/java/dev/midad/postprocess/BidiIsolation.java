package dev.midad.postprocess;

import dev.midad.model.Bidi;
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
    static final Pattern LTR_RUN = Pattern.compile("https?://\\S+|(?:[0-9][0-9.,]*[ \\u00A0])?" + WORD
            + "(?:[ \\u00A0]" + WORD + ")*");

    /**
     * Per UTF-16 unit: can a match of {@link #LTR_RUN} begin here? 'h' (a URL), an ASCII digit, a Latin,
     * Cyrillic or Greek letter, or a surrogate (left to the pattern) can; Arabic and everything else is
     * skipped without running the pattern, whose script classes cost a binary search per character.
     * Filled in lazily (0 = not known yet, {@link #MAY} or {@link #CANNOT}); racing threads write equal bytes.
     */
    private static final byte[] STARTS = new byte[Character.MAX_VALUE + 1];
    private static final byte MAY = 1;
    private static final byte CANNOT = 2;

    private BidiIsolation() {
    }

    /** Returns {@code html} with the rules above applied; {@code rtl} is the direction of the article. */
    public static String apply(String html, boolean rtl) {
        if (!rtl) {
            return html;
        }
        return HtmlFragments.editIfChanged(html, "", body -> apply(body, true));
    }

    /**
     * Applies the rules above to a parsed {@code body} (see {@link HtmlFragments#editIfChanged}); false when
     * the body was left alone because it has no left-to-right run at all (or {@code rtl} is false).
     */
    public static boolean apply(Element body, boolean rtl) {
        if (!rtl || nextRun(LTR_RUN.matcher(""), body.text(), 0) < 0) {
            return false;
        }
        for (Element block : body.getAllElements()) {
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
        return true;
    }

    /**
     * The next match of {@link #LTR_RUN} in {@code text} at or after {@code from}, as {@code find()} would find
     * it (it tries each position in turn; here only positions where a match can begin are tried): its start,
     * with {@code matcher} holding the match, or -1.
     */
    static int nextRun(Matcher matcher, String text, int from) {
        matcher.reset(text);
        int length = text.length();
        for (int i = from; i < length; i++) {
            if (mayStart(text.charAt(i))) {
                matcher.region(i, length);
                if (matcher.lookingAt()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean mayStart(char c) {
        byte known = STARTS[c];
        if (known == 0) {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            known = c == 'h' || (c >= '0' && c <= '9') || Character.isSurrogate(c)
                    || script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                    || script == Character.UnicodeScript.GREEK ? MAY : CANNOT;
            STARTS[c] = known;
        }
        return known == MAY;
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
            List<Piece> pieces = split(text.getWholeText());
            if (pieces.size() == 1 && !pieces.get(0).ltr()) {
                continue;
            }
            for (Piece piece : pieces) {
                text.before(piece.ltr() ? new Element("bdi").appendText(piece.text()) : new TextNode(piece.text()));
            }
            text.remove();
        }
    }

    /** A piece of plain text: a left-to-right run ({@code ltr}) or the text between two runs. */
    public record Piece(String text, boolean ltr) {
    }

    /**
     * A one-line text of a right-to-left page (headline, card title, menu item) cut into its left-to-right
     * runs and the text between them, so that each run can be isolated and kept whole: "F-16" must neither
     * read "16-F" nor break at its hyphen. A text without right-to-left letters is one piece, as it reads in
     * its own direction anyway.
     */
    public static List<Piece> pieces(String text) {
        boolean hasRtl = text.codePoints().map(Character::getDirectionality).anyMatch(d ->
                d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
        return hasRtl ? split(text) : List.of(new Piece(text, false));
    }

    /** {@code value} as the runs {@link #LTR_RUN} finds and the text around them, in order. */
    private static List<Piece> split(String value) {
        Matcher m = LTR_RUN.matcher("");
        List<Piece> pieces = new ArrayList<>();
        int last = 0;
        for (int start = nextRun(m, value, 0); start >= 0; start = nextRun(m, value, last)) {
            if (start > last) {
                pieces.add(new Piece(value.substring(last, start), false));
            }
            pieces.add(new Piece(m.group(), true));
            last = m.end();
        }
        if (last < value.length() || pieces.isEmpty()) {
            pieces.add(new Piece(value.substring(last), false));
        }
        return pieces;
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
