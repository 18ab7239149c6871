package dev.midad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental builder against the ground truth: after every kind of change to the sample site (editions,
 * AMP, Hijri dates, images), the folder it updates in place must be byte for byte what a fresh full build
 * produces — and it must get there rendering and rewriting only a few files.
 */
class IncrementalBuilderTest {
    private static final String SEED = "articles/2024/06/putin-north-korea.md";

    @TempDir
    Path work;

    Path site;
    Path out;
    IncrementalBuilder builder;
    BuildOptions options = TestSites.options();
    int step;

    @BeforeEach
    void copySample() throws IOException {
        site = work.resolve("site");
        TestSites.copySample(site);
        out = work.resolve("out");
        builder = new IncrementalBuilder(site, out, TestSites.options());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "drafts and future articles shown: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void everyKindOfChangeGivesWhatAFullBuildGives(boolean asInPreview) throws Exception {
        if (asInPreview) { // as `serve` builds: other code paths (no clock, nothing filtered out)
            options = options.withDrafts(true).withFuture(true);
            builder = new IncrementalBuilder(site, out, options);
        }
        IncrementalBuilder.Rebuild first = builder.build(Set.of());
        assertEquals(first.result().files(), first.rendered() + assetCount(first), "the first build renders all");
        assertSameAsFullBuild();

        IncrementalBuilder.Rebuild nothing = builder.build(Set.of(site.resolve("notes.txt")));
        assertEquals(0, nothing.rendered(), "nothing changed, nothing rendered");
        assertEquals(nothing.result().files(), nothing.result().unchanged());

        // an edit to one article's body (not its lead): its page and AMP page, the feeds carrying its text;
        // list pages show only its card, which did not change
        Map<String, FileTime> before = times();
        edit(SEED, "وقال بوتين يستغل الزيارة", "وقال بوتين إنه يستغل الزيارة");
        IncrementalBuilder.Rebuild body = builder.build(Set.of(site.resolve(SEED)));
        Set<String> rewritten = changedSince(before);
        assertTrue(rewritten.contains("2024/06/بوتين-كوريا-الشمالية/index.html"), rewritten.toString());
        assertTrue(rewritten.contains("2024/06/بوتين-كوريا-الشمالية/amp/index.html"), rewritten.toString());
        assertTrue(
                rewritten.containsAll(Set.of(
                        "rss.xml",
                        "atom.xml",
                        "feed.json",
                        "category/سياسة/rss.xml",
                        "category/سياسة/atom.xml",
                        "category/سياسة/feed.json")),
                rewritten.toString());
        assertFalse(rewritten.contains("tag/روسيا/rss.xml"), "a summary feed does not show the body");
        assertEquals(
                Set.of("2024/06/بوتين-كوريا-الشمالية/index.html", "2024/06/بوتين-كوريا-الشمالية/amp/index.html"),
                rewritten.stream().filter(f -> f.endsWith(".html")).collect(java.util.stream.Collectors.toSet()),
                "no page but the article's own changed");
        assertEquals(rewritten.size(), body.result().files() - body.result().unchanged());
        assertTrue(
                body.rendered() < body.result().files() / 4,
                "rendered " + body.rendered() + " of " + body.result().files());
        assertSameAsFullBuild();

        // its title: every card of it changes too (home, lists, related boxes)
        before = times();
        edit(SEED, "title: بوتين", "title: الرئيس بوتين");
        builder.build(Set.of(site.resolve(SEED)));
        assertTrue(changedSince(before).contains("index.html"), "the home page shows the new title");
        assertSameAsFullBuild();

        // its date: it moves to the top of every list
        edit(SEED, "date: 2024-06-20T10:00:00+03:00", "date: 2024-11-30T10:00:00+02:00");
        builder.build(Set.of(site.resolve(SEED)));
        assertSameAsFullBuild();

        // a new tag: a new tag page, feeds and sitemap entries; related lists recomputed
        edit(SEED, "tags: [", "tags: [وسم-جديد, ");
        builder.build(Set.of(site.resolve(SEED)));
        assertSameAsFullBuild();

        // a new article, then a rename (move) and a delete
        Path added = site.resolve("articles/2024/11/new-story.md");
        Files.writeString(added, """
                ---
                title: خبر جديد عن NATO
                date: 2024-11-20T09:00:00+02:00
                category: سياسة
                tags: [روسيا]
                ---
                نص الخبر الجديد عن حلف NATO.
                """, StandardCharsets.UTF_8);
        builder.build(Set.of(added));
        assertTrue(Files.exists(out.resolve("2024/11/خبر-جديد-عن-nato/index.html")) || anyFile("خبر-جديد"));
        assertSameAsFullBuild();
        Path moved = site.resolve("articles/2024/10/new-story.md");
        Files.move(added, moved);
        builder.build(Set.of(added, moved));
        assertSameAsFullBuild();
        Files.delete(moved);
        builder.build(Set.of(moved));
        assertFalse(anyFile("خبر-جديد"), "a deleted article's pages are gone");
        assertSameAsFullBuild();

        // a whole folder moved in, then deleted: the watcher names only the folder
        Path month = site.resolve("articles/2024/12");
        Files.createDirectories(month);
        Files.writeString(
                month.resolve("a.md"),
                "---\ntitle: خبر في مجلد جديد\ndate: 2024-12-01\n---\nنص.\n",
                StandardCharsets.UTF_8);
        builder.build(Set.of(month));
        assertTrue(anyFile("خبر-في-مجلد-جديد"), "an article in a new folder is found");
        assertSameAsFullBuild();
        dev.midad.write.StagedOutput.deleteTree(month);
        builder.build(Set.of(month));
        assertFalse(anyFile("خبر-في-مجلد-جديد"), "an article in a deleted folder is gone");
        assertSameAsFullBuild();

        // a template of the site's own, then site.yaml, then a static image
        Path template = site.resolve("templates/404.ftlh");
        Files.createDirectories(template.getParent());
        Files.writeString(
                template,
                "<#import \"layout.ftlh\" as layout><@layout.page><p>غير موجود</p></@layout.page>\n",
                StandardCharsets.UTF_8);
        builder.build(Set.of(template));
        assertSameAsFullBuild();
        Files.delete(template);
        builder.build(Set.of(template));
        assertSameAsFullBuild();
        edit("site.yaml", "per_page: 5", "per_page: 3");
        builder.build(Set.of(site.resolve("site.yaml")));
        assertSameAsFullBuild();
        edit("site.yaml", "pagination: archive", "pagination: newest");
        builder.build(Set.of(site.resolve("site.yaml")));
        assertSameAsFullBuild();
        Path logo = site.resolve("static/images/logo.svg");
        Files.writeString(
                logo,
                Files.readString(logo, StandardCharsets.UTF_8).replace("<svg", "<svg data-v=\"2\""),
                StandardCharsets.UTF_8);
        builder.build(Set.of(logo));
        assertSameAsFullBuild();

        // a broken file: nothing published; fixed: back in step
        String good = Files.readString(site.resolve(SEED), StandardCharsets.UTF_8);
        edit(SEED, "date:", "date: not-a-date\nx:");
        before = times();
        assertThrows(BuildException.class, () -> builder.build(Set.of(site.resolve(SEED))));
        assertEquals(Set.of(), changedSince(before), "a failed rebuild touches nothing");
        Files.writeString(site.resolve(SEED), good, StandardCharsets.UTF_8);
        builder.build(Set.of(site.resolve(SEED)));
        assertSameAsFullBuild();

        // changes nobody reported (lost watch events): found by size and time all the same
        edit(SEED, "إنه يستغل", "إنه سيستغل");
        builder.build(Set.of());
        assertSameAsFullBuild();
    }

