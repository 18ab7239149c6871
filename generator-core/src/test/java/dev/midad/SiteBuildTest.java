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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {
    @TempDir
    Path tmp;

    private Path site() throws IOException {
        return TestSites.small(Files.createDirectories(tmp.resolve("site")));
    }

    @Test
    void buildsEveryPageKind() throws Exception {
        Path out = tmp.resolve("out");
        BuildResult result = Site.load(site(), TestSites.options()).build(out);
        assertEquals(3, result.articles());
        for (String file : List.of(
                "index.html",
                "2024/06/بوتين-كوريا-الشمالية/index.html",
                "category/سياسة/index.html",
                "category/سياسة/rss.xml",
                "tag/روسيا/index.html",
                "author/سارة-حسن/index.html",
                "categories/index.html",
                "tags/index.html",
                "authors/index.html",
                "about/index.html",
                "404.html",
                "rss.xml",
                "sitemap.xml",
                "assets/midad.css")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), "missing " + file);
        }
        String article = read(out, "2024/06/بوتين-كوريا-الشمالية/index.html");
        assertTrue(article.contains("<html lang=\"ar\" dir=\"rtl\""), "RTL document");
        assertTrue(article.contains("20 يونيو 2024"), "date as the seed writes it");
        assertTrue(article.contains("كييف"), "dateline");
        assertTrue(article.contains("( ISW )"));
    }

    @Test
    void listPagesAreNumberedFromTheOldestAndLinkedBothWays() throws Exception {
        Path site = site();
        String yaml = read(site, "site.yaml");
        write(site, "site.yaml", yaml.replace("per_page: 2", "per_page: 1"));
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        // three articles by one: the address shows the featured one (it goes on top, as on any home page), page 2
        // the newest of the others, page 1 the oldest
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(read(out, "index.html"));
        assertEquals("التنقل في صفحات الأرشيف", home.selectFirst("nav.pager").attr("aria-label"));
        assertEquals("/page/2/", home.selectFirst("nav.pager a[rel=next]").attr("href"));
        assertTrue(home.select("nav.pager a[rel=prev]").isEmpty());
        assertEquals(
                List.of("/page/2/", "/page/1/", "/page/2/"),
                home.select("nav.pager a").eachAttr("href"));

        org.jsoup.nodes.Document second = org.jsoup.Jsoup.parse(read(out, "page/2/index.html"));
        assertTrue(second.title().startsWith("الصفحة 2 "), second.title());
        assertEquals("/", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals("/page/1/", second.selectFirst("nav.pager a[rel=next]").attr("href"));
        assertEquals(
                "الأحدث", second.selectFirst("nav.pager a[href=/]:not([rel])").text());
        assertEquals(
                "/page/2/", second.selectFirst("nav.pager a[aria-current=page]").attr("href"));
        assertTrue(second.text().contains("صادرات الحبوب من أوديسا"), "the newest after the featured one");

        org.jsoup.nodes.Document oldest = org.jsoup.Jsoup.parse(read(out, "page/1/index.html"));
        assertTrue(oldest.select("nav.pager a[rel=next]").isEmpty());
        assertEquals("/page/2/", oldest.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertTrue(oldest.text().contains("قمة الناتو في واشنطن"), "the oldest of them");
        assertFalse(Files.exists(out.resolve("page/3/index.html")), "the newest is on the address only");
    }

    @Test
    void anUnknownPaginationIsReportedAtItsLine() throws Exception {
        Path site = site();
        write(site, "site.yaml", read(site, "site.yaml") + "pagination: <b>oldest</b>\n");
        BuildException e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        assertTrue(
                e.getMessage().contains("site.yaml:8: 'pagination' must be archive (pages numbered from the oldest"),
                e.getMessage());
    }

    @Test
    void linksAreConsistentlyPercentEncoded() throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site(), TestSites.options()).build(out);
        String home = read(out, "index.html");
        assertTrue(home.contains("href=\"/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-"), "encoded article link");
        assertFalse(home.contains("href=\"/2024/06/بوتين"), "raw Arabic in a link");
        String rss = read(out, "rss.xml");
        assertTrue(rss.contains("<link>https://test.example/2024/06/%D8%A8"), rss);
    }

    @Test
    void draftsAndFutureArticlesOnlyWhenAskedFor() throws Exception {
        Path site = site();
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        assertFalse(read(out, "rss.xml").contains("مسودة لم تنشر"));
        assertFalse(read(out, "sitemap.xml").contains("/2030/"));

        Path preview = tmp.resolve("preview");
        BuildResult all = Site.load(site, TestSites.options().withDrafts(true).withFuture(true))
                .build(preview);
        assertEquals(5, all.articles());
        assertTrue(read(preview, "rss.xml").contains("مسودة لم تنشر"));
    }

    @Test
    void categoryFeedHoldsOnlyItsCategory() throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site(), TestSites.options()).build(out);
        String feed = read(out, "category/اقتصاد/rss.xml");
        assertTrue(feed.contains("صادرات الحبوب من أوديسا"));
        assertFalse(feed.contains("قمة الناتو"));
    }

    @Test
    void reportsEveryProblemAtOnceWithFileAndLine() throws Exception {
        Path site = site();
        write(site, "articles/bad/no-title.md", "---\ndate: 2024-01-01\n---\nنص\n");
        write(site, "articles/bad/broken-yaml.md", "---\ntitle: \"غير مغلق\ndate: 2024-01-01\n---\n");
        write(site, "articles/bad/bad-date.md", "---\ntitle: تاريخ\ndate: 2024-13-45\n---\n");
        BuildException e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        String message = e.getMessage();
        assertEquals(3, e.problems().size(), message);
        assertTrue(message.contains("articles/bad/no-title.md:2: 'title' is required"), message);
        assertTrue(message.contains("articles/bad/broken-yaml.md:"), message);
        assertTrue(message.contains("articles/bad/bad-date.md:3: 'date' is not a valid date"), message);
    }

    @Test
    void samePermalinkNamesBothFiles() throws Exception {
        Path site = site();
        write(site, "articles/2024/06/copy.md", """
                ---
                title: نسخة
                date: 2024-06-01
                slug: بوتين-كوريا-الشمالية
                ---
                """);
        BuildException e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        assertTrue(e.getMessage().contains("seed.md") && e.getMessage().contains("copy.md"), e.getMessage());
    }

    @Test
    void failedBuildLeavesThePreviousSiteIntact() throws Exception {
        Path site = site();
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        Map<String, String> before = digest(out);

        write(site, "templates/article.ftlh", "<p>${article.noSuchField.x}</p>\n");
        BuildException e = assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(out));
        assertTrue(e.getMessage().contains("templates/article.ftlh:1"), e.getMessage());
        assertEquals(before, digest(out), "previous output changed");
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(
                    List.of(".out.addresses", ".out.manifest", "out", "site"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "staging folder left behind");
        }
    }

    @Test
    void templateSyntaxErrorIsReportedBeforeAnythingIsWritten() throws Exception {
        Path site = site();
        write(site, "templates/home.ftlh", "<#if>\n");
        BuildException e = assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(tmp.resolve("out")));
        assertTrue(e.getMessage().contains("templates/home.ftlh:1"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void siteTemplatesOverrideTheThemeFileByFile() throws Exception {
        Path site = site();
        write(site, "templates/404.ftlh", "<!DOCTYPE html><title>${site.title}</title><p>مفقود</p>\n");
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        assertEquals("<!DOCTYPE html><title>بوابة الاختبار</title><p>مفقود</p>\n", read(out, "404.html"));
        assertTrue(read(out, "index.html").contains("dir=\"rtl\""), "other templates still from the theme");
    }

    @Test
    void buildNeverWritesContentAndRefusesOutputInsideIt() throws Exception {
        Path site = site();
        Map<String, String> before = digest(site);
        Site.load(site, TestSites.options()).build(site.resolve("target/site"));
        Files.walk(site.resolve("target"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        assertEquals(before, digest(site));

        assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(site));
        assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(site.resolve("articles/x")));
        assertEquals(before, digest(site));
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws Exception {
        Path site = site();
        Site.load(site, TestSites.options()).build(tmp.resolve("a"));
        Site.load(site, TestSites.options()).build(tmp.resolve("b"));
        assertEquals(digest(tmp.resolve("a")), digest(tmp.resolve("b")));
    }

    @Test
    void rebuildAfterEditingOneArticleLeavesUnrelatedFilesUntouched() throws Exception {
        Path site = site();
        Path out = tmp.resolve("out");
        BuildResult first = Site.load(site, TestSites.options()).build(out);
        assertEquals(0, first.unchanged());
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(1_577_836_800_000L);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
        write(
                site,
                "articles/2024/08/third.md",
                read(site, "articles/2024/08/third.md").replace("نص الخبر الثالث.", "نص الخبر الثالث بعد التصحيح."));
        BuildResult second = Site.load(site, TestSites.options()).build(out);
        assertTrue(second.unchanged() > 0 && second.unchanged() < second.files(), second.summary());

        String edited = "2024/08/صادرات-الحبوب-من-أوديسا/index.html";
        assertTrue(Files.getLastModifiedTime(out.resolve(edited)).compareTo(past) > 0, "the edited page is new");
        assertTrue(Files.getLastModifiedTime(out.resolve("rss.xml")).compareTo(past) > 0, "feeds holding it too");
        for (String untouched :
                List.of("about/index.html", "tag/الناتو/index.html", "assets/midad.css", "category/سياسة/index.html")) {
            assertEquals(past, Files.getLastModifiedTime(out.resolve(untouched)), untouched);
        }
    }

    static Map<String, String> digest(Path dir) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                result.put(dir.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return result;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
