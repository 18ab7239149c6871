package dev.midad.html;

import dev.midad.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every pass over article and page HTML, in the order it runs: the one place to read what happens to a body
 * between Markdown and the published file. Each chain is one jsoup parse; a chain whose processors all say
 * they would not change a body ({@link BodyProcessor#mayChange}) does not parse it at all.
 *
 * <ol>
 *   <li>{@link #rendered}: right after Markdown, cached with the source file — the safelist, then addresses
 *       percent-encoded;</li>
 *   <li>{@link #view}: when the site model is built, per article — root-relative links under the base path,
 *       posts and videos written alone on a line turned into embeds ({@link Embeds}), body headings nested under the headline, footnote labels and table alignment, bidi isolation; static pages get only the base path
 *       ({@link #page});</li>
 *   <li>when an output needs its own copy of a body, only if that file is really rendered: {@link #feed}
 *       (embeds as plain links, absolute links) and {@link #amp} (embeds as plain links, AMP markup).</li>
 * </ol>
 */
public final class HtmlStage {
    /** Relative links are only kept by jsoup's cleaner when they resolve against some base. */
    private static final String SANITIZE_BASE = "https://midad.invalid/";

    private HtmlStage() {}

    /**
     * @param embedHosts hosts (e.g. {@code www.youtube.com}) whose https iframes are kept
     * @param trustHtml  publish raw HTML as written, without the safelist
     */
    public static BodyChain rendered(List<String> embedHosts, boolean trustHtml) {
        List<BodyProcessor> chain = new ArrayList<>();
        if (!trustHtml) {
            chain.add(new Sanitizer(embedHosts));
        }
        chain.add(LinkEncoding.INSTANCE);
        return new BodyChain(SANITIZE_BASE, chain);
    }

    /**
     * @param rootBase the main edition's base path without its final slash ("" at the domain's root)
     * @param rtl      whether the article is right-to-left (only those get bidi isolation)
     */
    public static BodyChain view(String rootBase, Messages messages, boolean rtl) {
        return view(rootBase, messages, rtl, null);
    }

    /**
     * As {@link #view(String, Messages, boolean)}, with the posts and videos written alone on a line first
     * turned into embeds ({@link Embeds}; null for none).
     */
    public static BodyChain view(String rootBase, Messages messages, boolean rtl, Embeds embeds) {
        List<BodyProcessor> chain = new ArrayList<>();
        if (embeds != null) {
            chain.add(embeds);
        }
        chain.addAll(List.of(new LinkRebaser(rootBase), HeadingLevels.INSTANCE, new ContentPolish(messages)));
        if (rtl) {
            chain.add(BidiIsolation.INSTANCE);
        }
        return new BodyChain("", chain);
    }

    /** A static page's body: root-relative links under the base path, headings under the page's own. */
    public static BodyChain page(String rootBase) {
        return new BodyChain("", List.of(new LinkRebaser(rootBase), HeadingLevels.INSTANCE));
    }

    /** A feed's copy of a body: apply it with the article's absolute URL as the base. */
    public static BodyChain feed() {
        return new BodyChain("", List.of(EmbedLinks.INSTANCE, Absolutizer.INSTANCE));
    }

    /** @param sizeOf pixel size of an image URL as written in the body, or null when unknown */
    public static BodyChain amp(Function<String, int[]> sizeOf) {
        return new BodyChain("", List.of(EmbedLinks.INSTANCE, new AmpHtml(sizeOf)));
    }
}
