package dev.midad.model.build;

import dev.midad.model.ArticleView;
import dev.midad.model.Pager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splits a list into pages: page 1 at {@code listPath}, page n at {@code listPath + "page/n/"}. */
public final class Paginator {
    private Paginator() {}

    /** One list page: its decoded site path, its slice of articles and its pager. */
    public record Page(String path, List<ArticleView> articles, Pager pager) {}

    /**
     * @param listPath decoded site path of the first page, ending in '/'
     * @param url      turns a decoded path into a site-relative encoded URL
     */
    public static List<Page> paginate(
            List<ArticleView> articles, int perPage, String listPath, Function<String, String> url) {
        int total = Math.max(1, (articles.size() + perPage - 1) / perPage);
        String listUrl = url.apply(listPath); // "page/n/" is ASCII: encoded, it is itself
        List<Page> pages = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            List<ArticleView> slice = articles.subList(
                    Math.min((n - 1) * perPage, articles.size()), Math.min(n * perPage, articles.size()));
            String path = n == 1 ? listPath : listPath + "page/" + n + "/";
            pages.add(new Page(path, List.copyOf(slice), new Pager(n, total, listUrl)));
        }
        return pages;
    }
}