    @Test
    void aFolderDeletedWhilePreviewingIsBuiltAgain() throws Exception {
        builder.build(Set.of());
        dev.midad.write.StagedOutput.deleteTree(out);
        builder.build(Set.of(site.resolve(SEED)));
        assertSameAsFullBuild();
    }

    @Test
    void aManifestOnDiskIsNeverStaleAndClosingSavesIt() throws Exception {
        Path manifest = out.resolveSibling(".out.manifest");
        builder.build(Set.of());
        assertTrue(Files.exists(manifest), "an ordinary first build leaves its manifest");
        edit(SEED, "وقال بوتين يستغل الزيارة", "وقال بوتين إنه يستغل الزيارة");
        builder.build(Set.of(site.resolve(SEED)));
        assertFalse(Files.exists(manifest), "files replaced in place: the old manifest would lie, so it is gone");
        builder.close();
        assertTrue(Files.exists(manifest));
        BuildResult next = Site.load(site, TestSites.options()).build(out);
        assertEquals(next.files(), next.unchanged(), "the saved manifest describes the folder exactly");
    }

    /** Builds as `serve` does: drafts and future articles shown. */
    private void asInPreview() {
        options = options.withDrafts(true).withFuture(true);
        builder = new IncrementalBuilder(site, out, options);
    }

