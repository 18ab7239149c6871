package dev.midad.model.build;

import dev.midad.content.Article;
import dev.midad.image.CardContent;
import dev.midad.image.ImagePipeline;
import dev.midad.image.ResponsiveImage;
import dev.midad.image.Variant;
import dev.midad.model.DateView;
import dev.midad.model.ImageView;
import dev.midad.problem.Problem;
import dev.midad.text.UrlPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The images of an article as the model shows them: lead image and gallery with their resized copies, the
 * share image ({@code og:image}: the lead when it is a raster image at least 1200 px wide, else the article's
 * social card), and the warnings a newsroom wants to hear about images.
 */
final class ResponsiveImages {
    /** Headlines longer than this are cut off in search results and on social cards. */
    static final int LONG_HEADLINE = 110;

    private final ImagePipeline pipeline;
    private final ImagePipeline.SiteUrls urls;
    /** The edition's path under the site root ("" for the main edition, e.g. "/en"). */
    private final String editionPrefix;

    private final String siteName;
    private final String logo;

    ResponsiveImages(
            ImagePipeline pipeline,
            String rootBase,
            String origin,
            String editionPrefix,
            String siteName,
            String logo) {
        this.pipeline = pipeline;
        this.urls = new ImagePipeline.SiteUrls() {
            @Override
            public String url(String sitePath) {
                return rootBase + UrlPaths.encode(sitePath);
            }

            @Override
            public String absolute(String url) {
                return origin + url;
            }
        };
        this.editionPrefix = editionPrefix;
        this.siteName = siteName;
        this.logo = logo;
    }

    ImagePipeline.SiteUrls urls() {
        return urls;
    }

    /** The image at {@code reference} with its resized copies when it is a raster file from static/. */
    ImageView image(String owner, ImageView plain, String reference, String focus) {
        if (!isLocal(reference)) {
            return plain;
        }
        double[] point = focus(focus);
        Optional<ResponsiveImage> responsive = pipeline.responsive(owner, reference, urls, point[0], point[1]);
        return responsive
                .map(r -> new ImageView(
                        plain.url(),
                        plain.absoluteUrl(),
                        plain.alt(),
                        plain.caption(),
                        plain.mediaType(),
                        r.width(),
                        r.height(),
                        plain.bytes(),
                        plain.credit(),
                        r))
                .orElse(plain);
    }

    /** The share image of an article at decoded path {@code path}: a large lead, else its social card. */
    ImageView share(String owner, Article article, String path, ImageView lead, DateView date, String section) {
        boolean largeLead = lead != null && lead.responsive() != null && lead.width() >= 1200;
        if (largeLead && !pipeline.settings().cardAlways()
                || !pipeline.settings().cards()) {
            if (lead == null) {
                return null;
            }
            Variant best = lead.responsive() == null ? null : lead.responsive().largest();
            return best == null
                    ? lead
                    : new ImageView(
                            best.url(),
                            best.absoluteUrl(),
                            lead.alt(),
                            "",
                            best.mediaType(),
                            best.width(),
                            best.height(),
                            0,
                            lead.credit(),
                            null);
        }
        double[] point = focus(String.valueOf(article.params().getOrDefault("image_focus", "")));
        String leadPath = lead != null && lead.responsive() != null ? article.image() : null;
        Variant card = pipeline.card(
                owner,
                editionPrefix + path + "card.jpg",
                new CardContent(
                        article.title(),
                        section,
                        date.text(),
                        siteName,
                        leadPath,
                        point[0],
                        point[1],
                        isLocal(logo) ? logo : null),
                urls);
        return cardView(card, article.title());
    }

    /** The site's own card, for home and list pages. */
    ImageView siteCard(String owner, String description) {
        if (!pipeline.settings().cards()) {
            return null;
        }
        Variant card = pipeline.card(
                owner,
                editionPrefix + "/card.jpg",
                new CardContent(description, "", "", siteName, null, 0.5, 0.5, isLocal(logo) ? logo : null),
                urls);
        return cardView(card, siteName);
    }

