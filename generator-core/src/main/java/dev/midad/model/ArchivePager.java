package dev.midad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Position of one page of a list numbered from the oldest (see {@code Pagination.ARCHIVE}): the list's own
 * address ({@code number} 0) or page {@code number} at {@code listUrl + "page/n/"}. A page knows the newest page
 * only as far as it links ({@code reach}), so a page further than {@value Pager#NEAR} from the newest is the same
 * value, and renders the same bytes, however many articles are published after it.
 *
 * @param number  0 on the list's address, else 1 (the oldest articles) and up
 * @param reach   the newest page this one links to: on the list's address its newest numbered page (0: none);
 *                on page n the newest page, or n + {@value Pager#NEAR} if that is older
 * @param listUrl the list's address, site-relative and encoded
 */
public record ArchivePager(int number, int reach, String listUrl) implements ListPager {

    @Override
    public boolean front() {
        return number == 0;
    }

    @Override
    public boolean several() {
        return reach > 0;
    }

    @Override
    public String prevUrl() {
        if (front()) {
            return null;
        }
        return number == reach ? listUrl : urlOf(number + 1);
    }

    @Override
    public String nextUrl() {
        if (front()) {
            return reach > 0 ? urlOf(reach) : null;
        }
        return number > 1 ? urlOf(number - 1) : null;
    }

    /** Newest first: the pages up to {@value Pager#NEAR} on each side of this one (on the list's address, the
     * newest ones), then page 1, after a gap where pages are left out. */
    @Override
    public List<Pager.PageLink> shown() {
        List<Pager.PageLink> shown = new ArrayList<>();
        int lowest = Math.max(1, (front() ? reach + 1 : number) - Pager.NEAR);
        for (int n = reach; n >= lowest; n--) {
            shown.add(new Pager.PageLink(n, urlOf(n), false));
        }
        if (lowest > 1) {
            shown.add(new Pager.PageLink(1, urlOf(1), lowest > 2));
        }
        return shown;
    }

    @Override
    public String frontUrl() {
        return front() ? null : listUrl;
    }

    private String urlOf(int n) {
        return listUrl + "page/" + n + "/";
    }
}
