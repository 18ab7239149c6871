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

    @Test
    void listsRankedAgainOnlyWhereNewArticlesReachEqualThoseRankedFromScratch() {
        java.util.Random random = new java.util.Random(17);
        List<String> urls = new java.util.ArrayList<>(); // newest first
        Map<String, List<String>> tags = new java.util.HashMap<>();
        for (int i = 0; i < 3000; i++) {
            add(urls, tags, urls.size(), "/old-" + i + "/", random);
        }
        RelatedArticles kept = new RelatedArticles(); // one builder across builds, as the cache restores it
        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        assertEquals(3000, kept.lastRanked());

        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        assertEquals(0, kept.lastRanked(), "nothing changed: the previous lists");

        add(urls, tags, 0, "/new-1/", random); // published: newer than all
        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        int ranked = kept.lastRanked();
        org.junit.jupiter.api.Assertions.assertTrue(
                ranked > 1 && ranked < 1000, "only the lists the new article can enter: " + ranked);

        for (int i = 2; i <= 6; i++) {
            add(urls, tags, 0, "/new-" + i + "/", random); // five at once
        }
        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        org.junit.jupiter.api.Assertions.assertTrue(kept.lastRanked() < 2000, "ranked " + kept.lastRanked());

        add(urls, tags, 1500, "/backdated/", random); // among older ones: distances change, all ranked
        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        assertEquals(urls.size(), kept.lastRanked());

        add(urls, tags, 0, "/new-7/", random);
        tags.put(urls.get(2500), List.of("وسم-0")); // and an old article's tags changed
        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        assertEquals(urls.size(), kept.lastRanked());

        add(urls, tags, 0, "/new-8/", random);
        tags.remove(urls.remove(700)); // and one deleted
        assertEquals(
                fresh(urls, tags, 5),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 5).get());
        assertEquals(urls.size(), kept.lastRanked());

        add(urls, tags, 0, "/new-9/", random);
        assertEquals(
                fresh(urls, tags, 3),
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 3).get());
        assertEquals(urls.size(), kept.lastRanked(), "another count: all ranked");
    }

    @Test
    void aNewArticleThatPushesOneOutOfAWindowOfTwoHundredChangesTheListThatHadIt() {
        List<String> urls = new java.util.ArrayList<>();
        Map<String, List<String>> tags = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            urls.add("/a-" + i + "/");
            // the 100th and 200th newest share a second tag: each is the other's first while both are in the window
            tags.put("/a-" + i + "/", i == 99 || i == 199 ? List.of("a", "b") : List.of("a"));
        }
        RelatedArticles kept = new RelatedArticles();
        assertEquals(
                "/a-199/",
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 3)
                        .get()
                        .get("/a-99/")
                        .get(0));

        urls.add(0, "/new/");
        tags.put("/new/", List.of("a"));
        Map<String, List<String>> after =
                kept.beginByUrl(List.copyOf(urls), Map.copyOf(tags), 3).get();
        assertEquals(fresh(urls, tags, 3), after);
        assertEquals(List.of("/a-98/", "/a-100/", "/a-97/"), after.get("/a-99/"), "/a-199/ is the 201st now");
    }

    /** An article at {@code at} of {@code urls} with one to four tags, a few of them far more common. */
    private static void add(
            List<String> urls, Map<String, List<String>> tags, int at, String url, java.util.Random random) {
        java.util.Set<String> chosen = new java.util.TreeSet<>();
        int wanted = 1 + random.nextInt(4);
        while (chosen.size() < wanted) {
            int rank = (int) Math.floor(Math.pow(60, random.nextDouble())); // 0..59, skewed to the first
            chosen.add("وسم-" + rank);
        }
        urls.add(at, url);
        tags.put(url, List.copyOf(chosen));
    }

    private static Map<String, List<String>> fresh(List<String> urls, Map<String, List<String>> tags, int count) {
        return new RelatedArticles()
                .beginByUrl(List.copyOf(urls), Map.copyOf(tags), count)
                .get();
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
