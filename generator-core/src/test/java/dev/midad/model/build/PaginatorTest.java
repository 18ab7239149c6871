package dev.midad.model.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.config.Pagination;
import dev.midad.model.ListPager;
import dev.midad.model.Pager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginatorTest {
    private static final Function<String, String> URL = path -> path;

    /** Articles 1 (the oldest) to {@code count}, newest first, as a list holds them. */
    private static List<Integer> list(int count) {
        return IntStream.iterate(count, i -> i - 1).limit(count).boxed().toList();
    }

    @Test
    void everyArticleIsOnExactlyOnePageAndThePagersLinkThemAllInOrder() {
        for (Pagination pagination : Pagination.values()) {
            for (int perPage = 1; perPage <= 6; perPage++) {
                for (int count = 0; count <= 40; count++) {
                    String at = pagination + " " + count + " by " + perPage;
                    List<Paginator.Page<Integer>> pages =
                            Paginator.paginate(list(count), perPage, pagination, "/tag/x/", URL);
                    List<Integer> all = new ArrayList<>();
                    Map<String, Paginator.Page<Integer>> byUrl = new HashMap<>();
                    pages.forEach(page -> byUrl.put(page.path(), page));
                    // from the list's address, "next" (older) walks every page, newest articles first
                    Paginator.Page<Integer> page = byUrl.get("/tag/x/");
                    assertTrue(page.pager().front(), at);
                    Set<String> seen = new HashSet<>();
                    while (page != null) {
                        assertTrue(seen.add(page.path()), at + ": " + page.path() + " twice");
                        all.addAll(page.articles());
                        for (Pager.PageLink link : page.pager().shown()) {
                            assertTrue(byUrl.containsKey(link.url()), at + ": " + link.url() + " is a page");
                        }
                        String next = page.pager().nextUrl();
                        Paginator.Page<Integer> older = next == null ? null : byUrl.get(next);
                        if (older != null) {
                            assertEquals(page.path(), older.pager().prevUrl(), at + ": back from " + next);
                        }
                        page = older;
                    }
                    assertEquals(pages.size(), seen.size(), at + ": every page reached");
                    assertEquals(list(count), all, at);
                    assertEquals(pages.size() > 1, pages.get(0).pager().several(), at);
                    assertEquals(pagination.numberedPages(count, perPage), pages.size() - 1, at);
                    for (int i = 0; i < count; i++) {
                        int n = pagination.pageOf(i, count, perPage);
                        String path = n == 0 ? "/tag/x/" : "/tag/x/page/" + n + "/";
                        assertTrue(byUrl.get(path).articles().contains(count - i), at + ": article at " + i);
                    }
                }
            }
        }
    }

    @Test
    void archivePagesAreFullAndHoldTheirArticlesFromTheOldest() {
        for (int perPage = 1; perPage <= 6; perPage++) {
            for (int count = 0; count <= 40; count++) {
                List<Paginator.Page<Integer>> pages =
                        Paginator.paginate(list(count), perPage, Pagination.ARCHIVE, "/", URL);
                Paginator.Page<Integer> front = pages.get(0);
                int expectedFront = count < 2 * perPage ? count : perPage + count % perPage;
                assertEquals(expectedFront, front.articles().size(), count + " by " + perPage);
                for (Paginator.Page<Integer> page : pages.subList(1, pages.size())) {
                    int n = page.pager().number();
                    assertEquals("/page/" + n + "/", page.path());
                    int size = perPage;
                    assertEquals(
                            IntStream.iterate(n * size, i -> i - 1)
                                    .limit(size)
                                    .boxed()
                                    .toList(),
                            page.articles(),
                            "page " + n + " of " + count + " by " + perPage);
                }
            }
        }
    }

    /**
     * What makes a publish cheap: with one article more, every numbered page further than two from the newest
     * is the same value (its articles and pager), so the build renders it again for nothing and rewrites nothing.
     */
    @Test
    void publishingChangesOnlyTheArchivePagesNearTheNewest() {
        for (int perPage = 1; perPage <= 5; perPage++) {
            for (int count = 0; count <= 60; count++) {
                Map<String, Paginator.Page<Integer>> before = byPath(count, perPage, Pagination.ARCHIVE);
                Map<String, Paginator.Page<Integer>> after = byPath(count + 1, perPage, Pagination.ARCHIVE);
                int newest = Pagination.ARCHIVE.numberedPages(count + 1, perPage);
                for (Map.Entry<String, Paginator.Page<Integer>> page : before.entrySet()) {
                    if (page.getValue().pager().front()) {
                        continue;
                    }
                    boolean same = page.getValue().equals(after.get(page.getKey()));
                    int n = page.getValue().pager().number();
                    if (n < newest - Pager.NEAR) {
                        assertTrue(same, page.getKey() + " of " + count + " by " + perPage);
                    }
                }
                assertTrue(before.keySet().stream().allMatch(after::containsKey), "no page goes away");
            }
        }
        // pages numbered from the newest: every page changes
        Map<String, Paginator.Page<Integer>> before = byPath(100, 10, Pagination.NEWEST);
        Map<String, Paginator.Page<Integer>> after = byPath(101, 10, Pagination.NEWEST);
        before.forEach((path, page) -> assertFalse(page.equals(after.get(path)), path));
    }

    @Test
    void anArchivePagePrintsItsNeighboursTheLatestAndTheFirstNewestFirst() {
        Map<String, Paginator.Page<Integer>> pages = byPath(1_000, 10, Pagination.ARCHIVE);
        ListPager front = pages.get("/").pager();
        assertEquals(List.of(99, 98, 1), numbers(front)); // 1,000 by 10: the address shows 991 to 1,000
        assertEquals("/page/99/", front.nextUrl());
        assertNull(front.prevUrl());
        assertNull(front.frontUrl());
        ListPager middle = pages.get("/page/50/").pager();
        assertEquals(List.of(52, 51, 50, 49, 48, 1), numbers(middle));
        assertTrue(middle.shown().get(5).gapBefore() && !middle.shown().get(4).gapBefore());
        assertEquals("/page/51/", middle.prevUrl());
        assertEquals("/page/49/", middle.nextUrl());
        assertEquals("/", middle.frontUrl());
        ListPager newest = pages.get("/page/99/").pager();
        assertEquals("/", newest.prevUrl());
        assertEquals(List.of(99, 98, 97, 1), numbers(newest));
        ListPager oldest = pages.get("/page/1/").pager();
        assertNull(oldest.nextUrl());
        assertEquals(List.of(3, 2, 1), numbers(oldest));
        assertFalse(oldest.shown().get(2).gapBefore());
    }

    private static List<Integer> numbers(ListPager pager) {
        return pager.shown().stream().map(Pager.PageLink::number).toList();
    }

    private static Map<String, Paginator.Page<Integer>> byPath(int count, int perPage, Pagination pagination) {
        Map<String, Paginator.Page<Integer>> pages = new HashMap<>();
        Paginator.paginate(list(count), perPage, pagination, "/", URL).forEach(p -> pages.put(p.path(), p));
        return pages;
    }
}
