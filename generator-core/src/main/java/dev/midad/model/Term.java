package dev.midad.model;

import java.util.List;

/** One category, tag or author with its articles, newest first. */
public record Term(String name, String slug, String url, List<ArticleView> articles) {
    public Term {
        articles = List.copyOf(articles);
    }

    public int count() {
        return articles.size();
    }

    /** This term without its articles. */
    public TermName named() {
        return new TermName(name, slug, url);
    }
}
