package dev.midad.model.build;

import dev.midad.config.Pagination;
import dev.midad.model.ArchivePager;
import dev.midad.model.ListPager;
import dev.midad.model.Pager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a list, newest first, into pages (see {@link Pagination}): the newest at {@code listPath}, the others at
 * {@code listPath + "page/n/"}.
 */
public final class Paginator {
    private Paginator() {}

    /** One list page: its decoded site path, its slice of the list (articles) and its pager. */
    public record Page<T>(String path, List<T> articles, ListPager pager) {}

    /**
     * @param listPath decoded site path of the list's address, ending in '/'
     * @param url      turns a decoded path into a site-relative encoded URL
     */
    public static <T> List<Page<T>> paginate(
            List<T> articles, int perPage, Pagination pagination, String listPath, Function<String, String> url) {
        String listUrl = url.apply(listPath); // "page/n/" is ASCII: encoded, it is itself
        int count = articles.size();
        int numbered = pagination.numberedPages(count, perPage);
        List<Page<T>> pages = new ArrayList<>(numbered + 1);
        List<T> front = articles.subList(0, pagination.frontSize(count, perPage));
        if (pagination == Pagination.NEWEST) {
            pages.add(new Page<>(listPath, List.copyOf(front), new Pager(1, numbered + 1, listUrl)));
            for (int n = 2; n <= numbered + 1; n++) {
                List<T> slice = articles.subList((n - 1) * perPage, Math.min(n * perPage, count));
                pages.add(new Page<>(pagePath(listPath, n), List.copyOf(slice), new Pager(n, numbered + 1, listUrl)));
            }
            return pages;
        }
        pages.add(new Page<>(listPath, List.copyOf(front), new ArchivePager(0, numbered, listUrl)));
        for (int n = numbered; n >= 1; n--) { // page n: the n-th perPage articles from the oldest
            List<T> slice = articles.subList(count - n * perPage, count - (n - 1) * perPage);
            ArchivePager pager = new ArchivePager(n, Math.min(numbered, n + Pager.NEAR), listUrl);
            pages.add(new Page<>(pagePath(listPath, n), List.copyOf(slice), pager));
        }
        return pages;
    }

    private static String pagePath(String listPath, int n) {
        return listPath + "page/" + n + "/";
    }
}
