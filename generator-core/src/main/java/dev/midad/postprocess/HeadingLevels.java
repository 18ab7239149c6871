package dev.midad.postprocess;

import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Makes body headings nest under the page's own {@code <h1>} (the headline): the first becomes {@code <h2>} and no
 * level is skipped. WordPress bodies often start at {@code <h3>} (themes style by level), and the W3C checker
 * reports a skipped level as an error; screen readers announce the outline as written. Relative structure is kept:
 * {@code h3 h4 h3 h5} becomes {@code h2 h3 h2 h3}. Ids and attributes stay, so anchors keep working.
 */
public final class HeadingLevels {
    private static final Pattern HEADING = Pattern.compile("<h[1-6][\\s>]");

    private HeadingLevels() {
    }

    /** False when {@code html} has no heading at all (most news bodies): nothing to parse. */
    public static boolean mayChange(String html) {
        return HEADING.matcher(html).find();
    }

    /** {@code html} with its headings renumbered; the same string when they already nest. */
    public static String apply(String html) {
        return mayChange(html) ? HtmlFragments.editIfChanged(html, "", HeadingLevels::apply) : html;
    }

    /**
     * Renumbers the headings of a parsed {@code body} (see {@link HtmlFragments#edit}).
     *
     * @return true when a heading changed
     */
    public static boolean apply(Element body) {
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
