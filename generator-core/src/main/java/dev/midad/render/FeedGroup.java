package dev.midad.render;

import dev.midad.model.FeedLink;
import java.util.List;

/** The feeds of one page (the site, a category, a tag, an author), for the /feeds/ page. */
public record FeedGroup(String title, String url, List<FeedLink> feeds) {
    public FeedGroup {
        feeds = List.copyOf(feeds);
    }
}
