package dev.midad.model.build;

import dev.midad.config.Permalink;
import dev.midad.config.SiteConfig;
import dev.midad.content.Article;
import dev.midad.model.FeedFormat;
import dev.midad.model.FeedLink;
import dev.midad.text.Slugs;
import dev.midad.text.UrlPaths;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The site's one address rule: slugs, decoded site paths, encoded URLs under the base path, absolute URLs,
 * references written by editors, feed addresses, the static files behind image URLs. The model, the renderer
 * and (through {@link Rule}) the importer all ask this class, so an article has one address everywhere.
 */
public final class Links {
    private final Rule rule;
    private final Path staticDir;
    private final String basePath;
    /** Base path of the main edition: static files and root-relative links in Markdown live there. */
    private final String rootBase;

    private final String origin;
    private final ImageSizes imageSizes = new ImageSizes();

    /**
     * The part of the rule that needs only the permalink settings, so the importer can apply it to a site
     * whose {@code site.yaml} it reads leniently.
     *
     * @param permalink  the article permalink pattern
     * @param timeZone   the zone the permalink's date parts are taken in
     * @param latinSlugs true for {@code slug_style: latin}
     */
    public record Rule(String permalink, ZoneId timeZone, boolean latinSlugs) {
        public static Rule of(SiteConfig config) {
            return new Rule(
                    config.permalink(), config.timeZone(), config.slugStyle().equals("latin"));
        }

        /** Arabic slugs by default; transliterated to Latin when the site sets {@code slug_style: latin}. */
        public String slug(String text) {
            String slug = Slugs.slugify(text);
            if (!latinSlugs) {
                return slug;
            }
            String latin = Slugs.slugify(Slugs.transliterate(slug));
            return latin.isEmpty() ? slug : latin;
        }

        /** Decoded site path of an article, e.g. {@code /2024/06/بوتين/}. */
        public String articlePath(String slug, String category, ZonedDateTime date) {
            String categorySlug = category == null ? "" : slug(category);
            return Permalink.expand(permalink, date.withZoneSameInstant(timeZone), slug(slug), categorySlug);
        }

        /** Decoded site path of a static page, e.g. {@code /من-نحن/}. */
        public String pagePath(String slug) {
            return "/" + slug(slug) + "/";
        }
    }

    /**
     * @param rootUrl site-relative URL of the main edition's home (shared assets live there)
     */
    public Links(SiteConfig config, Path staticDir, String rootUrl) {
        this.rule = Rule.of(config);
        this.staticDir = staticDir;
        this.basePath = config.basePath();
        this.rootBase = rootUrl.substring(0, rootUrl.length() - 1);
        String base = config.baseUrl().toString();
        this.origin =
                base.substring(0, base.length() - config.baseUrl().getRawPath().length());
    }

    public String slug(String text) {
        return rule.slug(text);
    }

    /** Decoded site path of an article, e.g. {@code /2024/06/بوتين/}. */
    public String path(Article article) {
        return rule.articlePath(article.slug(), article.category(), article.date());
    }

    public String pagePath(String slug) {
        return rule.pagePath(slug);
    }

    /** Site-relative, encoded URL of a decoded site path such as {@code /tag/روسيا/}. */
    public String url(String path) {
        return basePath + UrlPaths.encode(path);
    }

    public String absoluteUrl(String url) {
        return origin + url;
    }

    /** Scheme and host of the site, e.g. {@code https://example.org}. */
    String origin() {
        return origin;
    }

    /** The edition's base path without its final slash ("" at the domain's root). */
    String basePath() {
        return basePath;
    }

    /** The main edition's base path without its final slash ("" at the domain's root). */
    String rootBase() {
        return rootBase;
    }

    /** A term's page, e.g. {@code /tag/روسيا/} for kind {@code tag}. */
    String termUrl(String kind, String name) {
        return url("/" + kind + "/" + slug(name) + "/");
    }

    /** The feeds of the page at decoded site path {@code pagePath}, one per format. */
    public List<FeedLink> feeds(String title, String pagePath, List<FeedFormat> formats) {
        return formats.stream()
                .map(f -> new FeedLink(title + " — " + f.label(), url(pagePath + f.fileName()), f))
                .toList();
    }

    /** A reference written by an editor: absolute URL as is, {@code /x} under the main edition's base, else relative. */
    public String resolve(String reference, String relativeTo) {
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            return UrlPaths.encodeNonAscii(reference);
        }
        if (reference.startsWith("/")) {
            return rootBase
                    + (reference.contains("%") ? UrlPaths.encodeNonAscii(reference) : UrlPaths.encode(reference));
        }
        String path = UrlPaths.decode(relativeTo, basePath) + reference;
        return reference.contains("%") ? basePath + path : url(path);
    }

    /** Pixel size of an image the site serves from static/, by its site-relative URL; null when unknown. */
    public int[] imageSize(String siteUrl) {
        if (!siteUrl.startsWith("/") || siteUrl.startsWith("//")) {
            return null;
        }
        Path file = staticDir
                .resolve(UrlPaths.decode(siteUrl, rootBase).substring(1))
                .normalize();
        int[] size = file.startsWith(staticDir) ? imageSizes.of(file) : null;
        return size == null || size[0] == 0 ? null : size;
    }

    /** Pixel size of a file under static/ ({@code {0, 0}} when unknown). */
    int[] imageSize(Path file) {
        return imageSizes.of(file);
    }

    Path staticDir() {
        return staticDir;
    }

    /** The file a site path such as /images/x.jpg names under static/ (normalised); empty for URLs. */
    Optional<Path> localFile(String reference) {
        if (!reference.startsWith("/") || reference.startsWith("//") || reference.contains("%")) {
            return Optional.empty();
        }
        return Optional.of(staticDir.resolve(reference.substring(1)).normalize());
    }
}
