package dev.midad.model.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.model.ArticleView;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related articles: most shared tags, then the nearest in time; a new article leaves older lists alone. */
class RelatedArticlesTest {
    private static final int DAYS = 500; // more than the 200 articles of a tag that are looked at

    @TempDir
    Path site;

    @Test
    void tiesGoToTheNearestInTimeAndANewArticleChangesOnlyRecentLists() throws Exception {
        TestSites.write(site, "site.yaml", """
                title: بوابة الاختبار
                base_url: https://test.example/
                locale: ar-EG
                time_zone: Europe/Kyiv
                related: 4
                """);
        LocalDate first = LocalDate.of(2023, 1, 1);
        for (int day = 0; day < DAYS; day++) {
            // every article shares the one tag; every tenth also shares a second one with its kind
            String tags = day % 10 == 0 ? "[أوكرانيا, الجبهة]" : "[أوكرانيا]";
            article(first.plusDays(day), "day-" + day, tags);
        }
        Map<String, List<ArticleView>> before =
                Site.load(site, TestSites.options()).model().related();

        assertEquals(
                List.of("day-260", "day-240", "day-270", "day-230"),
                slugs(before.get(url(first, 250))),
                "two tags in common first, then the nearest in time, the newer first at the same distance");
        assertEquals(List.of("day-252", "day-250", "day-253", "day-249"), slugs(before.get(url(first, 251))));
        assertEquals(List.of("day-2", "day-0", "day-3", "day-4"), slugs(before.get(url(first, 1))), "near the oldest");

        article(first.plusDays(DAYS), "day-" + DAYS, "[أوكرانيا]"); // the newest story
        Map<String, List<ArticleView>> after =
                Site.load(site, TestSites.options()).model().related();

        List<String> changed = before.keySet().stream()
                .filter(url -> !slugs(before.get(url)).equals(slugs(after.get(url))))
                .map(url -> url.replaceAll(".*/(day-\\d+)/$", "$1"))
                .sorted()
                .toList();
        assertEquals(List.of("day-498", "day-499"), changed, "only the lists it is nearest to take it in");
        assertEquals(List.of("day-500", "day-498", "day-497", "day-496"), slugs(after.get(url(first, 499))));
        assertNotEquals(null, after.get(url(first, DAYS)));
    }

    private void article(LocalDate date, String slug, String tags) throws Exception {
        TestSites.write(site, "articles/" + slug + ".md", """
                ---
                title: خبر %s
                date: %sT10:00:00+03:00
                category: أخبار
                tags: %s
                slug: %s
                ---
                نص الخبر.
                """.formatted(slug, date, tags, slug));
    }

    private static String url(LocalDate first, int day) {
        LocalDate date = first.plusDays(day);
        return "/%d/%02d/day-%d/".formatted(date.getYear(), date.getMonthValue(), day);
    }

    private static List<String> slugs(List<ArticleView> views) {
        return views.stream()
                .map(v -> v.url().replaceAll(".*/(day-\\d+)/$", "$1"))
                .toList();
    }
}
