package dev.midad.html;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The link rewriting several body processors share. */
final class HtmlFragments {
    private static final String[] LINK_ATTRIBUTES = {"href", "src"};
    /** {@code [href], [src]}, parsed once (it has no per-thread state). */
    private static final Evaluator WITH_LINKS = QueryParser.parse("[href], [src]");

    private HtmlFragments() {}

    /** A new value for a link attribute, or null to keep the one it has. */
    @FunctionalInterface
    interface LinkChange {
        String apply(Element element, String attribute, String value);
    }

    /** Applies {@code change} to every {@code href} and {@code src} below {@code root}. */
    static void rewriteLinks(Element root, LinkChange change) {
        for (Element element : root.select(WITH_LINKS)) {
            for (String attribute : LINK_ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    String changed = change.apply(element, attribute, element.attr(attribute));
                    if (changed != null) {
                        element.attr(attribute, changed);
                    }
                }
            }
        }
    }
}
