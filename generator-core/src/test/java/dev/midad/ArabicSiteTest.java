package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.model.ArticleView;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regional months, digits, the Hijri date and Latin slugs, end to end through a site build. */
class ArabicSiteTest {
    @TempDir
    Path tmp;

    private ArticleView seed(String extraConfig) throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(site, "site.yaml", read(site, "site.yaml").replace("locale: ar-EG\n", "") + extraConfig);
        return Site.load(site, TestSites.options()).model().articles().stream()
                .filter(a -> a.title().startsWith("بوتين"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void egyptianMonthsLatinDigitsAndHijri() throws Exception {
        ArticleView seed = seed("locale: ar-EG\nhijri: true\n");
        assertEquals("20 يونيو 2024", seed.date().text());
        assertEquals("14 ذو الحجة 1445", seed.date().hijri());
        assertEquals("10:00", seed.date().time());
    }

    @Test
    void levantineMonthsWithArabicIndicDigits() throws Exception {
        ArticleView seed = seed("locale: ar-LB\ndigits: arab\nhijri: true\n");
        assertEquals("٢٠ حزيران ٢٠٢٤", seed.date().text());
        assertEquals("١٤ ذو الحجة ١٤٤٥", seed.date().hijri());
    }

    @Test
    void maghrebMonths() throws Exception {
        assertEquals("20 جوان 2024", seed("locale: ar-DZ\n").date().text());
    }

    @Test
    void hijriIsOffByDefault() throws Exception {
        assertEquals("", seed("locale: ar-EG\n").date().hijri());
    }

    @Test
    void latinSlugStyleTransliterates() throws Exception {
        ArticleView seed = seed("locale: ar-EG\nslug_style: latin\n");
        assertTrue(seed.url().matches("/2024/06/[a-z0-9-]+/"), seed.url());
        assertTrue(
                seed.category().url().matches("/category/[a-z0-9-]+/"),
                seed.category().url());
    }
}
