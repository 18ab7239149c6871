package dev.midad.image;

import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * Makes the images of an article body responsive: each {@code <img>} whose file has resized copies becomes a
 * {@code <picture>} with a WebP {@code <source>}, and gets {@code srcset}, {@code sizes}, its size (no layout
 * shift) and lazy loading; a gallery's images ({@link BodyGalleries}) are sized for its grid. Images elsewhere (remote, SVG, unreadable) are left as they are.
 */
public final class BodyImages {
    /** The body column: full width on phones, at most about 720 px on wide screens. */
    public static final String SIZES = "(min-width: 760px) 720px, 100vw";

    private BodyImages() {}

    /**
     * @param lookup resized copies of an image by its {@code src} as written in the body; empty when none
     * @return whether anything changed
     */
    public static boolean apply(Element body, Function<String, Optional<ResponsiveImage>> lookup) {
        boolean changed = false;
        for (Element img : body.select("img[src]")) {
            if (img.parent() != null && img.parent().nameIs("picture")) {
                continue;
            }
            Optional<ResponsiveImage> found = lookup.apply(img.attr("src"));
            if (found.isEmpty()) {
                continue;
            }
            ResponsiveImage image = found.get();
            String sizes = BodyGalleries.inGallery(img) ? BodyGalleries.SIZES : SIZES;
            img.attr("src", image.fallback().url())
                    .attr("srcset", image.srcset(image.originalType()))
                    .attr("sizes", sizes)
                    .attr("width", String.valueOf(image.width()))
                    .attr("height", String.valueOf(image.height()))
                    .attr("loading", "lazy")
                    .attr("decoding", "async");
            if (image.hasWebp()) {
                Element picture = new Element("picture");
                img.before(picture);
                picture.appendElement("source")
                        .attr("type", "image/webp")
                        .attr("srcset", image.srcset("image/webp"))
                        .attr("sizes", sizes);
                picture.appendChild(img);
            }
            changed = true;
        }
        return changed;
    }
}
