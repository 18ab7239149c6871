package dev.midad.html;

import dev.midad.i18n.Messages;
import org.jsoup.nodes.Element;

/**
 * Finishes what commonmark-java's extensions leave un-localised or obsolete in article HTML:
 * footnote back-links get an aria-label in the site's language and the footnotes section a heading;
 * GFM table cells get {@code style="text-align:…"} instead of the obsolete {@code align} attribute.
 */
final class ContentPolish implements BodyProcessor {
    private final Messages messages;

    ContentPolish(Messages messages) {
        this.messages = messages;
    }

    /** False when {@code html} has nothing this class changes (no footnotes, no {@code align}). */
    @Override
    public boolean mayChange(String html) {
        return html.contains("footnote") || html.contains("align=");
    }

    @Override
    public boolean process(Element body) {
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
        return true;
    }
}
