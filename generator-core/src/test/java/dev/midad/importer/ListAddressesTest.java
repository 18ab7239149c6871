package dev.midad.importer;

import static dev.midad.importer.ImportTestSupport.buildOptions;
import static dev.midad.importer.ImportTestSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.content.OldAddress;
import dev.midad.text.UrlPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WordPress's list, feed and page addresses redirect to the imported site's (data/redirects.yaml). */
class ListAddressesTest {
    @TempDir
    Path dir;

    /** Twelve posts by sara in "أخبار محلية" (/category/local/) tagged Kyiv; the first also in "رياضة" (/category/sport/). */
    private Path export() throws Exception {
        WxrWriter wxr = new WxrWriter().author("sara", "سارة حسن");
        for (int i = 1; i <= 12; i++) {
            String terms = WxrWriter.term("category", "local", "أخبار محلية")
                    + (i == 1 ? WxrWriter.term("category", "sport", "رياضة") : "")
                    + WxrWriter.term("post_tag", "kyiv", "Kyiv");
            wxr.post(i, "post-" + i, "خبر " + i, i, "sara", "<p>نص " + i + "</p>", terms);
        }
        return wxr.write(dir.resolve("export.xml"));
    }

    private Path importInto(int perPage) throws Exception {
        return importInto(perPage, "archive");
    }

    private Path importInto(int perPage, String pagination) throws Exception {
        Path site = dir.resolve("site-" + perPage + "-" + pagination);
        Files.createDirectories(site);
        Files.writeString(site.resolve("site.yaml"), """
                title: موقع
                base_url: https://new.example/
                time_zone: UTC
                per_page: %d
                pagination: %s
                """.formatted(perPage, pagination), StandardCharsets.UTF_8);
        ImportReport report = new WxrImporter(options()).importFile(export(), site);
        assertEquals(12, report.imported().size(), report.summary());
        return site;
    }

    @Test
    void everyOldListAddressIsWrittenWithItsNewOne() throws Exception {
        Path site = importInto(20);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/feed/", "/rss.xml");
        expected.put("/comments/feed/", "/rss.xml");
        expected.put("/page/2/", "/"); // WordPress's second page starts with the 11th post: on the only page
        expected.put("/author/sara/", "/author/سارة-حسن/");
        expected.put("/author/sara/feed/", "/author/سارة-حسن/rss.xml");
        expected.put("/author/sara/page/2/", "/author/سارة-حسن/");
        expected.put("/category/local/", "/category/أخبار-محلية/");
        expected.put("/category/local/feed/", "/category/أخبار-محلية/rss.xml");
        expected.put("/category/local/page/2/", "/category/أخبار-محلية/");
        expected.put("/category/sport/", "/tag/رياضة/"); // not the post's primary category: a tag now
        expected.put("/category/sport/feed/", "/tag/رياضة/rss.xml");
        expected.put("/tag/kyiv/feed/", "/tag/kyiv/rss.xml"); // /tag/kyiv/ itself is the same address
        expected.put("/tag/kyiv/page/2/", "/tag/kyiv/");
        List<dev.midad.problem.Problem> problems = new java.util.ArrayList<>();
        Map<String, String> written = new LinkedHashMap<>();
        OldAddress.load(site, problems).forEach(entry -> written.put(entry.from(), entry.to()));
        assertEquals(List.of(), problems);
        assertEquals(expected, written);

        Path out = dir.resolve("out");
        Site.load(site, buildOptions()).build(out);
        String netlify = Files.readString(out.resolve("_redirects"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Path page = out.resolve(UrlPaths.toFile(entry.getKey()));
            assertTrue(Files.isRegularFile(page), "a redirect page at " + entry.getKey());
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            Element canonical = doc.selectFirst("link[rel=canonical]");
            assertNotNull(canonical, entry.getKey());
            String target = UrlPaths.encode(entry.getValue());
            assertEquals("https://new.example" + target, canonical.attr("href"), entry.getKey());
            assertTrue(Files.isRegularFile(out.resolve(UrlPaths.toFile(entry.getValue()))), entry.getValue());
            assertTrue(
                    netlify.contains(UrlPaths.encode(entry.getKey()) + " " + target + " 301!"),
                    entry.getKey() + " in _redirects:\n" + netlify);
        }
    }

    @Test
    void theSitesOwnListPagesWin() throws Exception {
        // pages numbered from the newest: three home pages; WordPress's page 2 starts with the 11th post, on page 3
        Path site = importInto(5, "newest");

        String yaml = Files.readString(site.resolve(OldAddress.FILE), StandardCharsets.UTF_8);
        assertTrue(yaml.contains("- from: /page/2/\n    to: /page/3/\n"), yaml);
        Path out = dir.resolve("out");
        Site.load(site, buildOptions()).build(out);
        Document second = Jsoup.parse(out.resolve("page/2/index.html").toFile(), "UTF-8");
        assertNull(second.selectFirst("meta[http-equiv=refresh]"), "/page/2/ stays the site's second page");
        assertTrue(second.text().contains("خبر 7"), "its second page: the 6th to 10th newest posts");
        assertTrue(Files.readString(out.resolve("_redirects"), StandardCharsets.UTF_8)
                .contains("/feed/ /rss.xml 301!"));
    }

    @Test
    void anOldPageRedirectsToTheArchivePageHoldingItsFirstPost() throws Exception {
        // numbered from the oldest, by 5: the home shows the 7 newest (12 to 6), page 1 the 5 oldest (1 to 5);
        // WordPress's page 2 starts with its 11th newest post, number 2
        Path site = importInto(5);

        String yaml = Files.readString(site.resolve(OldAddress.FILE), StandardCharsets.UTF_8);
        assertTrue(yaml.contains("- from: /page/2/\n    to: /page/1/\n"), yaml);
        Path out = dir.resolve("out");
        Site.load(site, buildOptions()).build(out);
        Document first = Jsoup.parse(out.resolve("page/1/index.html").toFile(), "UTF-8");
        assertTrue(first.text().contains("خبر 2") && !first.text().contains("خبر 6"), first.text());
        Document redirect = Jsoup.parse(out.resolve("page/2/index.html").toFile(), "UTF-8");
        assertEquals(
                "https://new.example/page/1/",
                redirect.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void aBrokenRedirectsFileIsReportedAtItsLine() throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("data"));
        Files.writeString(site.resolve(OldAddress.FILE), """
                redirects:
                  - {from: /feed/, to: /rss.xml}
                  - {from: https://evil.example/, to: /}
                  - {from: /x/, to: "javascript:alert(1)"}
                  - {from: /y/}
                """, StandardCharsets.UTF_8);
        List<dev.midad.problem.Problem> problems = new java.util.ArrayList<>();

        List<OldAddress> entries = OldAddress.load(site, problems);

        assertEquals(List.of(new OldAddress("/feed/", "/rss.xml", 2)), entries);
        assertEquals(
                List.of(3, 4, 5),
                problems.stream().map(dev.midad.problem.Problem::line).toList(),
                problems.toString());
    }
}
