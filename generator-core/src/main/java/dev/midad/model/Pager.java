package dev.midad.model;

import java.util.List;

/** Position of one list page among its siblings; {@code prevUrl}/{@code nextUrl} are null at the ends. */
public record Pager(int number, int total, String prevUrl, String nextUrl, List<Link> pages) {
    public Pager {
        pages = List.copyOf(pages);
    }
}
