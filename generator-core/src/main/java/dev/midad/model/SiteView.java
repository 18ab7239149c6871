package dev.midad.model;

import java.util.List;
import java.util.Map;

/**
 * The publication as templates see it.
 *
 * @param homeUrl site-relative URL of the home page ("/" or the base path + "/")
 * @param logoUrl site-relative logo URL, or empty
 * @param menu    category navigation, in menu order
 * @param feeds   the site-wide feeds
 */
public record SiteView(String title, String description, String baseUrl, String language, String direction,
                       String homeUrl, String logoUrl, String copyright, List<Link> menu, List<Link> pages,
                       List<FeedLink> feeds, Map<String, Object> params) {
    public SiteView {
        menu = List.copyOf(menu);
        pages = List.copyOf(pages);
        feeds = List.copyOf(feeds);
        params = Map.copyOf(params);
    }
}
