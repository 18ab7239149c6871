package dev.midad.config;

import java.util.Optional;

/**
 * How a list (the home page, a category, tag or author) is split into pages ({@code pagination} in site.yaml).
 * Both put the newest articles at the list's own address; they differ in what a numbered page holds.
 */
public enum Pagination {
    /**
     * Pages numbered from the oldest: page 1 holds a list's first {@code per_page} articles and keeps them, so
     * publishing changes the list's address and at most a few pages near the newest, not every page (at 100,000
     * articles one story otherwise rewrites some 16,000 list pages and a CDN purges them all). The list's address
     * shows what no full page holds yet plus the newest full page: {@code per_page} to {@code 2 per_page - 1}
     * articles, none of them on a numbered page.
     */
    ARCHIVE,
    /** Pages numbered from the newest (WordPress's and Hugo's): page 2 holds the next {@code per_page} after the
     * first page's, so every page changes when an article is published. */
    NEWEST;

    /** The pagination {@code name} stands for in site.yaml ({@code archive}, {@code newest}), if any. */
    public static Optional<Pagination> named(String name) {
        return switch (name) {
            case "archive" -> Optional.of(ARCHIVE);
            case "newest" -> Optional.of(NEWEST);
            default -> Optional.empty();
        };
    }

    /** How many of a list of {@code count} articles, newest first, its own address shows. */
    public int frontSize(int count, int perPage) {
        if (this == NEWEST) {
            return Math.min(count, perPage);
        }
        int full = count / perPage;
        return full >= 1 ? count - (full - 1) * perPage : count;
    }

    /** The numbered pages a list of {@code count} articles has besides its own address. */
    public int numberedPages(int count, int perPage) {
        int pages = (count + perPage - 1) / perPage;
        return this == NEWEST ? Math.max(0, pages - 1) : Math.max(0, count / perPage - 1);
    }

    /**
     * The page showing the article at {@code index} (0 is the newest) of a list of {@code count}: 0 for the
     * list's own address, else the number in its {@code page/N/} address.
     */
    public int pageOf(int index, int count, int perPage) {
        if (index < frontSize(count, perPage)) {
            return 0;
        }
        return this == NEWEST ? index / perPage + 1 : (count - 1 - index) / perPage + 1;
    }
}
