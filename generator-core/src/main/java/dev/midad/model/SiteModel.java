package dev.midad.model;

import dev.midad.config.SiteConfig;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The whole site, resolved: every article with its permalink, taxonomies, home order and related articles.
 * Output formats render from this; they never go back to the content files.
 *
 * @param now       the build's notion of now (its clock), for time-windowed outputs like Google News
 * @param articles  published articles, newest first
 * @param homeOrder articles in home-page order: featured on top, then newest first
 * @param related   related articles per article URL
 * @param redirects old addresses (front matter {@code aliases}, WordPress {@code wp_id}) and where they went
 * @param authorProfiles the writers' profiles ({@code authors/*.md}) by the URL of their author page
 * @param breaking  breaking news ({@code data/breaking.yaml}), expired ones included (outputs filter by time)
 * @param gone      addresses of articles taken down ({@code expires:} passed, no {@code expires_redirect:}), sorted
 */
public record SiteModel(
        SiteConfig config,
        SiteView site,
        ZonedDateTime now,
        List<ArticleView> articles,
        List<ArticleView> homeOrder,
        List<Taxonomy> taxonomies,
        List<StaticPageView> pages,
        Map<String, List<ArticleView>> related,
        List<Redirect> redirects,
        Map<String, AuthorView> authorProfiles,
        List<Breaking> breaking,
        List<Gone> gone) {

    /** A breaking-news item: {@code url} site-relative or https, may be empty. */
    public record Breaking(String text, String url, DateView expires) {}

    /**
     * The address of an article taken down: served as "410 Gone" by the server rules, with a page saying so.
     *
     * @param fromPath decoded site path, e.g. {@code /2024/06/بوتين/}
     */
    public record Gone(String fromPath, String url, String absoluteUrl) {
        /** The address as a URL path under the edition's base, percent-encoded (as {@link Redirect#fromUrl}). */
        public String fromUrl() {
            return dev.midad.text.UrlPaths.encode(fromPath);
        }
    }

    /** A taxonomy (categories, tags, authors) with its terms, busiest first. */
    public record Taxonomy(TaxonomyView view, List<Term> terms) {}
}
