package dev.midad.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Turns an article body into AMP-valid markup: {@code <img>} becomes {@code <amp-img layout="responsive">}
 * with explicit dimensions, embeds AMP cannot show without extra scripts become plain links, and
 * attributes AMP forbids (inline styles) are dropped.
 */
final class AmpHtml implements BodyProcessor {
    /** Used when an image's size is unknown: news photos are mostly 16:9. */
    static final int[] FALLBACK_SIZE = {1200, 675};

    private final Function<String, int[]> sizeOf;

    /**
     * @param sizeOf pixel size of an image URL as written in the body, or null when unknown
     */
    AmpHtml(Function<String, int[]> sizeOf) {
        this.sizeOf = sizeOf;
    }

    /** The {@code width} and {@code height} an {@code <img>} declares, or null. */
    private static int[] ownSize(Element img) {
        try {
            int width = Integer.parseInt(img.attr("width"));
            int height = Integer.parseInt(img.attr("height"));
            return width > 0 && height > 0 ? new int[] {width, height} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean process(Element body) {
        body.select("picture > source").remove(); // AMP has no <picture>: amp-img takes the srcset itself
        body.select("picture").unwrap();
        for (Element img : body.select("img")) {
            int[] size = ownSize(img); // resized copies carry their source's size; their files are not in static/
            if (size == null) {
                size = sizeOf.apply(img.attr("src"));
            }
            if (size == null || size[0] <= 0 || size[1] <= 0) {
                size = FALLBACK_SIZE;
            }
            Element amp = new Element("amp-img")
                    .attr("src", img.attr("src"))
                    .attr("alt", img.attr("alt"))
                    .attr("width", String.valueOf(size[0]))
                    .attr("height", String.valueOf(size[1]))
                    .attr("layout", "responsive");
            if (img.hasAttr("srcset")) {
                amp.attr("srcset", img.attr("srcset")).attr("sizes", img.attr("sizes"));
            }
            img.replaceWith(amp);
        }
        for (Element embed : body.select("iframe, video, audio, object, embed")) {
            String src = embed.attr("abs:src").isEmpty() ? embed.attr("src") : embed.attr("abs:src");
            if (src.isEmpty()) {
                embed.remove();
            } else {
                embed.replaceWith(new Element("p")
                        .appendChild(new Element("a").attr("href", src).text(src)));
            }
        }
        body.select("script, style, form, input, button, link, meta, base").remove();
        for (Element el : body.getAllElements()) {
            List<String> drop = new ArrayList<>();
            for (Attribute attribute : el.attributes()) {
                String key = attribute.getKey();
                if (key.equals("style") || key.startsWith("on")) {
                    drop.add(key);
                }
            }
            drop.forEach(el::removeAttr);
        }
        return true;
    }
}