    // Found in review: each scenario once gave output different from a full build.

    @Test
    void filesAddedOrDeletedWhileSiteYamlIsBrokenAreNotMissed() throws Exception {
        asInPreview();
        builder.build(Set.of());
        Path yaml = site.resolve("site.yaml");
        String good = Files.readString(yaml, StandardCharsets.UTF_8);
        Files.writeString(yaml, good.replace("title: بوابة أوكرانيا", "title: [بوابة"), StandardCharsets.UTF_8);
        assertThrows(BuildException.class, () -> builder.build(Set.of(yaml)));
        Path added = site.resolve("articles/2024/11/new-story.md");
        Files.writeString(
                added, "---\ntitle: خبر جديد\ndate: 2024-11-20T09:00:00+02:00\n---\nنص.\n", StandardCharsets.UTF_8);
        assertThrows(BuildException.class, () -> builder.build(Set.of(added)));
        Path gone = site.resolve("articles/2024/09/eu-energy-aid.md");
        Files.delete(gone);
        assertThrows(BuildException.class, () -> builder.build(Set.of(gone)));
        Files.writeString(yaml, good, StandardCharsets.UTF_8);
        builder.build(Set.of(yaml));
        assertSameAsFullBuild();
    }

    @Test
    void ampPagesFollowAResizedBodyImage() throws Exception {
        asInPreview();
        Path image = site.resolve("static/images/body.svg");
        Files.writeString(
                image,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\"></svg>",
                StandardCharsets.UTF_8);
        edit(SEED, "وقال بوتين يستغل الزيارة", "![صورة](/images/body.svg)\n\nوقال بوتين يستغل الزيارة");
        builder.build(Set.of());
        Files.writeString(
                image,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"100\"></svg>",
                StandardCharsets.UTF_8);
        builder.build(Set.of(image));
        assertSameAsFullBuild();
    }

    @Test
    void anArticleLinkedFromElsewhereInTheSiteFollowsItsTarget() throws Exception {
        asInPreview();
        Path shared = site.resolve("shared/story.md");
        Files.createDirectories(shared.getParent());
        Files.writeString(
                shared,
                "---\ntitle: خبر مشترك\ndate: 2024-11-20T09:00:00+02:00\n---\nنص أول.\n",
                StandardCharsets.UTF_8);
        Files.createSymbolicLink(site.resolve("articles/2024/11/story.md"), shared);
        builder.build(Set.of());
        Files.writeString(
                shared,
                "---\ntitle: خبر مشترك\ndate: 2024-11-20T09:00:00+02:00\n---\nنص ثان مختلف.\n",
                StandardCharsets.UTF_8);
        builder.build(Set.of(shared)); // the watcher names the target, not the link
        assertSameAsFullBuild();
    }

