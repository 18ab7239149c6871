package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expires:} end to end: an article whose time has passed leaves lists, feeds, sitemaps and the search
 * index, and its address becomes a "410 Gone" page (with the rules that answer 410) or a redirect.
 */
class ExpiryTest {
    /** The test clock is 2026-01-01T00:00Z; the site's zone is Europe/Kyiv (+02:00 in winter). */
    private static final String GONE = "2024/07/قمة-الناتو-في-واشنطن/";

    private static final String MOVED = "2024/08/صادرات-الحبوب-من-أوديسا/";

    @TempDir
    Path tmp;

    private Path site() throws IOException {
        Path dir = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(
                dir,
                "articles/2024/07/second.md",
                read(dir, "articles/2024/07/second.md")
                        .replace("date: 2024-07-10", "date: 2024-07-10\nexpires: 2025-12-31T12:00"));
        write(
                dir,
                "articles/2024/08/third.md",
                read(dir, "articles/2024/08/third.md")
                        .replace(
                                "date: 2024-08-14T09:30:00",
                                "date: 2024-08-14T09:30:00\nexpires: 2025-12-31\n" + "expires_redirect: /about/"));
        return dir;
    }

    @Test
    void anExpiredArticleIsTakenDownEverywhere() throws Exception {
        Path out = tmp.resolve("out");
        BuildResult result = Site.load(site(), TestSites.options()).build(out);
        assertEquals(1, result.articles(), "two of the three articles are taken down");

        String gone = read(out, GONE + "index.html");
        assertTrue(gone.contains("410") && gone.contains("لم يعد هذا الخبر متاحاً"), gone);
        assertTrue(gone.contains("<meta name=\"robots\" content=\"noindex\">"), gone);
        assertFalse(gone.contains("قمة الناتو"), "the page shows nothing of the article: " + gone);
        assertEquals(gone, read(out, "410.html"), "the body of the rules' 410 answers");

        String moved = read(out, MOVED + "index.html");
        assertTrue(moved.contains("url=/about/"), moved);

        String encoded = "/2024/07/%D9%82%D9%85%D8%A9-%D8%A7%D9%84%D9%86%D8%A7%D8%AA%D9%88-%D9%81%D9%8A-"
                + "%D9%88%D8%A7%D8%B4%D9%86%D8%B7%D9%86/";
        assertTrue(read(out, "_redirects").contains(encoded + " /410.html 410!"), read(out, "_redirects"));
        String nginx = read(out, "redirects.nginx.conf");
        assertTrue(nginx.contains("error_page 410 /410.html;"), nginx);
        // nginx and mod_rewrite match the decoded path (see RedirectServersTest)
        String decoded = "/2024/07/قمة-الناتو-في-واشنطن/";
        assertTrue(nginx.contains("location = \"" + decoded + "\" { return 410; }"), nginx);
        String apache = read(out, ".htaccess");
        assertTrue(apache.contains("RewriteRule \"^" + decoded.substring(1) + "$\" - [G,L]"), apache);
        assertTrue(apache.contains("ErrorDocument 410 /410.html"), apache);
        assertTrue(apache.contains("[R=301,L,NE]") && apache.contains(" \"/about/\" [R=301"), apache);

        for (String file : everyOtherFile(out)) {
            String text = read(out, file);
            assertFalse(
                    text.contains("قمة الناتو") || text.contains("صادرات الحبوب"),
                    file + " still shows a taken-down article");
        }
    }

    @Test
    void beforeItsTimeTheArticleIsPublishedAndThePreviewAlwaysShowsIt() throws Exception {
        Path site = site();
        BuildOptions before = TestSites.options()
                .withClock(java.time.Clock.fixed(
                        java.time.Instant.parse("2025-12-30T00:00:00Z"), java.time.ZoneOffset.UTC));
        Path out = tmp.resolve("before");
        assertEquals(3, Site.load(site, before).build(out).articles());
        assertTrue(read(out, GONE + "index.html").contains("قمة الناتو"));
        assertFalse(Files.exists(out.resolve("410.html")));

        Path preview = tmp.resolve("preview");
        assertEquals(
                5,
                Site.load(site, TestSites.options().withFuture(true).withDrafts(true))
                        .build(preview)
                        .articles());
    }

    @Test
    void badExpiryValuesAreProblemsAtTheirLines() throws Exception {
        Path site = site();
        write(site, "articles/2024/07/second.md", """
                ---
                title: قمة الناتو في واشنطن
                date: 2024-07-10
                expires: 2024-07-01
                ---
                نص.
                """);
        write(site, "articles/2024/08/third.md", """
                ---
                title: صادرات الحبوب من أوديسا
                date: 2024-08-14
                expires: 2025-01-01
                expires_redirect: "/x/; return 200 evil"
                ---
                نص.
                """);
        write(site, "articles/2024/09/fourth.md", """
                ---
                title: خبر رابع
                date: 2024-09-14
                expires_redirect: /x/
                ---
                نص.
                """);
        BuildException e = assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(tmp.resolve("out")));
        String message = e.getMessage();
        assertTrue(
                message.contains(
                        "articles/2024/07/second.md:4: 'expires' (2024-07-01T00:00+03:00) is not after" + " 'date'"),
                message);
        assertTrue(message.contains("articles/2024/08/third.md:5: 'expires_redirect' must be a site path"), message);
        assertTrue(message.contains("articles/2024/09/fourth.md:4: 'expires_redirect' needs 'expires'"), message);
    }

    private static List<String> everyOtherFile(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> out.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith(GONE) && !f.startsWith(MOVED))
                    .filter(f -> !f.endsWith(".png") && !f.endsWith(".jpg") && !f.endsWith(".webp"))
                    .sorted()
                    .toList();
        }
    }
}
