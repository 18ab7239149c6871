package dev.midad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.content.Article;
import dev.midad.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes that do not stop a build but must not pass in silence. */
class EditingWarningsTest {
    @TempDir
    Path tmp;

    /** Collects warnings. */
    static final class Warnings implements BuildListener {
        final List<Problem> seen = new ArrayList<>();

        @Override
        public void phase(String phase, int count, Duration elapsed) {}

        @Override
        public void warning(Problem warning) {
            seen.add(warning);
        }

        List<String> texts() {
            return seen.stream().map(Problem::toString).toList();
        }
    }

    private static List<String> movedWarnings(Warnings warnings) {
        return warnings.texts().stream()
                .filter(t -> t.contains("address changed"))
                .toList();
    }

    @Test
    void misspeltKeysCloseToKnownOnesWarnWithTheirLineAndCustomKeysPass() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(
                site, "site.yaml", TestSites.read(site, "site.yaml") + "per_pge: 5\ntim_zone: UTC\nnewsroom: كييف\n");
        TestSites.write(site, "articles/2024/10/typo.md", """
                ---
                title: خبر
                date: 2024-10-01
                catgory: سياسة
                tag: [روسيا]
                priority: high
                Title: مكرر
                ---
                نص.
                """);
        Warnings warnings = new Warnings();
        Site.load(site, TestSites.options().withListener(warnings)).build(tmp.resolve("out"));
        List<String> texts = warnings.texts();
        assertTrue(
                texts.contains("articles/2024/10/typo.md:4: 'catgory' is not a key Midad knows: did you mean"
                        + " `category`? (a custom key only reaches templates)"),
                texts::toString);
        assertTrue(
                texts.stream()
                        .anyMatch(t -> t.startsWith("articles/2024/10/typo.md:5: 'tag' ") && t.contains("`tags`")),
                texts::toString);
        assertTrue(
                texts.stream()
                        .anyMatch(t -> t.startsWith("articles/2024/10/typo.md:7: 'Title' ") && t.contains("`title`")),
                texts::toString);
        assertTrue(
                texts.stream().anyMatch(t -> t.startsWith("site.yaml:8: 'per_pge' ") && t.contains("`per_page`")),
                texts::toString);
        assertTrue(
                texts.stream().anyMatch(t -> t.startsWith("site.yaml:9: 'tim_zone' ") && t.contains("`time_zone`")),
                texts::toString);
        assertEquals(5, texts.size(), "priority and newsroom are custom keys, far from every known one: " + texts);
    }

    @Test
    void tagsSplitOnTheArabicCommaAndSemicolon() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/2024/10/tags.md", """
                ---
                title: تجارة
                date: 2024-10-01
                tags: اليمن، التجارة؛ الموانئ
                ---
                نص.
                """);
        TestSites.write(site, "articles/2024/10/list.md", """
                ---
                title: تجارة ٢
                date: 2024-10-02
                tags: [اليمن،التجارة, الموانئ]
                ---
                نص.
                """);
        Site loaded = Site.load(site, TestSites.options());
        BuildResult ignored = loaded.build(tmp.resolve("out"));
        assertTrue(Files.isDirectory(tmp.resolve("out/tag/التجارة")), "a tag page for the second tag");
        assertTrue(Files.isDirectory(tmp.resolve("out/tag/الموانئ")));
        assertTrue(!Files.exists(tmp.resolve("out/tag/اليمن-التجارة-الموانئ")), "not one long tag");
        assertEquals(
                List.of("اليمن", "التجارة", "الموانئ"),
                new dev.midad.content.ContentLoader(
                                site, loaded.config(), new dev.midad.markdown.MarkdownRenderer(loaded.config()))
                        .load(new ArrayList<>()).articles().stream()
                                .filter(a -> a.title().equals("تجارة"))
                                .findFirst()
                                .map(Article::tags)
                                .orElseThrow());
    }

    @Test
    void aMissingLeadImageIsReportedAtItsLine() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/2024/10/img.md", """
                ---
                title: صورة
                date: 2024-10-01
                image: /images/missing.jpg
                ---
                نص.
                """);
        BuildException e = org.junit.jupiter.api.Assertions.assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()));
        assertTrue(
                e.problems().stream()
                        .map(Problem::toString)
                        .anyMatch(p ->
                                p.startsWith("articles/2024/10/img.md:4: 'image' /images/missing.jpg does not exist")),
                e::getMessage);
    }

    @Test
    void brokenLinksAreNamedByMarkdownFileAndLineInCheckAndBuild() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/2024/10/links.md", """
                ---
                title: روابط
                date: 2024-10-01
                ---
                [موجود](/about/) فقرة أولى.

                و[مفقود](/no-such-page/) و[عربي](/2024/06/غير-موجود/) ![صورة](/images/missing.png)
                """);
        List<String> checked = Site.load(site, TestSites.options()).check().stream()
                .map(Problem::toString)
                .toList();
        assertTrue(
                checked.contains("articles/2024/10/links.md:7: broken link to /no-such-page/: no such page or file"),
                checked::toString);
        assertTrue(
                checked.stream()
                        .anyMatch(p -> p.startsWith("articles/2024/10/links.md:7: broken link to /2024/06/%D8")),
                checked::toString);
        assertTrue(
                checked.stream()
                        .anyMatch(p -> p.startsWith("articles/2024/10/links.md:7: broken link to /images/missing.png")),
                checked::toString);
        assertTrue(checked.stream().noneMatch(p -> p.contains("index.html")), "not against the output: " + checked);
        assertEquals(3, checked.size(), checked::toString);

        Warnings warnings = new Warnings();
        Site.load(site, TestSites.options().withListener(warnings)).build(tmp.resolve("out"));
        assertTrue(warnings.texts().contains(checked.get(0)), warnings.texts()::toString);
        assertEquals(3, warnings.texts().size(), warnings.texts()::toString);
    }

    @Test
    void aHeadlineEditThatMovesAPublishedArticleWarnsWithTheAliasesLine() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        Path out = site.resolve("target/site");
        Site.load(site, TestSites.options()).build(out);
        String second = TestSites.read(site, "articles/2024/07/second.md");
        TestSites.write(
                site,
                "articles/2024/07/second.md",
                second.replace("title: قمة الناتو في واشنطن", "title: قمة الناتو تختتم أعمالها"));

        Warnings checked = new Warnings();
        Site.load(site, TestSites.options().withListener(checked)).check();
        String expected = "articles/2024/07/second.md: its address changed since the last build, from"
                + " /2024/07/قمة-الناتو-في-واشنطن/ to /2024/07/قمة-الناتو-تختتم-أعمالها/: links to the old one now end on"
                + " the 404 page. To keep them working add this line to its front matter:"
                + " aliases: [/2024/07/قمة-الناتو-في-واشنطن/], or set slug: back to the old one";
        assertEquals(List.of(expected), checked.texts());

        Warnings built = new Warnings();
        Site.load(site, TestSites.options().withListener(built)).build(out);
        assertEquals(List.of(expected), built.texts());
        // the build recorded the new address: said once, not on every build
        Warnings again = new Warnings();
        Site.load(site, TestSites.options().withListener(again)).build(out);
        assertEquals(List.of(), again.texts());

        // the live preview (its own folder) says it on the save that moves the article, before anything is published
        TestSites.write(
                site,
                "articles/2024/07/second.md",
                second.replace("title: قمة الناتو في واشنطن", "title: قمة الناتو في يومها الثاني"));
        Warnings previewed = new Warnings();
        try (IncrementalBuilder preview = new IncrementalBuilder(
                site, site.resolve("target/preview"), TestSites.options().withListener(previewed))) {
            preview.build(List.of());
            assertEquals(
                    List.of(
                            "articles/2024/07/second.md: its address changed since the last build, from"
                                    + " /2024/07/قمة-الناتو-تختتم-أعمالها/ to /2024/07/قمة-الناتو-في-يومها-الثاني/: links to the"
                                    + " old one now end on the 404 page. To keep them working add this line to its front"
                                    + " matter: aliases: [/2024/07/قمة-الناتو-تختتم-أعمالها/], or set slug: back to the old one"),
                    movedWarnings(previewed));
        }

        // with the offered line added, moving it again back does not warn about the kept address
        TestSites.write(
                site,
                "articles/2024/07/second.md",
                second.replace(
                        "title: قمة الناتو في واشنطن",
                        "title: قمة الناتو في واشنطن\naliases: [/2024/07/قمة-الناتو-تختتم-أعمالها/]"));
        Warnings kept = new Warnings();
        Site.load(site, TestSites.options().withListener(kept)).build(out);
        assertEquals(List.of(), kept.texts());

        // the preview remembers the published addresses between rebuilds, and reads them again once published
        TestSites.write(
                site,
                "articles/2024/07/second.md",
                second.replace("title: قمة الناتو في واشنطن", "title: قمة الناتو في يومها الأخير"));
        Warnings open = new Warnings();
        try (IncrementalBuilder preview = new IncrementalBuilder(
                site, site.resolve("target/preview"), TestSites.options().withListener(open))) {
            preview.build(List.of());
            preview.build(List.of(site.resolve("articles/2024/07/second.md")));
            assertEquals(2, movedWarnings(open).size(), "said at every rebuild while it stays moved");
            Site.load(site, TestSites.options()).build(out);
            open.seen.clear();
            preview.build(List.of(site.resolve("articles/2024/07/second.md")));
            assertEquals(List.of(), movedWarnings(open), "published: the new address is the recorded one");
        }
    }
}
