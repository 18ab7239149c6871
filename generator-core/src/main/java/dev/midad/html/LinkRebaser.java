package dev.midad.html;

import org.jsoup.nodes.Element;

/**
 * Root-relative links written in Markdown ({@code /images/x.jpg}) point into the site, so they follow its base
 * path ({@code /news/images/x.jpg} for a site served under {@code /news/}).
 */
final class LinkRebaser implements BodyProcessor {
    private final String rootBase;

    /** @param rootBase the main edition's base path without its final slash ("" at the domain's root) */
    LinkRebaser(String rootBase) {
        this.rootBase = rootBase;
    }

    @Override
    public boolean mayChange(String html) {
        return !rootBase.isEmpty() && (html.contains("href=\"/") || html.contains("src=\"/"));
    }

    @Override
    public boolean process(Element body) {
        HtmlFragments.rewriteLinks(
                body,
                (element, attribute, value) ->
                        value.startsWith("/") && !value.startsWith("//") ? rootBase + value : null);
        return true;
    }
}
