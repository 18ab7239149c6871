package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.IncrementalBuilder;
import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.model.ArticleView;
import dev.midad.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * One test (or more) per class of issue 16's hostile-input report: the exact safe result, or a problem naming
 * file and line, with the previous output left byte-identical and nothing left next to it.
 */
class SecurityClassesTest {
    @TempDir
    Path tmp;

    private Path out;
    private Path site;
    private Map<String, String> before;

    /** The small site built once; {@link #failsWith} then checks that a failed build left it as it was. */
    private void builtSite() throws Exception {
        out = tmp.resolve("out");
        site = Sites.builtSmallSite(tmp, out);
        before = Sites.fingerprint(out);
    }

    private List<Problem> failsWith(String... expected) throws Exception {
        List<Problem> problems = Sites.failingBuild(site, out);
        for (String text : expected) {
            Sites.assertProblem(problems, text);
        }
        assertEquals(before, Sites.fingerprint(out), "the previous site changed");
        Sites.assertNoLeftovers(out);
        assertFalse(Sites.describe(problems).contains("\u0000"), "a NUL reached a message");
        return problems;
    }

    private void article(String name, String frontMatter, String body) throws Exception {
        TestSites.write(site, "articles/" + name + ".md", "---\n" + frontMatter + "\n---\n" + body + "\n");
    }

    // class 1

    @Test
    void summariesAreTheRenderedTextNotTheSource() throws Exception {
        builtSite();
        article(
                "x/em",
                "title: خبر\ndate: 2024-06-01",
                "نص <em>مهم</em> و[رابط](https://example.org/)" + " <script>alert(1)</script>[^1]\n\n[^1]: حاشية");
        ArticleView view = Site.load(site, TestSites.options()).model().articles().stream()
                .filter(a -> a.title().equals("خبر"))
                .findFirst()
                .orElseThrow();
        assertEquals("نص مهم ورابط", view.summary());
    }

