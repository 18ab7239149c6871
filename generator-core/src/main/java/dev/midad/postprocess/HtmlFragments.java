package dev.midad.postprocess;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.function.Consumer;
import java.util.function.Predicate;

/** The jsoup steps every post-processor of article HTML shares. */
public final class HtmlFragments {
    private static final String[] LINK_ATTRIBUTES = {"href", "src"};
    /** {@code [href], [src]}, parsed once (it has no per-thread state). */
    private static final Evaluator WITH_LINKS = QueryParser.parse("[href], [src]");

    private HtmlFragments() {
    }

    /** A new value for a link attribute, or null to keep the one it has. */
    @FunctionalInterface
    public interface LinkChange {
        String apply(Element element, String attribute, String value);
    }

    /**
     * Parses {@code html} as a body fragment (relative links resolve against {@code baseUri}), lets
     * {@code change} edit the body, and returns the body's HTML, not pretty-printed.
     */
    public static String edit(String html, String baseUri, Consumer<Element> change) {
        Document doc = Jsoup.parseBodyFragment(html, baseUri);
        doc.outputSettings().prettyPrint(false);
        change.accept(doc.body());
        return doc.body().html();
    }

    /**
     * Like {@link #edit}, for a chain of post-processors sharing one parse: {@code change} edits the body and
     * tells whether it changed anything; when it did not, {@code html} itself is returned, not re-serialised.
     */
    public static String editIfChanged(String html, String baseUri, Predicate<Element> change) {
        Document doc = Jsoup.parseBodyFragment(html, baseUri);
        doc.outputSettings().prettyPrint(false);
        return change.test(doc.body()) ? doc.body().html() : html;
    }

    /** Applies {@code change} to every {@code href} and {@code src} below {@code root}. */
    public static void rewriteLinks(Element root, LinkChange change) {
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
