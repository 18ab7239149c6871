package dev.midad.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Processors applied in order to one jsoup parse of a body fragment, serialised once (not pretty-printed).
 * Immutable; shared by all threads when its processors are.
 */
public final class BodyChain {
    private final String baseUri;
    private final List<BodyProcessor> processors;

    /**
     * @param baseUri what relative links resolve against while the chain runs ("" for none)
     */
    public BodyChain(String baseUri, List<BodyProcessor> processors) {
        this.baseUri = baseUri;
        this.processors = List.copyOf(processors);
    }

    /** {@code html} with every processor applied; {@code html} itself when none of them changed it. */
    public String apply(String html) {
        return apply(html, baseUri);
    }

    /**
     * The parsed body with every processor applied, for a caller that also needs its text; parses even when
     * no processor would change {@code html}.
     */
    public Element body(String html) {
        Document doc = Jsoup.parseBodyFragment(html, baseUri);
        doc.outputSettings().prettyPrint(false);
        for (BodyProcessor processor : processors) {
            if (processor.mayChange(html)) {
                processor.process(doc.body());
            }
        }
        return doc.body();
    }

    /** Like {@link #apply(String)}, with relative links resolving against {@code baseUri}. */
    public String apply(String html, String baseUri) {
        List<BodyProcessor> active = new ArrayList<>(processors.size());
        for (BodyProcessor processor : processors) {
            if (processor.mayChange(html)) {
                active.add(processor);
            }
        }
        if (active.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html, baseUri);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (BodyProcessor processor : active) {
            changed |= processor.process(doc.body());
        }
        return changed ? doc.body().html() : html;
    }
}