    @Test
    void plainTextIsTextInEveryFeedHtmlField() throws Exception {
        builtSite();
        article(
                "x/xss",
                "title: '<img src=x onerror=alert(1)>'\ndate: 2024-06-01\nsummary: '<script>alert(2)</script>'",
                "نص");
        Sites.build(site, out);
        Document rss = Sites.parseXml(out.resolve("rss.xml"));
        assertTrue(textsOf(rss, "description").contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
        assertTrue(textsOf(rss, "title").contains("&lt;img src=x onerror=alert(1)&gt;"));
        Document atom = Sites.parseXml(out.resolve("atom.xml"));
        assertTrue(textsOf(atom, "summary").contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
        try (javax.json.JsonReader json =
                javax.json.Json.createReader(Files.newBufferedReader(out.resolve("feed.json")))) {
            assertTrue(
                    json.readObject().getJsonArray("items").stream()
                            .anyMatch(item -> item.asJsonObject()
                                    .getString("summary", "")
                                    .contains("&lt;script&gt;alert(2)&lt;/script&gt;")),
                    "JSON Feed summary as HTML source");
        }
    }

    /** Every text of the elements named {@code localName}, one a line (titles may be wrapped in RLI…PDI). */
    private static String textsOf(Document doc, String localName) {
        var nodes = doc.getElementsByTagNameNS("*", localName);
        return String.join(
                "\n",
                java.util.stream.IntStream.range(0, nodes.getLength())
                        .mapToObj(i -> nodes.item(i).getTextContent())
                        .toList());
    }

    @Test
    void linkTargetsAreFullyEncodedAndChatAndPhoneLinksKept() {
        MarkdownRenderer.Rendered r = new MarkdownRenderer()
                .render("[a](https://x.example/a\\\\b) <a href='https://x.example/q\"]'>q</a> <irc://irc.example/room>"
                        + " <mailto:desk@news.example> <a href=\"tel:+380441234567\">هاتف</a>");
        assertTrue(r.html().contains("href=\"https://x.example/a%5Cb\""), r.html());
        assertTrue(r.html().contains("href=\"https://x.example/q%22%5D\""), r.html());
        assertTrue(r.html().contains("href=\"irc://irc.example/room\""), r.html());
        assertTrue(r.html().contains("href=\"mailto:desk@news.example\""), r.html());
        assertTrue(r.html().contains("href=\"tel:+380441234567\""), r.html());
    }

    // class 9, 11

    @Test
    void draftPagesAreNotPublished() throws Exception {
        builtSite();
        TestSites.write(site, "pages/secret.md", "---\ntitle: سري\ndraft: true\n---\nنص سري\n");
        Sites.build(site, out);
        assertFalse(Files.exists(out.resolve("سري/index.html")));
        for (Path file : Sites.files(out)) {
            if (file.toString().matches(".*\\.(jpe?g|png|webp)$")) {
                continue; // resized images and social cards
            }
            assertFalse(Files.readString(out.resolve(file)).contains("نص سري"), file + " shows the draft page");
        }
    }

    @Test
    void aBuildIntoAPreviewFolderPublishesNoDraft() throws Exception {
        builtSite();
        Path preview = tmp.resolve("preview");
        try (IncrementalBuilder builder = new IncrementalBuilder(
                site, preview, TestSites.options().withDrafts(true).withFuture(true))) {
            builder.build(Set.of());
        }
        assertTrue(Sites.files(preview).stream().anyMatch(f -> f.toString().contains("مسودة")), "preview shows it");
        Sites.build(site, preview);
        assertFalse(Sites.files(preview).stream().anyMatch(f -> f.toString().contains("مسودة")), "build kept it");
    }

    // class 2, 4, 5: configuration

    @Test
    void configValuesUsedAsPathsOrPatternsAreRefused() throws Exception {
        builtSite();
        String yaml = TestSites.read(site, "site.yaml");
        TestSites.write(site, "site.yaml", yaml.replace("locale: ar-EG", "locale: ar") + "language: \"../../../x\"\n");
        failsWith("site.yaml:8: 'language' must be a language tag");
        TestSites.write(site, "site.yaml", yaml + "language: \"ar\\0\"\n");
        failsWith("site.yaml:8: 'language' must be a language tag", "\\u0000");
        TestSites.write(site, "site.yaml", yaml + "editions: [{language: en, date_format: 'yyyy {{ ppp'}]\n");
        failsWith("site.yaml:8: edition 'en': 'date_format' is not a java.time date pattern");
        TestSites.write(site, "site.yaml", yaml + "editions: [{language: 'en/../../x'}]\n");
        failsWith("'language' must be a language tag");
        TestSites.write(site, "site.yaml", yaml + "logo: /../../etc/passwd\n");
        failsWith("'logo' must be a site path");
    }

    @Test
    void baseUrlWithQueryOrFragmentIsRefused() throws Exception {
        builtSite();
        String yaml = TestSites.read(site, "site.yaml");
        for (String base : List.of("https://test.example/?utm=x", "https://test.example/#top")) {
            TestSites.write(site, "site.yaml", yaml.replace("https://test.example/", base));
            failsWith("site.yaml:3: 'base_url' may not carry a query");
        }
    }

    @Test
    void machineDatesHaveMinuteOffsetsAndFourDigitYears() throws Exception {
        builtSite();
        article("x/old", "title: خبر قديم\ndate: 1870-01-01T12:00:00", "نص");
        Sites.build(site, out);
        String atom = Files.readString(out.resolve("atom.xml"));
        assertTrue(atom.contains("<published>1870-01-01T11:59:56+02:02</published>"), atom);
        assertFalse(atom.matches("(?s).*[+-]\\d\\d:\\d\\d:\\d\\d<.*"), "an offset with seconds");
        before = Sites.fingerprint(out);
        article("x/late", "title: خبر بعيد\ndate: 9999-12-31T23:00:00-05:00", "نص");
        failsWith("articles/x/late.md:3: 'date' is 9999-12-31T23:00:00-05:00, which falls outside the years");
    }

    @Test
    void imageUrlsWithQuotesAreEncodedInFeeds() throws Exception {
        builtSite();
        article("x/img", "title: صورة\ndate: 2024-06-01\nimage: \"https://img.example/a\\\"b<c>.jpg\"", "نص");
        Sites.build(site, out);
        String atom = Files.readString(out.resolve("atom.xml"));
        assertTrue(atom.contains("href=\"https://img.example/a%22b%3Cc%3E.jpg\""), atom);
    }

    @Test
    void yamlAliasBombsAreRefusedQuickly() throws Exception {
        builtSite();
        StringBuilder yaml = new StringBuilder("title: قنبلة\ndate: 2024-06-01\na0: &a0 [x, x]\n");
        for (int i = 1; i < 45; i++) {
            yaml.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }
        article("x/bomb", yaml.toString().strip(), "نص");
        long start = System.nanoTime();
        failsWith("articles/x/bomb.md:", "expand to more than");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long");
    }

    // class 3

    @Test
    void hostileAliasesAreRefusedWithFileAndLine() throws Exception {
        builtSite();
        String longSegment = "ب".repeat(130);
        Map<String, String> aliases = Map.ofEntries(
                Map.entry("/a/./b/", "a '.' segment"), Map.entry("/a/../../b/", "a '..' segment"),
                Map.entry("/a%00b/", "control character U+0000"), Map.entry("/\u202Eevil/", "U+202E"),
                Map.entry("https://evil.example/x/", "absolute URL"), Map.entry("/" + longSegment + "/", "255 bytes"),
                Map.entry("/rss.xml", "Midad writes itself"), Map.entry("/tags/", "Midad writes itself"),
                Map.entry("/index.html", "Midad writes itself"), Map.entry("/tag/x/", "Midad writes itself"),
                Map.entry("/a%zz/", "starts no escape"), Map.entry("/a\\b/", "browsers read"),
                Map.entry("/CON/", "device name"), Map.entry("/x./", "ending in a dot"));
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            article(
                    "x/alias",
                    "title: خبر\ndate: 2024-06-01\naliases: [\""
                            + alias.getKey().replace("\\", "\\\\").replace("\u202E", "\\u202E") + "\"]",
                    "نص");
            failsWith("articles/x/alias.md:4: 'aliases' entry", alias.getValue());
        }
    }

    @Test
    void doubleSlashAliasesAreNormalised() throws Exception {
        builtSite();
        article("x/greek", "title: خبر\ndate: 2024-06-01\nslug: خبر\naliases: [//greek/old-post/]", "نص");
        Sites.build(site, out);
        assertTrue(Files.isRegularFile(out.resolve("greek/old-post/index.html")));
        assertTrue(Files.readString(out.resolve("redirects.nginx.conf")).contains("location = \"/greek/old-post/\" {"));
    }

    // class 6, 7

    @Test
    void deviceNamesGetPortableAddresses() throws Exception {
        builtSite();
        article("x/con", "title: خبر\ndate: 2024-06-01\ntags: [CON, lpt9, nul]", "نص");
        Sites.build(site, out);
        for (String tag : List.of("con_", "lpt9_", "nul_")) {
            assertTrue(Files.isRegularFile(out.resolve("tag/" + tag + "/index.html")), tag);
        }
    }

    @Test
    void namesThatFoldTogetherAreReportedWithBothFiles() throws Exception {
        builtSite();
        article("x/a", "title: خبر\ndate: 2024-06-01\nslug: ſport", "نص");
        article("x/b", "title: خبر\ndate: 2024-06-01\nslug: sport", "نص");
        failsWith("has the same address /2024/06/sport/ as articles/x/");
        Files.delete(site.resolve("articles/x/a.md"));
        Files.delete(site.resolve("articles/x/b.md"));
        TestSites.write(site, "static/images/Logo.png", "a");
        TestSites.write(site, "static/images/logo.png", "b");
        failsWith("is the same file as images/");
    }

    @Test
    void termsSpeltDifferentlyAreOneTermOrAProblem() throws Exception {
        builtSite();
        article("x/a", "title: خبر أ\ndate: 2024-06-01\ntags: [Edge Case, edge  case, ΟΔΟΣ]", "نص");
        article("x/b", "title: خبر ب\ndate: 2024-06-02\ntags: [edge case, οδος]", "نص");
        Sites.build(site, out);
        String feed = Files.readString(out.resolve("tag/edge-case/rss.xml"));
        assertEquals(2, feed.split("<item>", -1).length - 1, feed);
        assertEquals(2, Files.readString(out.resolve("tag/οδοσ/rss.xml")).split("<guid", -1).length - 1);
        String page = Files.readString(out.resolve("2024/06/خبر-أ/index.html"));
        assertEquals(1, page.split("/tag/edge-case/\"", -1).length - 1, "the tag is listed once on the article");
        before = Sites.fingerprint(out);
        article("x/c", "title: خبر ج\ndate: 2024-06-03\ntags: [C#]", "نص");
        article("x/d", "title: خبر د\ndate: 2024-06-04\ntags: [C++]", "نص");
        failsWith("the tag 'C#' has the address /tag/c/, which the tag 'C++' (articles/x/d.md) has too");
    }

    // class 8

    @Test
    void theOutputFolderGetsTheUmasksPermissions() throws Exception {
        builtSite();
        Path probe = Files.createDirectory(tmp.resolve("probe"));
        assertEquals(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(out.resolve("tag")));
    }
}
