package dev.midad.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Makes body headings nest under the page's own {@code <h1>} (the headline): the first becomes {@code <h2>} and no
 * level is skipped. WordPress bodies often start at {@code <h3>} (themes style by level), and the W3C checker
 * reports a skipped level as an error; screen readers announce the outline as written. Relative structure is kept:
 * {@code h3 h4 h3 h5} becomes {@code h2 h3 h2 h3}. Ids and attributes stay, so anchors keep working.
 */
final class HeadingLevels implements BodyProcessor {
    static final HeadingLevels INSTANCE = new HeadingLevels();
    private static final Pattern HEADING = Pattern.compile("<h[1-6][\\s>]");

    private HeadingLevels() {}

    /** False when {@code html} has no heading at all (most news bodies): nothing to parse. */
    @Override
    public boolean mayChange(String html) {
        return HEADING.matcher(html).find();
    }

    /** {@code html} with its headings renumbered; the same string when they already nest. */
    static String apply(String html) {
        return new BodyChain("", List.of(INSTANCE)).apply(html);
    }

    /** Renumbers the headings of a parsed {@code body}; true when a heading changed. */
    @Override
    public boolean process(Element body) {
        // (level as written, level given) of the headings the next one may nest under
        Deque<int[]> open = new ArrayDeque<>();
        boolean changed = false;
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            int written = heading.tagName().charAt(1) - '0';
            while (!open.isEmpty() && open.peek()[0] > written) {
                open.pop();
            }
            int given;
            if (!open.isEmpty() && open.peek()[0] == written) {
                given = open.pop()[1];
            } else {
                given = open.isEmpty() ? 2 : Math.min(6, open.peek()[1] + 1);
            }
            open.push(new int[] {written, given});
            if (given != written) {
                heading.tagName("h" + given);
                changed = true;
            }
        }
        return changed;
    }
}
