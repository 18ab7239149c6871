package dev.midad.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Element;

/**
 * The galleries of an article body (a {@code gallery} block in Markdown), in the markup the theme's front matter
 * gallery has: {@code <section class="gallery"><ul class="gallery-grid"><li><figure class="gallery-item">}
 * with an {@code <img>} and a caption whose credit is a {@code <small class="image-credit">}. The Markdown stage
 * writes that markup with each figure marked by the line it came from; {@link #apply} reads the images back for
 * structured data and problems, labels the markup in the site's language and removes the marks.
 */
public final class BodyGalleries {
    public static final String SECTION = "gallery";
    public static final String GRID = "gallery-grid";
    public static final String ITEM = "gallery-item";
    public static final String CREDIT = "image-credit";
    /** The mark a figure carries until the view stage: its 1-based line in the body ({@code id} survives cleaning). */
    public static final String LINE_MARK = "midad-gallery-line-";
    /** Two columns on phones, about three in the article column: the theme's gallery grid. */
    public static final String SIZES = "(min-width: 760px) 360px, 50vw";

    private BodyGalleries() {}

    /**
     * One image of a body gallery.
     *
     * @param line 1-based line in the Markdown body (0 when the figure carried no mark)
     * @param src  as written in the HTML (encoded, rebased)
     */
    public record Item(int line, String src, String alt, String caption, String credit) {}

    /**
     * Reads every gallery image below {@code body}, sets the gallery's {@code aria-label} to {@code label},
     * writes each credit through {@code credit} (e.g. "Photo: {0}") and removes the line marks.
     */
    public static List<Item> apply(Element body, String label, UnaryOperator<String> credit) {
        List<Item> items = new ArrayList<>();
        for (Element section : body.getElementsByClass(SECTION)) {
            if (!section.nameIs("section")) {
                continue;
            }
            section.attr("aria-label", label);
            for (Element figure : section.getElementsByClass(ITEM)) {
                Element img = figure.selectFirst("img[src]");
                int line = line(figure.id());
                if (line > 0 || figure.id().startsWith(LINE_MARK)) {
                    figure.removeAttr("id");
                }
                if (img == null) {
                    continue;
                }
                Element small = figure.selectFirst("figcaption small." + CREDIT);
                String creditText = small == null ? "" : small.text().strip();
                if (small != null && !creditText.isEmpty()) {
                    small.text(credit.apply(creditText));
                }
                Element caption = figure.selectFirst("figcaption");
                String captionText = "";
                if (caption != null) {
                    Element copy = caption.clone();
                    copy.select("small." + CREDIT).remove();
                    captionText = copy.text().strip();
                }
                items.add(new Item(line, img.attr("src"), img.attr("alt"), captionText, creditText));
            }
        }
        return items;
    }

    /** Whether {@code img} is a gallery's image (it gets the grid's {@link #SIZES}). */
    static boolean inGallery(Element img) {
        for (Element parent = img.parent(); parent != null; parent = parent.parent()) {
            if (parent.nameIs("figure") && parent.hasClass(ITEM)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For feeds: each gallery image as one plain {@code <img>} of its largest copy (readers show neither
     * {@code <picture>} nor grids reliably), with that copy's size.
     */
    public static void flatten(Element body) {
        for (Element figure : body.getElementsByClass(ITEM)) {
            for (Element picture : figure.getElementsByTag("picture")) {
                picture.select("source").remove();
                picture.unwrap();
            }
            for (Element img : figure.getElementsByTag("img")) {
                String[] largest = largest(img.attr("srcset"));
                if (largest != null) {
                    int width = Integer.parseInt(largest[1]);
                    int originalWidth = number(img.attr("width"));
                    int originalHeight = number(img.attr("height"));
                    img.attr("src", largest[0]);
                    if (originalWidth > 0 && originalHeight > 0) {
                        img.attr("width", String.valueOf(width))
                                .attr("height", String.valueOf(Scaler.heightAt(originalWidth, originalHeight, width)));
                    }
                }
                img.removeAttr("srcset").removeAttr("sizes").removeAttr("loading");
            }
        }
    }

    /** The widest candidate of a {@code srcset} ({url, width}), or null. */
    private static String[] largest(String srcset) {
        String[] best = null;
        int bestWidth = -1;
        for (String candidate : srcset.split(",")) {
            String[] parts = candidate.strip().split("\\s+");
            if (parts.length == 2 && parts[1].endsWith("w")) {
                int width = number(parts[1].substring(0, parts[1].length() - 1));
                if (width > bestWidth) {
                    bestWidth = width;
                    best = new String[] {parts[0], String.valueOf(width)};
                }
            }
        }
        return best;
    }

    private static int line(String id) {
        return id.startsWith(LINE_MARK) ? number(id.substring(LINE_MARK.length())) : 0;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
