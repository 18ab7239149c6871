package dev.midad.model.build;

import dev.midad.content.Article;
import dev.midad.image.ImagePipeline;
import dev.midad.media.MediaTypes;
import dev.midad.model.ImageView;
import dev.midad.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** An article's lead image ({@code image:} in front matter): its addresses, type, pixel size and bytes. */
final class LeadImages {
    private final Links links;
    /** The site's image pipeline (null without one): its cache knows the sizes of images it has seen. */
    private final ImagePipeline images;

    LeadImages(Links links, ImagePipeline images) {
        this.links = links;
        this.images = images;
    }

    /** The image of {@code article} at {@code articleUrl}, or null when it has none. */
    ImageView of(Article article, String articleUrl) {
        if (article.image().isEmpty()) {
            return null;
        }
        Object credit = article.params().getOrDefault("image_credit", "");
        return declaredSize(
                plain(
                        article.image(),
                        articleUrl,
                        article.imageAlt(),
                        article.imageCaption(),
                        credit == null ? "" : String.valueOf(credit)),
                article.params().get("image_width"),
                article.params().get("image_height"));
    }

    /**
     * {@code image} with the size the front matter declares ({@code image_width}/{@code image_height}, a gallery
     * entry's {@code width}/{@code height}: the importer writes them for images WordPress still serves) when the
     * image is not a file of the site, which is measured instead.
     */
    static ImageView declaredSize(ImageView image, Object width, Object height) {
        int w = side(width);
        int h = side(height);
        if (image.width() > 0 || w == 0 || h == 0) {
            return image;
        }
        return new ImageView(
                image.url(),
                image.absoluteUrl(),
                image.alt(),
                image.caption(),
                image.mediaType(),
                w,
                h,
                image.bytes(),
                image.credit(),
                image.responsive());
    }

    private static int side(Object value) {
        String text = value == null ? "" : String.valueOf(value).strip();
        return text.matches("[1-9]\\d{0,4}") ? Integer.parseInt(text) : 0;
    }

    /** An image as written by an editor, measured when it is a file of the site. */
    ImageView plain(String reference, String relativeTo, String alt, String caption, String credit) {
        String imageUrl = links.resolve(reference, relativeTo);
        Optional<Path> file = links.localFile(reference).filter(f -> f.startsWith(links.staticDir()));
        // a raster image the pipeline has seen is measured from its cache index, without opening the file
        Optional<int[]> known = images == null || file.isEmpty() ? Optional.empty() : images.size(reference);
        int[] size = known.orElseGet(() -> file.map(links::imageSize).orElse(new int[] {0, 0}));
        long bytes = file.map(f -> f.toFile().length()).orElse(0L);
        return new ImageView(
                imageUrl,
                imageUrl.startsWith("http") ? imageUrl : links.absoluteUrl(imageUrl),
                alt,
                caption,
                MediaTypes.ofImage(reference),
                size[0],
                size[1],
                bytes,
                credit,
                null);
    }

    /** A problem when the image names a file under static/ that does not exist, or a file outside it. */
    void check(Article article, List<Problem> problems) {
        missing(article.image(), 0, "'image'", article.source(), problems);
    }

    /**
     * Whether {@code reference} (what {@code what} names, at {@code line} of {@code source}, an article or a
     * page, or 0) is a site path of no file under static/; if so a problem says where to put the file.
     */
    boolean missing(String reference, int line, String what, Path source, List<Problem> problems) {
        Path staticDir = links.staticDir();
        Optional<Path> missing =
                links.localFile(reference).filter(file -> !file.startsWith(staticDir) || !Files.isRegularFile(file));
        missing.ifPresent(file -> problems.add(Problem.at(
                source,
                line,
                file.startsWith(staticDir)
                        ? what + " " + reference + " does not exist: put the file at "
                                + Path.of("static").resolve(reference.substring(1)) + " or fix the path"
                        : what + " " + reference + " points outside the static/ folder")));
        return missing.isPresent();
    }
}
