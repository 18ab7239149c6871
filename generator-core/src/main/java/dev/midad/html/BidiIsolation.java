package dev.midad.html;

import dev.midad.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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
final class BidiIsolation implements BodyProcessor {
    static final BidiIsolation INSTANCE = new BidiIsolation();

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "td",
            "th",
            "figcaption",
            "dd",
            "dt",
            "caption");
    private static final Set<String> SKIP =
            Set.of("code", "pre", "kbd", "samp", "bdi", "bdo", "script", "style", "a", "math", "svg");
    /** A left-to-right word: Latin, Cyrillic or Greek letters, possibly led by digits, joined by -._/:' */
    private static final String WORD = "[0-9]*[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}]"
            + "[\\p{IsLatin}\\p{IsCyrillic}\\p{IsGreek}0-9\\-._/:'’]*";
    /** A URL, or left-to-right words separated by single spaces, possibly led by a number ("5 km"). */
    static final Pattern LTR_RUN =
            Pattern.compile("https?://\\S+|(?:[0-9][0-9.,]*[ \\u00A0])?" + WORD + "(?:[ \\u00A0]" + WORD + ")*");

    /**
     * Per UTF-16 unit: can a match of {@link #LTR_RUN} begin here? 'h' (a URL), an ASCII digit, a Latin,
     * Cyrillic or Greek letter, or a surrogate (left to the pattern) can; Arabic and everything else is
     * skipped without running the pattern, whose script classes cost a binary search per character.
     * Filled in lazily (0 = not known yet, {@link #MAY} or {@link #CANNOT}); racing threads write equal bytes.
     */
    private static final byte[] STARTS = new byte[Character.MAX_VALUE + 1];

    private static final byte MAY = 1;
    private static final byte CANNOT = 2;

    private BidiIsolation() {}

    /**
     * Applies the rules above to a right-to-left article's {@code body}; false when the body was left alone
     * because it has no left-to-right run at all.
     */
    @Override
    public boolean process(Element body) {
        if (nextRun(LTR_RUN.matcher(""), body.text(), 0) < 0) {
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
            known = c == 'h'
                            || (c >= '0' && c <= '9')
                            || Character.isSurrogate(c)
                            || script == Character.UnicodeScript.LATIN
                            || script == Character.UnicodeScript.CYRILLIC
                            || script == Character.UnicodeScript.GREEK
                    ? MAY
                    : CANNOT;
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
            List<TextRuns.Piece> pieces = TextRuns.split(text.getWholeText());
            if (pieces.size() == 1 && !pieces.get(0).ltr()) {
                continue;
            }
            for (TextRuns.Piece piece : pieces) {
                text.before(piece.ltr() ? new Element("bdi").appendText(piece.text()) : new TextNode(piece.text()));
            }
            text.remove();
        }
    }

    /** Text nodes of {@code element} that belong to it, not to a nested block or a skipped element. */
    private static void collect(Element element, List<TextNode> into) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                into.add(text);
            } else if (child instanceof Element el
                    && !SKIP.contains(el.normalName())
                    && !BLOCKS.contains(el.normalName())
                    && !el.hasAttr("dir")) {
                collect(el, into);
            }
        }
    }
}
