package dev.midad.html;

import org.jsoup.nodes.Element;

/**
 * Plain text taken from sanitised body HTML. Summaries are published where readers parse HTML (feed readers,
 * social cards), so they are made from what the sanitiser kept, as text, never from the Markdown source.
 */
public final class PlainText {
    private PlainText() {}

    /** The text of the first top-level paragraph of {@code body}, without footnote marks; "" when there is none. */
    public static String firstParagraph(Element body) {
        for (Element child : body.children()) {
            if (child.normalName().equals("p")) {
                Element copy = child.clone();
                copy.select("sup.footnote-ref").remove();
                return copy.text().strip();
            }
        }
        return "";
    }
}
