package dev.midad.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-file tests: a small fixed site ({@code src/test/resources/sites/golden-site/}, served under the
 * sub-path {@code https://golden.example/news/}) is built with a fixed clock, and selected outputs are compared
 * byte for byte with {@code src/test/resources/golden/}.
 *
 * <p>After an intended change of the theme or engine, regenerate the golden files and review the diff before
 * committing:
 * <pre>
 * mvn -pl generator-core test -Dtest='GoldenPagesTest' -Dmidad.golden.update=true
 * git diff generator-core/src/test/resources/golden/
 * </pre>
 * With {@code midad.golden.update=true} the test rewrites the golden files instead of comparing them.
 */
class GoldenPagesTest {
    static final Path GOLDEN_SITE = Path.of("src", "test", "resources", "sites", "golden-site");
    static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("midad.golden.update");

    /** Golden file name → output file it pins. */
    static final Map<String, String> GOLDEN = new LinkedHashMap<>();

    static {
        GOLDEN.put("index.html", "index.html");
        GOLDEN.put("article.html", "2025/03/قمة-ممرات-التجارة/index.html");
        GOLDEN.put("category.html", "category/سياسة/index.html");
        GOLDEN.put("rss.xml", "rss.xml");
        GOLDEN.put("sitemap.xml", "sitemap.xml");
    }

    @TempDir
    static Path tmp;

    private static SiteChecks.Built site;

    @BeforeAll
    static void build() throws Exception {
        site = SiteChecks.build(GOLDEN_SITE, tmp.resolve("out"));
    }

    @Test
    void selectedOutputsMatchTheGoldenFiles() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> entry : GOLDEN.entrySet()) {
            Path actual = site.out().resolve(entry.getValue());
            assertTrue(Files.isRegularFile(actual), "the golden site did not produce " + entry.getValue());
            byte[] actualBytes = Files.readAllBytes(actual);
            Path golden = GOLDEN_DIR.resolve(entry.getKey());
            if (UPDATE) {
                Files.createDirectories(GOLDEN_DIR);
                Files.write(golden, actualBytes);
                System.out.println("[golden] rewrote " + golden.toAbsolutePath());
                continue;
            }
            if (!Files.isRegularFile(golden)) {
                mismatches.add(entry.getKey() + ": golden file missing (run with -Dmidad.golden.update=true)");
                continue;
            }
            byte[] expectedBytes = Files.readAllBytes(golden);
            if (!Arrays.equals(expectedBytes, actualBytes)) {
                mismatches.add(entry.getKey() + " (" + entry.getValue() + "): "
                        + firstDifference(
                                new String(expectedBytes, StandardCharsets.UTF_8),
                                new String(actualBytes, StandardCharsets.UTF_8)));
            }
        }
        if (!mismatches.isEmpty()) {
            fail("output differs from src/test/resources/golden/ (if the change is intended, rerun with"
                    + " -Dmidad.golden.update=true and review the diff):\n" + String.join("\n", mismatches));
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "first difference at line " + (i + 1) + "\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return "same lines, different bytes (line endings or a trailing newline?)";
    }

    @Test
    void buildsAreByteForByteDeterministic() throws Exception {
        SiteChecks.Built first = SiteChecks.build(GOLDEN_SITE, tmp.resolve("first"));
        SiteChecks.Built second = SiteChecks.build(GOLDEN_SITE, tmp.resolve("second"));
        TreeSet<String> firstFiles = new TreeSet<>(SiteChecks.files(first.out(), "").stream()
                .map(p -> SiteChecks.rel(first.out(), p))
                .toList());
        TreeSet<String> secondFiles = new TreeSet<>(SiteChecks.files(second.out(), "").stream()
                .map(p -> SiteChecks.rel(second.out(), p))
                .toList());
        assertEquals(firstFiles, secondFiles, "the two builds wrote different files");
        assertTrue(firstFiles.size() > 10, "too few files: " + firstFiles);
        List<String> different = new ArrayList<>();
        for (String file : firstFiles) {
            if (!Arrays.equals(
                    Files.readAllBytes(first.out().resolve(file)),
                    Files.readAllBytes(second.out().resolve(file)))) {
                different.add(file);
            }
        }
        assertTrue(different.isEmpty(), "files that differ between two builds of the same site: " + different);
    }

    @Test
    void everyLinkWorksUnderTheBasePath() throws Exception {
        List<String> problems = SiteChecks.linkProblems(site);
        assertTrue(problems.isEmpty(), "with base_url " + site.baseUrl() + ":\n" + String.join("\n", problems));
    }

    @Test
    void canonicalUrlsCarryTheBasePath() throws Exception {
        List<String> problems = SiteChecks.canonicalProblems(site);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void quotesAndAmpersandsAreEscapedEverywhere() throws Exception {
        List<String> problems = SiteChecks.jsonLdProblems(site);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        String budget = SiteChecks.read(site.out().resolve("2025/04/موازنة-2026/index.html"));
        Document doc = Jsoup.parse(budget);
        assertEquals(BUDGET_TITLE, doc.selectFirst("h1").text());
        // Plain-text copies of a title that starts with Latin letters may be wrapped in RLI…PDI.
        assertEquals(
                BUDGET_TITLE,
                doc.selectFirst("meta[property=og:title]").attr("content").replaceAll("^\u2067(.*)\u2069$", "$1"));
        Document home = Jsoup.parse(SiteChecks.read(site.out().resolve("index.html")));
        assertEquals(
                "موقع صغير ثابت لاختبار مخرجات مداد: أخبار & تحليلات.",
                home.selectFirst("meta[name=description]").attr("content"),
                "site description with &");
        String rss = SiteChecks.read(site.out().resolve("rss.xml"));
        // RSS description is HTML: the text's & is &amp; there, and that is XML-escaped once more
        assertTrue(rss.contains("أخبار &amp;amp; تحليلات"), "& escaped in the feed");
    }

    static final String BUDGET_TITLE = "\"IMF\" يرحب بموازنة 2026 التي عرضتها الحكومة على البرلمان";

    @Test
    void sitemapWorksUnderTheBasePath() throws Exception {
        List<String> problems = SiteChecks.sitemapProblems(site);
        assertTrue(problems.isEmpty(), "sitemap.xml:\n" + String.join("\n", problems));
        String sitemap = SiteChecks.read(site.out().resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://golden.example/news/</loc>"), sitemap);
    }

    @Test
    void articleAndPageCarryTheBasePathAndArabicMarkup() throws Exception {
        String article = SiteChecks.read(site.out().resolve(GOLDEN.get("article.html")));
        Document doc = Jsoup.parse(article);
        assertEquals("ar", doc.selectFirst("html").attr("lang"));
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertEquals(
                "https://golden.example/news/2025/03/" + SiteChecks.encodePath("قمة-ممرات-التجارة") + "/",
                doc.selectFirst("link[rel=canonical]").attr("href"),
                "canonical URL under /news/");
        // Root-relative links written in Markdown follow the base path.
        assertTrue(
                doc.select(".story-body a[href], .prose a[href]").stream()
                        .anyMatch(a -> a.attr("href").equals("/news/about/")),
                "Markdown link /about/ rebased to /news/about/: " + doc.select("a[href]"));
        assertTrue(
                doc.select("img[src]").stream().anyMatch(i -> i.attr("src").equals("/news/images/map.svg")),
                "lead image under /news/");
        String about = SiteChecks.read(site.out().resolve("about/index.html"));
        assertTrue(
                Jsoup.parse(about).select("a[href]").stream()
                        .anyMatch(a -> a.attr("href").equals("/news/")),
                "link to the home page is /news/");
        // The slug of a title with tashkeel drops the diacritics.
        assertTrue(
                Files.isRegularFile(site.out().resolve("2025/05/الانتخابات-البلدية-تنطلق-في-ثلاث-مدن/index.html")),
                "slug without tashkeel");
    }
}
