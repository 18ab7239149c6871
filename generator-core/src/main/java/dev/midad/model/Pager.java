package dev.midad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Position of one list page among its siblings: page 1 at {@code listUrl}, page n at
 * {@code listUrl + "page/n/"}. The links are computed, not stored, so comparing two pagers costs nothing
 * however many pages a list has (the live preview compares every page's inputs on every rebuild).
 */
public record Pager(int number, int total, String listUrl) {

    /** The previous page's URL, null on the first page. */
    public String prevUrl() {
        return number > 1 ? urlOf(number - 1) : null;
    }

    /** The next page's URL, null on the last page. */
    public String nextUrl() {
        return number < total ? urlOf(number + 1) : null;
    }

    /** Every page of the list, numbered from 1. */
    public List<Link> pages() {
        List<Link> pages = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            pages.add(new Link(String.valueOf(n), urlOf(n)));
        }
        return pages;
    }

    private String urlOf(int n) {
        return n == 1 ? listUrl : listUrl + "page/" + n + "/";
    }
}