    private static ImageView cardView(Variant card, String alt) {
        return new ImageView(
                card.url(), card.absoluteUrl(), alt, "", card.mediaType(), card.width(), card.height(), 0, "", null);
    }

    /**
     * The {@code gallery} of the front matter: a list of {@code {src, alt, caption, credit}} (or plain paths).
     */
    List<ImageView> gallery(String owner, Article article, java.util.function.Function<String, ImageView> plain) {
        Object declared = article.params().get("gallery");
        if (!(declared instanceof List<?> entries)) {
            return List.of();
        }
        List<ImageView> gallery = new ArrayList<>();
        for (Object entry : entries) {
            Map<?, ?> item = entry instanceof Map<?, ?> map ? map : Map.of("src", String.valueOf(entry));
            String src = text(item.get("src"));
            if (src.isEmpty()) {
                continue;
            }
            ImageView base = LeadImages.declaredSize(plain.apply(src), item.get("width"), item.get("height"));
            ImageView described = new ImageView(
                    base.url(),
                    base.absoluteUrl(),
                    text(item.get("alt")),
                    text(item.get("caption")),
                    base.mediaType(),
                    base.width(),
                    base.height(),
                    base.bytes(),
                    text(item.get("credit")),
                    null);
            gallery.add(image(owner, described, src, text(item.get("focus"))));
        }
        return List.copyOf(gallery);
    }

    /** Warnings (not errors: the site builds) about an article's images and headline. */
    List<Problem> check(Article article, ImageView lead, List<ImageView> gallery) {
        Path source = article.source();
        List<Problem> found = new ArrayList<>();
        if (lead != null) {
            if (article.imageAlt().isBlank()) {
                found.add(Problem.of(
                        source, "the lead image has no 'image_alt': describe it for readers who" + " cannot see it"));
            }
            boolean svg = lead.mediaType().equals("image/svg+xml");
            if (svg && !pipeline.settings().cards()) {
                found.add(Problem.of(
                        source,
                        "the lead image is SVG and social cards are off: Facebook, X and"
                                + " WhatsApp show no preview; use a JPEG or turn on images.cards"));
            } else if (!svg && lead.width() > 0 && lead.width() < 1200) {
                found.add(Problem.of(
                        source,
                        "the lead image is " + lead.width() + " px wide: Google Discover"
                                + " shows large previews only for images at least 1200 px wide"));
            }
        }
        for (ImageView image : gallery) {
            if (image.alt().isBlank()) {
                found.add(
                        Problem.of(source, "the gallery image " + UrlPaths.decode(image.url(), "") + " has no 'alt'"));
            }
        }
        if (article.title().codePointCount(0, article.title().length()) > LONG_HEADLINE) {
            found.add(Problem.of(
                    source,
                    "the headline has "
                            + article.title().codePointCount(0, article.title().length()) + " characters: over "
                            + LONG_HEADLINE + " it is cut off in"
                            + " search results and on social cards"));
        }
        return found;
    }

    private static boolean isLocal(String reference) {
        return reference != null
                && reference.startsWith("/")
                && !reference.startsWith("//")
                && !reference.contains("%");
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }

    /**
     * {@code image_focus}: "x,y" as fractions (0.3,0.4) or percentages (30%,40%), or a word: left, right,
     * top, bottom, center. The centre otherwise.
     */
    static double[] focus(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "left":
                return new double[] {0, 0.5};
            case "right":
                return new double[] {1, 0.5};
            case "top":
                return new double[] {0.5, 0};
            case "bottom":
                return new double[] {0.5, 1};
            default:
                break;
        }
        String[] parts = text.split("[\\s,]+");
        if (parts.length == 2) {
            try {
                double x = fraction(parts[0]);
                double y = fraction(parts[1]);
                if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
                    return new double[] {x, y};
                }
            } catch (NumberFormatException e) {
                // not a focal point: the centre
            }
        }
        return new double[] {0.5, 0.5};
    }

    private static double fraction(String part) {
        return part.endsWith("%")
                ? Double.parseDouble(part.substring(0, part.length() - 1)) / 100
                : Double.parseDouble(part);
    }
}
