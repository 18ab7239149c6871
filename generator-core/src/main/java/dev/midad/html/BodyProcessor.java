package dev.midad.html;

import org.jsoup.nodes.Element;

/**
 * One pass over the parsed body of an article or page. Processors run in a {@link BodyChain}, which parses the
 * HTML once for all of them; {@link HtmlStage} lists every chain of the build.
 */
public interface BodyProcessor {
    /**
     * Edits {@code body} in place.
     *
     * @return whether the body may have changed: when no processor of a chain says so, the chain returns the
     *         HTML it was given rather than re-serialising it
     */
    boolean process(Element body);

    /**
     * False when this processor certainly leaves {@code html} alone, judged from the text without parsing it;
     * a chain whose processors all say false does not parse at all.
     */
    default boolean mayChange(String html) {
        return true;
    }
}
