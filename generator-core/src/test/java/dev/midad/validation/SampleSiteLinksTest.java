package dev.midad.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link checker over the built sample site, and the seed article page as readers get it. */
class SampleSiteLinksTest {
    @TempDir
    static Path tmp;

    private static SiteChecks.Built site;

    @BeforeAll
    static void build() throws Exception {
        site = SiteChecks.build(SiteChecks.SAMPLE_SITE, tmp.resolve("site"));
    }

    @Test
    void everyInternalLinkResolvesToAnOutputFile() throws Exception {
        List<Path> pages = SiteChecks.files(site.out(), ".html");
        assertFalse(pages.isEmpty(), "no HTML in the output");
        List<String> problems = SiteChecks.linkProblems(site);
        assertTrue(
                problems.isEmpty(),
                problems.size() + " broken link(s) in " + pages.size() + " pages:\n" + String.join("\n", problems));
    }

    @Test
    void everyPageNamesItselfAsCanonical() throws Exception {
        List<String> problems = SiteChecks.canonicalProblems(site);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theLinkCheckerCatchesBrokenLinks() throws Exception {
        // Guard against a checker that silently checks nothing: break one page and expect complaints.
        SiteChecks.Built copy = SiteChecks.copy(site, tmp.resolve("broken"));
        Path about = copy.out().resolve("about/index.html");
        String html = SiteChecks.read(about)
                .replace(
                        "</body>",
                        "<a href=\"/nowhere/\">x</a>"
                                + "<a href=\"#no-such-id\">y</a><a href=\"" + copy.baseUrl() + "missing.css\">z</a>"
                                + "<a href=\"https://elsewhere.example/\">ok</a></body>");
        Files.writeString(about, html);
        List<String> problems = SiteChecks.linkProblems(copy);
        assertEquals(
                3,
                problems.stream().filter(p -> p.startsWith("about/index.html")).count(),
                String.join("\n", problems));
    }

    @Test
    void seedArticlePageIsArabicRtlWithDatelineDateAndBody() throws Exception {
        Path file = site.out().resolve(SiteChecks.SEED_FILE);
        assertTrue(Files.isRegularFile(file), "missing " + SiteChecks.SEED_FILE);
        String raw = SiteChecks.read(file);
        Document doc = Jsoup.parse(raw);
        Element html = doc.selectFirst("html");
        assertNotNull(html);
        assertEquals("ar", html.attr("lang"), "<html lang>");
        assertEquals("rtl", html.attr("dir"), "<html dir>");
        assertTrue(raw.contains("<html lang=\"ar\" dir=\"rtl\""), "literal <html lang=\"ar\" dir=\"rtl\">");

        String text = doc.body().text();
        assertTrue(text.contains(SiteChecks.SEED_TITLE), "title");
        Element h1 = doc.selectFirst("h1");
        assertNotNull(h1, "the article has an <h1>");
        assertEquals(SiteChecks.SEED_TITLE, h1.text(), "<h1> is the title");
        assertTrue(text.contains("كييف"), "dateline كييف");
        assertTrue(text.contains("20 يونيو 2024"), "date text 20 يونيو 2024");
        assertTrue(text.contains("( ISW )"), "body text ( ISW ) from the seed");
        assertTrue(text.contains("وصرح المتحدث باسم الأمن القومي الأمريكي جون كيربي"), "last paragraph of the seed");
        assertFalse(raw.contains("Exit mobile version"), "WordPress theme junk copied from the seed");
        Element time = doc.selectFirst("time[datetime]");
        assertNotNull(time, "a <time datetime> for the date");
        assertTrue(time.attr("datetime").startsWith("2024-06-20T10:00"), "machine-readable date: " + time);
    }
}
