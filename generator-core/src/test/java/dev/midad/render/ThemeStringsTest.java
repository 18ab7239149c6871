package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every visible string of the theme comes from the edition's message bundle, AMP pages included. */
class ThemeStringsTest {
    @TempDir
    Path tmp;

    @Test
    void theEnglishEditionsAmpPageIsInEnglish() throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "site.yaml", TestSites.read(site, "site.yaml") + """
                amp: true
                editions:
                  - language: en
                    direction: ltr
                    locale: en-GB
                    title: Test Portal
                """);
        TestSites.write(site, "editions/en/articles/2024/06/putin.md", """
                ---
                title: Putin calls his visit a gesture of goodwill
                date: 2024-06-20T10:00:00+03:00
                source: ISW
                author: Test Desk
                ---
                Text.
                """);
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);

        Document english = Jsoup.parse(
                out.resolve("en/2024/06/putin-calls-his-visit-a-gesture-of-goodwill/amp/index.html")
                        .toFile(),
                "UTF-8");
        assertEquals(
                "Full version of this article",
                english.select("article > p > a").last().text());
        assertEquals("Source: ISW", english.selectFirst(".amp-source").text());
        assertEquals("Putin calls his visit a gesture of goodwill | Test Portal", english.title());
        assertFalse(
                english.body().text().matches("(?s).*\\p{IsArabic}.*"),
                english.body().text());

        Document arabic = Jsoup.parse(
                out.resolve("2024/06/بوتين-كوريا-الشمالية/amp/index.html").toFile(), "UTF-8");
        assertEquals(
                "النسخة الكاملة من المقال",
                arabic.select("article > p > a").last().text());
        assertEquals("المصدر: ISW", arabic.selectFirst(".amp-source").text());
    }

    /** Arabic, Hebrew or Cyrillic letters anywhere in a theme template outside FreeMarker comments. */
    @Test
    void noThemeTemplateWritesTextOfItsOwn() throws Exception {
        Path theme = Path.of("..", "templates");
        Pattern comment = Pattern.compile("(?s)<#--.*?-->");
        Pattern letters = Pattern.compile("[\\p{IsArabic}\\p{IsHebrew}\\p{IsCyrillic}]+");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(theme)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ftl[hxj]?"))
                    .sorted()
                    .toList()) {
                String code = comment.matcher(Files.readString(file, StandardCharsets.UTF_8))
                        .replaceAll("");
                Matcher m = letters.matcher(code);
                while (m.find()) {
                    found.add(theme.relativize(file) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "visible strings belong in templates/i18n/*.properties");
    }
}
