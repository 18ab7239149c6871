package dev.midad.postprocess;

import dev.midad.i18n.Messages;
import org.jsoup.nodes.Element;

/**
 * Finishes what commonmark-java's extensions leave un-localised or obsolete in article HTML:
 * footnote back-links get an aria-label in the site's language and the footnotes section a heading;
 * GFM table cells get {@code style="text-align:…"} instead of the obsolete {@code align} attribute.
 */
public final class ContentPolish {
    private ContentPolish() {
    }

    public static String apply(String html, Messages messages) {
        if (!mayChange(html)) {
            return html;
        }
        return HtmlFragments.edit(html, "", body -> apply(body, messages));
    }

    /** False when {@code html} has nothing this class changes (no footnotes, no {@code align}). */
    public static boolean mayChange(String html) {
        return html.contains("footnote") || html.contains("align=");
    }

    /** Applies the changes to a parsed {@code body} (see {@link HtmlFragments#edit}). */
    public static void apply(Element body, Messages messages) {
        for (Element back : body.select("a.footnote-backref")) {
            String number = back.attr("href").replaceFirst("^#fnref-(\\d+).*$", "$1");
            back.attr("aria-label", messages.get("footnote_back", number.matches("\\d+") ? number : ""));
        }
        for (Element section : body.select("section.footnotes")) {
            if (section.selectFirst("h2") == null) {
                section.prependElement("h2").addClass("footnotes-title").text(messages.get("footnotes_title"));
            }
        }
        for (Element cell : body.select("td[align], th[align]")) {
            String align = cell.attr("align");
            cell.removeAttr("align");
            if (align.matches("left|right|center")) {
                String existing = cell.attr("style");
                cell.attr("style", (existing.isEmpty() ? "" : existing + ";") + "text-align:" + align);
            }
        }
    }
}
