package dev.midad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "بوتين يعتبر زيارته بادرة حسن نية|بوتين-يعتبر-زيارته-بادرة-حسن-نية",
                // tashkeel and tatweel dropped
                "مُحَمَّدٌ يَكـــتب|محمد-يكتب",
                // Arabic punctuation, question mark and comma become hyphens, trimmed
                "ماذا بعد؟ الناتو، وروسيا!|ماذا-بعد-الناتو-وروسيا",
                // Latin lower-cased, digits kept, runs of separators collapsed
                "ISW  --  NATO 2024|isw-nato-2024",
                // path tricks cannot survive: slashes and dots are separators
                "../../etc/passwd|etc-passwd",
            })
    void slugifies(String input, String expected) {
        assertEquals(expected, Slugs.slugify(input));
    }

    @Test
    void theSeedTitleIsCutLikeWordPressWouldAt200EncodedCharacters() {
        String slug = Slugs.slugify("بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية");
        assertEquals("بوتين-يعتبر-زيارته-لكوريا-الشمالية", slug);
    }

    @Test
    void onlyPunctuationGivesEmptySlug() {
        assertEquals("", Slugs.slugify("؟!… -- ..."));
    }

    @Test
    void capsEncodedLengthLikeWordPressAtAWordBoundary() {
        String longTitle = "زيارة ".repeat(60);
        String slug = Slugs.slugify(longTitle);
        assertTrue(UrlPaths.encode(slug).length() <= 200, UrlPaths.encode(slug));
        assertTrue(slug.startsWith("زيارة-زيارة"));
        assertTrue(!slug.endsWith("-") && slug.endsWith("زيارة"), slug);
    }

    @Test
    void encodesArabicAsUtf8PercentEscapesAndDecodesBack() {
        String path = "/2024/06/بوتين-كوريا/";
        String encoded = UrlPaths.encode(path);
        assertEquals("/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7/", encoded);
        assertEquals(path, UrlPaths.decode(encoded, ""));
        assertEquals(path, UrlPaths.decode("/news" + encoded, "/news"));
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(encoded));
    }

    @Test
    void directoriesBecomeIndexFiles() {
        assertEquals("index.html", UrlPaths.toFile("/"));
        assertEquals("tag/روسيا/index.html", UrlPaths.toFile("/tag/روسيا/"));
        assertEquals("rss.xml", UrlPaths.toFile("/rss.xml"));
    }
}