    @Test
    void aReportedStaticFileIsCopiedEvenWithTheSameSizeAndTime() throws Exception {
        asInPreview();
        builder.build(Set.of());
        Path logo = site.resolve("static/images/logo.svg");
        FileTime time = Files.getLastModifiedTime(logo);
        String text = Files.readString(logo, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("#([0-9a-fA-F])", text.matches("(?s).*#0.*") ? "#1" : "#0");
        assertEquals(text.length(), changed.length());
        Files.writeString(logo, changed, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(logo, time); // as on a file system with coarse times
        builder.build(Set.of(logo));
        assertSameAsFullBuild();
    }

    @Test
    void aDeletedArticleLeavesNoEmptyFolders() throws Exception {
        asInPreview();
        builder.build(Set.of());
        Path gone = site.resolve("articles/2024/09/eu-energy-aid.md");
        Files.delete(gone);
        builder.build(Set.of(gone));
        assertSameAsFullBuild();
        assertEquals(folders(work.resolve("fresh-" + step)), folders(out));
    }

    @Test
    void derivedHtmlOfArticlesThatAreGoneIsDropped() throws Exception {
        asInPreview();
        Path article = site.resolve("articles/2024/11/titled.md");
        for (int i = 0; i <= 40; i++) { // no slug: the address follows the title
            Files.writeString(
                    article,
                    "---\ntitle: عنوان " + i + "\ndate: 2024-11-20T09:00:00+02:00\n---\nنص.\n",
                    StandardCharsets.UTF_8);
            builder.build(i == 0 ? Set.of() : Set.of(article));
        }
        Object memo = field(field(builder, "reusable"), "memo");
        int derived = ((Map<?, ?>) field(memo, "derived")).size();
        int articles = Site.load(site, options).model().articles().size()
                + Site.load(site, options).model().articles().size() / 2; // the English edition has fewer
        assertTrue(derived <= 3 * articles + 2, derived + " derived values for about " + articles + " articles");
    }

    @Test
    void templatesReadingTheClockAreAlwaysRendered() throws Exception {
        Path template = site.resolve("templates/404.ftlh");
        Files.createDirectories(template.getParent());
        Files.writeString(
                template,
                "<!DOCTYPE html><html lang=\"ar\"><title>404</title><p>${.now?string(\"yyyy\")}</p></html>\n",
                StandardCharsets.UTF_8);
        IncrementalBuilder.Rebuild first = builder.build(Set.of());
        IncrementalBuilder.Rebuild again = builder.build(Set.of(site.resolve("notes.txt")));
        assertEquals(first.rendered(), again.rendered(), "with .now in a template, nothing can be skipped");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static List<String> folders(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isDirectory)
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private int assetCount(IncrementalBuilder.Rebuild build) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            // copied or written whole, not rendered from a template: assets, static files, resized images and
            // cards (from the image cache), the search index
            return (int) files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(svg|css|woff2|js|jpg|png|webp)$")
                            || out.relativize(f)
                                    .toString()
                                    .replace('\\', '/')
                                    .matches("(.*/)?search/((terms|docs)/.*|meta)\\.json"))
                    .count();
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = site.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Gives every output file an old time, so files rewritten afterwards stand out. */
    private Map<String, FileTime> times() throws IOException {
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Map<String, FileTime> times = new TreeMap<>();
        for (Path file : files(out)) {
            Files.setLastModifiedTime(file, old);
            times.put(out.relativize(file).toString(), old);
        }
        return times;
    }

    private Set<String> changedSince(Map<String, FileTime> before) throws IOException {
        Set<String> changed = new java.util.TreeSet<>();
        for (Path file : files(out)) {
            String name = out.relativize(file).toString();
            if (!Files.getLastModifiedTime(file).equals(before.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private boolean anyFile(String part) throws IOException {
        return files(out).stream().anyMatch(f -> f.toString().contains(part));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void assertSameAsFullBuild() throws Exception {
        step++;
        Path fresh = work.resolve("fresh-" + step);
        Site.load(site, options).build(fresh);
        TestSites.assertSameFiles(fresh, out, "step " + step);
    }
}
