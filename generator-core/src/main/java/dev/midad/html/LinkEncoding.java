package dev.midad.html;

import dev.midad.text.UrlPaths;
import org.jsoup.nodes.Element;

/** Every link and image address percent-encoded like the site's own links (Arabic paths as %D8%…). */
final class LinkEncoding implements BodyProcessor {
    static final LinkEncoding INSTANCE = new LinkEncoding();

    private LinkEncoding() {}

    @Override
    public boolean process(Element body) {
        HtmlFragments.rewriteLinks(body, (element, attribute, value) -> UrlPaths.encodeNonAscii(value));
        return true;
    }
}
