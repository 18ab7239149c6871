package dev.midad.model;

import dev.midad.config.SiteConfig;
import java.util.List;
import java.util.Map;

/**
 * The publication as templates see it.
 *
 * @param origin          scheme, host and port of the base URL: {@code origin + url} is absolute
 * @param homeUrl         site-relative URL of the home page ("/" or the base path + "/")
 * @param logoUrl         site-relative logo URL, or empty
 * @param logoAbsoluteUrl absolute logo URL, or empty (JSON-LD publisher logo)
 * @param logoWidth       pixel width of the logo when the engine could read it (from static/), else 0
 * @param logoHeight      pixel height of the logo, else 0
 * @param ogLocale        Open Graph locale, e.g. {@code ar_AR}
 * @param menu            category navigation, in menu order
 * @param feeds           the site-wide feeds
 * @param amp             whether articles have AMP versions at {@code amp/} under their URL
 * @param rootUrl         site-relative URL of the main edition's home, where shared assets live
 * @param editions        every edition of the publication, the current one marked
 * @param fonts           self-hosted font faces to declare (site-relative, encoded {@code src})
 * @param share           the site's social card for pages without their own image, or null
 */
public record SiteView(
        String title,
        String description,
        String baseUrl,
        String origin,
        String language,
        String direction,
        String homeUrl,
        String rootUrl,
        String logoUrl,
        String logoAbsoluteUrl,
        int logoWidth,
        int logoHeight,
        String ogLocale,
        String copyright,
        List<Link> menu,
        List<Link> pages,
        List<FeedLink> feeds,
        List<EditionLink> editions,
        boolean amp,
        List<SiteConfig.WebFont> fonts,
        Map<String, Object> params,
        ImageView share) {
    public SiteView {
        menu = List.copyOf(menu);
        pages = List.copyOf(pages);
        feeds = List.copyOf(feeds);
        fonts = List.copyOf(fonts);
        editions = List.copyOf(editions);
        params = Map.copyOf(params);
    }
}
