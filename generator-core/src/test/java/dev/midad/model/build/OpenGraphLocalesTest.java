package dev.midad.model.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenGraphLocalesTest {
    @TempDir
    Path tmp;

    @Test
    void localesAreTakenFromFacebooksList() {
        assertEquals("ar_AR", OpenGraphLocales.of(Locale.forLanguageTag("ar")));
        assertEquals("ar_AR", OpenGraphLocales.of(Locale.forLanguageTag("ar-EG")), "Facebook has one Arabic");
        assertEquals("ar_AR", OpenGraphLocales.of(Locale.forLanguageTag("ar-LB")));
        assertEquals("uk_UA", OpenGraphLocales.of(Locale.forLanguageTag("uk")));
        assertEquals("fa_IR", OpenGraphLocales.of(Locale.forLanguageTag("fa")));
        assertEquals("he_IL", OpenGraphLocales.of(Locale.forLanguageTag("he")));
        assertEquals("ur_PK", OpenGraphLocales.of(Locale.forLanguageTag("ur")));
        assertEquals("en_GB", OpenGraphLocales.of(Locale.forLanguageTag("en-GB")));
        assertEquals("en_US", OpenGraphLocales.of(Locale.forLanguageTag("en")));
        assertEquals("fr_CA", OpenGraphLocales.of(Locale.forLanguageTag("fr-CA")));
        assertEquals("fr_FR", OpenGraphLocales.of(Locale.forLanguageTag("fr-BE")));
        assertEquals("", OpenGraphLocales.of(Locale.forLanguageTag("xx")), "not on the list: no og:locale at all");
    }

    @Test
    void pagesCarryTheListedLocale() throws Exception {
        Path site = TestSites.small(tmp.resolve("site")); // locale: ar-EG
        TestSites.write(site, "site.yaml", TestSites.read(site, "site.yaml") + """
                editions:
                  - language: uk
                    direction: ltr
                    title: Тестовий портал
                """);
        TestSites.write(
                site, "editions/uk/articles/2024/06/x.md", "---\ntitle: Новина\ndate: 2024-06-20\n---\nТекст.\n");
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        assertEquals(
                "ar_AR",
                Jsoup.parse(TestSites.read(out, "index.html"))
                        .select("meta[property=og:locale]")
                        .attr("content"));
        assertEquals(
                "uk_UA",
                Jsoup.parse(TestSites.read(out, "uk/index.html"))
                        .select("meta[property=og:locale]")
                        .attr("content"));

        TestSites.write(site, "site.yaml", TestSites.read(site, "site.yaml").replace("locale: ar-EG", "locale: xx"));
        Path unknown = tmp.resolve("unknown");
        Site.load(site, TestSites.options()).build(unknown);
        assertTrue(Jsoup.parse(TestSites.read(unknown, "index.html"))
                .select("meta[property=og:locale]")
                .isEmpty());
    }
}
