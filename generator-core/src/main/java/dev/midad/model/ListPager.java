package dev.midad.model;

import java.util.List;

/**
 * A list page's place among its list's pages, as templates see it ({@code pager}): {@link Pager} for pages
 * numbered from the newest, {@link ArchivePager} for pages numbered from the oldest. "Previous" is the newer
 * side, "next" the older, in both.
 */
public sealed interface ListPager permits Pager, ArchivePager {
    /** This page's number; {@link #front} tells the list's own address. */
    int number();

    /** True on the list's own address, which shows its newest articles. */
    boolean front();

    /** True when the list has more than this page, so a pager is printed. */
    boolean several();

    /** The newer page's URL, null where there is none. */
    String prevUrl();

    /** The older page's URL, null where there is none. */
    String nextUrl();

    /** The numbered pages a pager prints, in the order it prints them. */
    List<Pager.PageLink> shown();

    /** The list's own address where the pager links to it apart from {@link #shown} (archive pages), else null. */
    String frontUrl();
}
