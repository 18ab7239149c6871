package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.model.ArticleView;
import dev.midad.model.EditionLink;
import dev.midad.model.Translation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditionsTest {
    @TempDir
    Path tmp;

    private Path site() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(site, "site.yaml", read(site, "site.yaml") + """
                editions:
                  - language: en
                    direction: ltr
                    locale: en-GB
                    title: Test Portal
                """);
        write(
                site,
                "articles/2024/06/seed.md",
                read(site, "articles/2024/06/seed.md")
                        .replace("---\ntitle:", "---\ntranslation_key: putin-visit\ntitle:"));
        write(site, "editions/en/articles/2024/06/putin.md", """
                ---
                translation_key: putin-visit
                title: Putin calls his North Korea visit a gesture of goodwill
                date: 2024-06-20T10:00:00+03:00
                category: Politics
                tags: [Russia]
                image: /images/map.svg
                ---
                The Institute for the Study of War (ISW) said … See the [Arabic original](/2024/06/بوتين-كوريا-الشمالية/).
                """);
        write(
                site,
                "static/images/map.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n");
        return site;
    }

    @Test
    void eachEditionHasItsOwnHomeListsAndFeedsUnderItsPath() throws Exception {
        Path out = tmp.resolve("out");
        BuildResult result = Site.load(site(), TestSites.options()).build(out);
        assertEquals(4, result.articles());
        for (String file : List.of(
                "en/index.html",
                "en/2024/06/putin-calls-his-north-korea-visit-a-gesture-of-goodwill/index.html",
                "en/category/politics/index.html",
                "en/rss.xml",
                "en/atom.xml",
                "en/feed.json",
                "en/sitemap.xml")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertFalse(Files.exists(out.resolve("en/404.html")), "one 404 page for the whole site");
        assertFalse(Files.exists(out.resolve("en/assets")), "assets are shared from the root");
        assertTrue(read(out, "robots.txt").contains("Sitemap: https://test.example/en/sitemap.xml"));

        Document english = Jsoup.parse(
                out.resolve("en/2024/06/putin-calls-his-north-korea-visit-a-gesture-of-goodwill/index.html")
                        .toFile(),
                "UTF-8");
        assertEquals("en", english.selectFirst("html").attr("lang"));
        assertEquals("ltr", english.selectFirst("html").attr("dir"));
        assertTrue(english.select("link[rel=stylesheet]").attr("href").startsWith("/assets/"), "shared stylesheet");
        // root-relative links and images written in Markdown point at the site root, not /en/
        assertTrue(
                english.select("a")
                        .eachAttr("href")
                        .contains(
                                "/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7-%D8%A7%D9%84%D8%B4%D9%85%D8%A7%D9%84%D9%8A%D8%A9/"),
                english.select("a").toString());
        assertTrue(read(out, "en/rss.xml").contains("<language>en</language>"));
    }

    @Test
    void translationsLinkBothWays() throws Exception {
        Site site = Site.load(site(), TestSites.options());
        ArticleView arabic = site.model().articles().stream()
                .filter(a -> a.title().startsWith("بوتين"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, arabic.translations().size());
        Translation english = arabic.translations().get(0);
        assertEquals("en", english.language());
        assertEquals("ltr", english.direction());
        assertEquals(
                "https://test.example/en/2024/06/putin-calls-his-north-korea-visit-a-gesture-of-goodwill/",
                english.absoluteUrl());
        List<EditionLink> editions = site.model().site().editions();
        assertEquals(
                List.of("ar", "en"),
                editions.stream().map(EditionLink::language).toList());
        assertTrue(editions.get(0).current());
        assertEquals("English", editions.get(1).name());
        assertEquals("العربية", editions.get(0).name());
    }

    @Test
    void problemsInAnEditionNameItsFolder() throws Exception {
        Path site = site();
        write(site, "editions/en/articles/bad.md", "---\ndate: 2024-01-01\n---\n");
        BuildException e = org.junit.jupiter.api.Assertions.assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()));
        assertTrue(e.getMessage().contains("editions/en/articles/bad.md:2: 'title' is required"), e.getMessage());
    }

    @Test
    void aSingleArticleMaySetItsOwnLanguageAndDirection() throws Exception {
        Path site = site();
        write(site, "articles/2024/07/english-note.md", """
                ---
                title: A note in English
                date: 2024-07-01
                lang: en
                ---
                Text.
                """);
        ArticleView note = Site.load(site, TestSites.options()).model().articles().stream()
                .filter(a -> a.title().equals("A note in English"))
                .findFirst()
                .orElseThrow();
        assertEquals("en", note.language());
        assertEquals("ltr", note.direction());
    }
}
