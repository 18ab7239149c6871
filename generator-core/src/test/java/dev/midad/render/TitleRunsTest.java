package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latin and number runs in headlines, card titles, kickers and menu items stay whole and in order. */
class TitleRunsTest {
    @TempDir
    Path tmp;

    private static String isolate(String text, boolean rtl) throws Exception {
        return freemarker.core.HTMLOutputFormat.INSTANCE.getMarkupString(TemplateFunctions.isolate(text, rtl));
    }

    @Test
    void eachLeftToRightRunOfARightToLeftTitleIsIsolated() throws Exception {
        assertEquals(
                "أوكرانيا تعرض أولى مقاتلات <bdi class=\"ltr-run\">F-16</bdi> بعد عامين",
                isolate("أوكرانيا تعرض أولى مقاتلات F-16 بعد عامين", true));
        assertEquals(
                "صواريخ <bdi class=\"ltr-run\">Storm Shadow</bdi> و<bdi class=\"ltr-run\">ATACMS</bdi>",
                isolate("صواريخ Storm Shadow وATACMS", true));
        assertEquals("<bdi class=\"ltr-run\">NATO</bdi> تعقد قمتها", isolate("NATO تعقد قمتها", true));
        assertEquals(
                "موازنة 2025 بقيمة 2.2 مليار",
                isolate("موازنة 2025 بقيمة 2.2 مليار", true),
                "numbers alone keep their order in right-to-left text");
    }

    @Test
    void textIsEscapedAndLeftAloneWhereItReadsInItsOwnDirection() throws Exception {
        assertEquals(
                "&lt;<bdi class=\"ltr-run\">b</bdi>&gt; &quot;<bdi class=\"ltr-run\">F-16</bdi>&quot; &amp; &#39;قمة&#39;",
                isolate("<b> \"F-16\" & 'قمة'", true));
        assertEquals(
                "Ukraine shows its first F-16 jets",
                isolate("Ukraine shows its first F-16 jets", true),
                "an English title on an Arabic page has its own lang/dir");
        assertEquals("Ukraine &amp; its F-16 قمة", isolate("Ukraine & its F-16 قمة", false), "left-to-right page");
    }

    @Test
    void cardsHeadlinesKickersAndMenusIsolateTheirRuns() throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "site.yaml", TestSites.read(site, "site.yaml") + "amp: true\n");
        TestSites.write(site, "articles/2024/08/f16.md", """
                ---
                title: أوكرانيا تعرض أولى مقاتلات F-16 بعد عامين
                date: 2024-08-20
                category: شؤون NATO
                tags: [روسيا]
                slug: f16
                ---
                نص.
                """);
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);

        Document home = Jsoup.parse(TestSites.read(out, "index.html"));
        assertTrue(
                home.select(".lead-title a bdi.ltr-run, .card-title a bdi.ltr-run")
                        .eachText()
                        .contains("F-16"),
                home.select(".lead-title, .card-title").toString());
        assertTrue(
                home.select(".site-nav a bdi.ltr-run").eachText().contains("NATO"),
                home.select(".site-nav").toString());
        assertTrue(home.select(".footer-nav a bdi.ltr-run").eachText().contains("NATO"));

        Document article = Jsoup.parse(TestSites.read(out, "2024/08/f16/index.html"));
        assertEquals("F-16", article.select("h1.story-title bdi.ltr-run").text());
        assertEquals("NATO", article.select(".story-kicker .kicker bdi.ltr-run").text());
        // the related list (shares the tag) shows the F-16 article as a card on the seed article's page
        Document seed = Jsoup.parse(TestSites.read(out, "2024/06/بوتين-كوريا-الشمالية/index.html"));
        assertEquals("F-16", seed.select(".related .card-title bdi.ltr-run").text());

        Document tag = Jsoup.parse(TestSites.read(out, "tag/روسيا/index.html"));
        assertEquals("F-16", tag.select(".card-title bdi.ltr-run").text());
        Document category = Jsoup.parse(TestSites.read(out, "category/شؤون-nato/index.html"));
        assertEquals("NATO", category.select("h1.page-title bdi.ltr-run").text());

        Document amp = Jsoup.parse(TestSites.read(out, "2024/08/f16/amp/index.html"));
        assertEquals("F-16", amp.select("h1 bdi.ltr-run").text());

        String css = TestSites.read(out, "assets/midad.css");
        assertTrue(css.matches("(?s).*\\.ltr-run \\{\\s*white-space: nowrap;.*"), "kept on one line");
    }
}
