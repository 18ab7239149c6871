package dev.midad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagerTest {
    @Test
    void theShownPagesAreTheFirstTheLastAndTwoEachSideWithGapsWhereSomeAreLeftOut() {
        for (int total = 1; total <= 14; total++) {
            for (int number = 1; number <= total; number++) {
                Pager pager = new Pager(number, total, "/tag/nato/");
                assertEquals(byWalkingEveryPage(pager), pager.shown(), "page " + number + " of " + total);
            }
        }
    }

    @Test
    void aLongListShowsAtMostSevenPages() {
        Pager middle = new Pager(2_500, 5_000, "/");
        List<Pager.PageLink> shown = middle.shown();
        assertEquals(
                List.of(1, 2_498, 2_499, 2_500, 2_501, 2_502, 5_000),
                shown.stream().map(Pager.PageLink::number).toList());
        assertEquals("/", shown.get(0).url());
        assertEquals("/page/5000/", shown.get(6).url());
        assertTrue(shown.get(1).gapBefore()
                && shown.get(6).gapBefore()
                && !shown.get(2).gapBefore());
    }

    /** What the default theme printed by walking {@link Pager#pages}: a page is shown or starts a gap. */
    private static List<Pager.PageLink> byWalkingEveryPage(Pager pager) {
        List<Pager.PageLink> shown = new ArrayList<>();
        boolean gap = false;
        List<Link> pages = pager.pages();
        for (int i = 1; i <= pages.size(); i++) {
            if (i == 1 || i == pager.total() || Math.abs(i - pager.number()) <= 2) {
                shown.add(new Pager.PageLink(i, pages.get(i - 1).url(), gap));
                gap = false;
            } else {
                gap = true;
            }
        }
        return shown;
    }
}
