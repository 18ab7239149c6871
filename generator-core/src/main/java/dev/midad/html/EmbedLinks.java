package dev.midad.html;

import org.jsoup.nodes.Element;

/**
 * The form of {@link Embeds}' output for feeds and AMP, where no script runs: the same thumbnail, title and
 * link to the original, without the player's address or the play button.
 */
final class EmbedLinks implements BodyProcessor {
    static final EmbedLinks INSTANCE = new EmbedLinks();

    private EmbedLinks() {}

    @Override
    public boolean mayChange(String html) {
        return html.contains("data-embed-") || html.contains("embed-play");
    }

    @Override
    public boolean process(Element body) {
        for (Element figure : body.select("figure.embed")) {
            for (String key : new String[] {"src", "title", "sandbox", "allow", "label"}) {
                figure.removeAttr("data-embed-" + key);
            }
        }
        for (Element preview : body.select("figure.embed > a.embed-preview")) {
            preview.select(".embed-play").remove();
            Element thumbnail = preview.selectFirst("img");
            if (thumbnail == null) {
                preview.remove(); // the caption's link remains
            } else {
                // a plain link to the original, named by its picture: no "play" where nothing plays
                Element caption = preview.parent().selectFirst("a.embed-title");
                thumbnail.attr("alt", caption == null ? "" : caption.text());
                preview.removeAttr("aria-label");
            }
        }
        return true;
    }
}
