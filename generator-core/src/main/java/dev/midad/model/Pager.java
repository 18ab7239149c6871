package dev.midad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Position of one list page among its siblings: page 1 at {@code listUrl}, page n at
 * {@code listUrl + "page/n/"}. The links are computed, not stored, so comparing two pagers costs nothing
 * however many pages a list has (the live preview compares every page's inputs on every rebuild).
 */
public record Pager(int number, int total, String listUrl) implements ListPager {

    @Override
    public boolean front() {
        return number == 1;
    }

    @Override
    public boolean several() {
        return total > 1;
    }

    /** Page 1 is the list's address, among {@link #shown}. */
    @Override
    public String frontUrl() {
        return null;
    }

    /** The previous page's URL, null on the first page. */
    @Override
    public String prevUrl() {
        return number > 1 ? urlOf(number - 1) : null;
    }

    /** The next page's URL, null on the last page. */
    @Override
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

    /**
     * The pages a numbered pager prints: the first, the last and those within {@value #NEAR} of this one, in
     * order, each saying whether pages were left out before it (where a pager prints a gap). At most seven,
     * however long the list: a theme that walked {@link #pages} on each of a 10,000-page list's pages made 100
     * million links (a fifth of the build after one article was added to 100,000).
     */
    @Override
    public List<PageLink> shown() {
        List<PageLink> shown = new ArrayList<>();
        int last = 0; // the page added before
        for (int n = 1; n <= total; n++) {
            if (n > 1 && n < number - NEAR) {
                n = number - NEAR; // on to the pages around this one
            } else if (n > number + NEAR && n < total) {
                n = total; // on to the last
            }
            shown.add(new PageLink(n, urlOf(n), n > last + 1));
            last = n;
        }
        return shown;
    }

    /** One page a pager prints (see {@link #shown}): its number, address, and whether a gap comes before it. */
    public record PageLink(int number, String url, boolean gapBefore) {}

    /** How many pages on each side of this one a pager prints. */
    public static final int NEAR = 2;

    private String urlOf(int n) {
        return n == 1 ? listUrl : listUrl + "page/" + n + "/";
    }
}
