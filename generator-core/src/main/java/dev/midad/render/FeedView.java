package dev.midad.render;

import dev.midad.model.ArticleView;
import dev.midad.model.DateView;
import java.util.List;

/**
 * One feed as its template sees it. In a {@code fullContent} feed articles carry their HTML with absolute
 * URLs, since feed readers have no base to resolve relative ones against; a summary feed shows each
 * article's summary and links to it.
 */
public record FeedView(
        String title,
        String description,
        String selfUrl,
        String link,
        String language,
        DateView lastBuildDate,
        List<ArticleView> articles,
        String generator,
        boolean fullContent) {
    public FeedView {
        articles = List.copyOf(articles);
    }

    /** The same feed with other copies of its articles (their HTML with absolute links). */
    public FeedView withArticles(List<ArticleView> copies) {
        return new FeedView(title, description, selfUrl, link, language, lastBuildDate, copies, generator, fullContent);
    }
}
