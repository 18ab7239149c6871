package dev.midad.importer;

import static dev.midad.importer.ImportTestSupport.buildOptions;
import static dev.midad.importer.ImportTestSupport.options;
import static dev.midad.importer.ImportTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bilingual Polylang blog: Persian posts and their English translations. */
class LanguagesImportTest {
    @TempDir
    Path dir;

    private Path export() throws Exception {
        return new WxrWriter()
                .post(
                        1,
                        "tehran",
                        "تهران",
                        20,
                        "sara",
                        "<p>متن فارسی.</p>",
                        WxrWriter.term("language", "fa", "فارسی")
                                + WxrWriter.term("post_translations", "pll_7", "pll_7"))
                .post(
                        2,
                        "tehran-en",
                        "Tehran",
                        20,
                        "sara",
                        "<p>English text.</p>",
                        WxrWriter.term("language", "en", "English")
                                + WxrWriter.term("post_translations", "pll_7", "pll_7"))
                .write(dir.resolve("export.xml"));
    }

    private Path site(String editions) throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("site.yaml"), """
                title: وبلاگ
                base_url: https://new.example/
                language: fa
                direction: rtl
                time_zone: UTC
                """ + editions, StandardCharsets.UTF_8);
        return site;
    }

    @Test
    void translationsGoToTheirEditionLinkedToEachOther() throws Exception {
        Path site = site("editions:\n  - {language: en, direction: ltr, title: Blog}\n");
        ImportReport report = new WxrImporter(options()).importFile(export(), site);

        assertEquals(Path.of("articles", "2024", "06", "1-tehran.md"), report.fileOf("post 1"));
        assertEquals(Path.of("editions", "en", "articles", "2024", "06", "2-tehran-en.md"), report.fileOf("post 2"));
        Map<String, Object> persian =
                parse(site.resolve(report.fileOf("post 1"))).yaml().values();
        Map<String, Object> english =
                parse(site.resolve(report.fileOf("post 2"))).yaml().values();
        assertEquals("pll_7", persian.get("translation_key"));
        assertEquals("pll_7", english.get("translation_key"));
        assertNull(persian.get("lang"));
        assertNull(english.get("lang"), "the edition says its language");

        Path out = dir.resolve("out");
        Site.load(site, buildOptions()).build(out);
        Document fa = Jsoup.parse(out.resolve("2024/06/tehran/index.html").toFile(), "UTF-8");
        Document en = Jsoup.parse(out.resolve("en/2024/06/tehran-en/index.html").toFile(), "UTF-8");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("ltr", en.selectFirst("html").attr("dir"));
        Element toEnglish = fa.selectFirst("link[rel=alternate][hreflang=en]");
        assertNotNull(toEnglish, "the Persian page links its English translation");
        assertEquals("https://new.example/en/2024/06/tehran-en/", toEnglish.attr("href"));
        Element toPersian = en.selectFirst("link[rel=alternate][hreflang=fa]");
        assertNotNull(toPersian);
        assertEquals("https://new.example/2024/06/tehran/", toPersian.attr("href"));
    }

    @Test
    void withoutAnEditionAPostKeepsItsLanguageAndTheReportSaysHowToAddOne() throws Exception {
        Path site = site("");
        ImportReport report = new WxrImporter(options()).importFile(export(), site);

        Map<String, Object> english =
                parse(site.resolve(report.fileOf("post 2"))).yaml().values();
        assertEquals("en", english.get("lang"));
        assertTrue(
                report.problems().stream()
                        .anyMatch(p -> p.message()
                                .contains("add an edition to site.yaml (editions: [{language: en,"
                                        + " direction: ltr}])")),
                report.problems().toString());

        Path out = dir.resolve("out");
        Site.load(site, buildOptions()).build(out);
        Document en = Jsoup.parse(out.resolve("2024/06/tehran-en/index.html").toFile(), "UTF-8");
        Element article = en.selectFirst("[lang=en]");
        assertNotNull(article, "the English post is marked English");
        assertEquals("ltr", article.attr("dir"));
    }
}
