package dev.midad.html;

import dev.midad.image.BodyGalleries;
import dev.midad.image.Srcsets;
import org.jsoup.nodes.Element;

/**
 * Every link and image made absolute against the base the body was parsed with (the article's own absolute
 * URL): feed readers show the HTML away from the site.
 */
final class Absolutizer implements BodyProcessor {
    static final Absolutizer INSTANCE = new Absolutizer();

    private Absolutizer() {}

    @Override
    public boolean process(Element body) {
        BodyGalleries.flatten(body); // a gallery in a feed: plain figures of the largest copies
        HtmlFragments.rewriteLinks(body, (element, attribute, value) -> {
            String absolute = element.absUrl(attribute);
            return absolute.isEmpty() ? null : absolute;
        });
        Srcsets.absolutize(body); // each candidate of a srcset, which the link rewriter does not split
        return true;
    }
}
