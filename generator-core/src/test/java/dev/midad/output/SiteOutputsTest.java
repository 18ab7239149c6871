package dev.midad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildException;
import dev.midad.IncrementalBuilder;
import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs chosen in site.yaml: template-only outputs, built-ins switched off, feeds per scope. */
class SiteOutputsTest {
    @TempDir
    Path tmp;

    static final String OUTPUTS = """
            outputs:
              - name: headlines
                template: headlines.ftlx
                path: headlines.xml
                scope: site
              - name: term-count
                template: term-count.ftl
                path: data/count.txt
                scope: term
              - name: news-sitemap
                enabled: false
            feeds:
              tag: {formats: [rss], content: full}
            """;

    private Path site() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml")) + OUTPUTS);
        TestSites.write(site, "templates/headlines.ftlx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <headlines self="${output.absoluteUrl}" type="${output.mediaType}"><#list articles as a>
                  <h href="${a.absoluteUrl}">${a.title}</h></#list>
                </headlines>
                """);
        TestSites.write(site, "templates/term-count.ftl", "${taxonomy.kind} ${term.name}: ${articles?size}\n");
        return site;
    }

    @Test
    void templateOnlyOutputsAreWrittenForTheSiteAndEveryTerm() throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site(), TestSites.options()).build(out);

        String headlines = TestSites.read(out, "headlines.xml");
        assertTrue(
                headlines.contains("self=\"https://test.example/headlines.xml\" type=\"application/xml\""), headlines);
        assertTrue(headlines.contains(">قمة الناتو في واشنطن</h>"), headlines);
        assertTrue(headlines.contains(">صادرات الحبوب من أوديسا</h>"), headlines);
        assertEquals("category سياسة: 2\n", TestSites.read(out, "category/سياسة/data/count.txt"));
        assertEquals("tag روسيا: 2\n", TestSites.read(out, "tag/روسيا/data/count.txt"));
        assertEquals("author سارة حسن: 1\n", TestSites.read(out, "author/سارة-حسن/data/count.txt"));

        assertFalse(Files.exists(out.resolve("news-sitemap.xml")), "news-sitemap switched off");
        assertTrue(Files.exists(out.resolve("tag/روسيا/rss.xml")));
        assertFalse(Files.exists(out.resolve("tag/روسيا/feed.json")), "tags get RSS only here");
        assertFalse(Files.exists(out.resolve("tag/روسيا/atom.xml")));
        assertTrue(Files.exists(out.resolve("category/سياسة/feed.json")), "categories keep every format");
        String tagPage = TestSites.read(out, "tag/روسيا/index.html");
        assertFalse(tagPage.contains("/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/feed.json"), "no link to a feed not written");
        assertTrue(tagPage.contains("/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/rss.xml"));
    }

    @Test
    void thePreviewUpdatesTemplateOnlyOutputsAsAFullBuildWrites() throws Exception {
        Path site = site();
        Path out = tmp.resolve("preview");
        try (IncrementalBuilder preview = new IncrementalBuilder(site, out, TestSites.options())) {
            preview.build(Set.of());
            assertTrue(TestSites.read(out, "headlines.xml").contains(">قمة الناتو في واشنطن</h>"));
            Path second = site.resolve("articles/2024/07/second.md");
            Files.writeString(
                    second,
                    Files.readString(second)
                            .replace("قمة الناتو في واشنطن", "قمة الحلف")
                            .replace("tags: [روسيا, الناتو]", "tags: [الناتو]"));
            IncrementalBuilder.Rebuild rebuild = preview.build(Set.of(second));
            assertTrue(rebuild.rendered() < rebuild.result().files(), "an incremental build: " + rebuild.summary());
        }
        assertTrue(TestSites.read(out, "headlines.xml").contains(">قمة الحلف</h>"));
        assertEquals("tag روسيا: 1\n", TestSites.read(out, "tag/روسيا/data/count.txt"));

        Path full = tmp.resolve("full");
        Site.load(site, TestSites.options()).build(full);
        for (String file : List.of(
                "headlines.xml",
                "tag/روسيا/data/count.txt",
                "tag/الناتو/data/count.txt",
                "category/سياسة/data/count.txt")) {
            assertEquals(TestSites.read(full, file), TestSites.read(out, file), file);
        }
    }

    @Test
    void badEntriesAreReportedAtTheirLinesAllAtOnce() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("bad")));
        String base = Files.readString(site.resolve("site.yaml"));
        int first = (int) base.lines().count() + 1; // the line of "outputs:"
        Files.writeString(site.resolve("site.yaml"), base + """
                outputs:
                  - name: a
                    template: a.ftlx
                    path: a.xml
                    scope: everywhere
                  - name: b
                    template: b.ftlx
                    path: ../escape.xml
                    scope: term
                  - name: c
                    template: c.ftlx
                    path: rss.xml
                    scope: term
                  - name: sitemap
                    enabled: false
                  - name: rss
                    template: x.ftlx
                    path: x.xml
                    scope: site
                  - name: Bad_Name
                    template: "../x.ftlx"
                    path: /abs.xml
                    scope: site
                feeds:
                  tag: {formats: [rss, gopher], content: some}
                  tags: {formats: [rss]}
                """);
        BuildException e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        String all = String.join("\n", problems);
        assertHas(all, "site.yaml:" + (first + 4) + ": output 'a': scope 'everywhere' must be site");
        assertHas(all, "site.yaml:" + (first + 7) + ": output 'b': path '../escape.xml' must stay inside");
        assertHas(all, "site.yaml:" + (first + 19) + ": output name 'Bad_Name' must be lower-case");
        assertHas(all, "site.yaml:" + (first + 20) + ": output 'Bad_Name': template '../x.ftlx' must be a file name");
        assertHas(all, "site.yaml:" + (first + 21) + ": output 'Bad_Name': path '/abs.xml' must be relative");
        assertHas(all, "site.yaml:" + (first + 24) + ": feeds.tag.content must be full");
        assertHas(all, "site.yaml:" + (first + 25) + ": unknown feed scope 'tags'");
        // the shape is right; names are checked against the engine's outputs once the file reads
        Files.writeString(site.resolve("site.yaml"), base + """
                outputs:
                  - name: c
                    template: c.ftlx
                    path: rss.xml
                    scope: term
                  - name: sitemap
                    enabled: false
                  - name: rss
                    template: x.ftlx
                    path: x.xml
                    scope: site
                  - name: d
                    template: d.ftlx
                    path: page/2/index.html
                    scope: term
                  - name: nope
                    enabled: false
                feeds:
                  tag: {formats: [rss, gopher]}
                """);
        e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
        assertHas(all, "site.yaml:" + (first + 1) + ": output 'c' would write rss.xml, which the output 'rss'");
        assertHas(all, "site.yaml:" + (first + 5) + ": the built-in output 'sitemap' cannot be switched off");
        assertHas(all, "site.yaml:" + (first + 7) + ": output name 'rss' is taken by a built-in output");
        assertHas(
                all,
                "site.yaml:" + (first + 11) + ": output 'd' would write page/2/index.html, which the" + " pagination");
        assertHas(all, "site.yaml:" + (first + 15) + ": no built-in output 'nope'");
        assertHas(all, "site.yaml:" + (first + 18) + ": feeds.tag: unknown feed format 'gopher'");
        assertEquals(6, e.problems().size(), all);
    }

    @Test
    void relatedArticlesAreThePublishersChoiceAndZeroWritesNone() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("related")));
        String base = Files.readString(site.resolve("site.yaml"));
        String seed = "2024/06/بوتين-كوريا-الشمالية/index.html";
        Site.load(site, TestSites.options()).build(tmp.resolve("default"));
        String withRelated = TestSites.read(tmp.resolve("default"), seed);
        assertTrue(withRelated.contains("class=\"related\""), "the two articles share the tag روسيا");
        assertTrue(withRelated.contains("قمة الناتو في واشنطن"), withRelated);

        Files.writeString(site.resolve("site.yaml"), base + "related: 0\n");
        Site.load(site, TestSites.options()).build(tmp.resolve("none"));
        String without = TestSites.read(tmp.resolve("none"), seed);
        assertFalse(without.contains("class=\"related\""), without);
        assertFalse(without.contains("قمة الناتو في واشنطن"), "the other article is linked nowhere on the page");

        int line = (int) base.lines().count() + 1;
        Files.writeString(site.resolve("site.yaml"), base + "related: 40\n");
        BuildException e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        assertEquals(
                List.of("site.yaml:" + line + ": 'related' is how many related articles an article shows, 0 to 12"
                        + " (0: none), not '40'"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aMissingTemplateIsReportedAtItsEntry() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("missing")));
        String base = Files.readString(site.resolve("site.yaml"));
        int first = (int) base.lines().count() + 1;
        Files.writeString(site.resolve("site.yaml"), base + """
                outputs:
                  - {name: headlines, template: headlines.ftlx, path: headlines.xml, scope: site}
                """);
        Site loaded = Site.load(site, TestSites.options());
        BuildException e = assertThrows(BuildException.class, () -> loaded.build(tmp.resolve("out")));
        assertEquals(
                List.of("site.yaml:" + (first + 1) + ": output 'headlines': no template headlines.ftlx in"
                        + " templates/ nor in the theme; add templates/headlines.ftlx"),
                e.problems().stream().map(Problem::toString).toList());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    private static void assertHas(String all, String expected) {
        assertTrue(all.contains(expected), "expected «" + expected + "» in:\n" + all);
    }
}
