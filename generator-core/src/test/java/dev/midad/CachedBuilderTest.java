package dev.midad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.cache.BuildCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent build against the ground truth: every call starts from nothing but the cache folder (as a
 * new JVM does), and after every kind of change its output must be byte for byte what a fresh full build
 * produces — reached incrementally where the cache vouches for it, by a full build (with its reason) where
 * it does not.
 */
class CachedBuilderTest {
    private static final String SEED = "articles/2024/06/putin-north-korea.md";

    @TempDir
    Path work;

    Path site;
    Path out;
    BuildOptions options = TestSites.options();
    int step;

    @BeforeEach
    void copySample() throws IOException {
        site = work.resolve("site");
        TestSites.copySample(site);
        out = work.resolve("target/site");
    }

    @Test
    void everyKindOfContentChangeIsIncrementalAndEqualsAFullBuild() throws Exception {
        CachedBuilder.Outcome first = build();
        assertEquals("no build cache yet", first.fullBuild());
        assertTrue(first.analysed() > 10, "a first build analyses every article: " + first.analysed());
        assertEquals(first.result().files(), first.changes().added().size(), "a first build adds every file");
        assertEquals(0, first.unplanned(), "a first build makes the data of every file");
        assertTrue(first.searchShards() > 100, "a first build writes every search shard: " + first.searchShards());
        assertSameAsFullBuild();

        List<Path> partsOfFirst = parts();
        List<Path> slicesOfFirst = parts("slice-");
        CachedBuilder.Outcome nothing = build();
        assertNull(nothing.fullBuild());
        assertEquals(slicesOfFirst, parts("slice-"), "no output changed: what the cache knows of them is kept");
        // the parts a full build wrote are kept, but those of articles the model resolves on every build
        long rewrittenAfterFull =
                parts().stream().filter(p -> !partsOfFirst.contains(p)).count();
        assertTrue(
                rewrittenAfterFull <= nothing.resolved() && rewrittenAfterFull < partsOfFirst.size(),
                rewrittenAfterFull + " of " + partsOfFirst.size() + " parts rewritten, " + nothing.resolved()
                        + " resolved");
        assertEquals(0, nothing.rendered(), "nothing changed: nothing rendered");
        assertTrue(
                nothing.searchShards() < first.searchShards() / 4,
                "only the shards of the live blog, which follows the clock: " + nothing.searchShards());
        assertTrue(nothing.changes().changed().isEmpty()
                && nothing.changes().added().isEmpty());

        List<Path> partsBefore = parts();
        edit(SEED, "بيونغ يانغ", "العاصمة الكورية");
        CachedBuilder.Outcome edited = incremental();
        assertTrue(
                edited.changes().changed().stream().anyMatch(f -> f.contains("index.html")),
                edited.changes().toJson());
        // the cache rewrites the part holding the edited file and those of the others the model resolved again
        // (a live blog follows the clock): at most one part for each
        long rewritten = parts().stream().filter(p -> !partsBefore.contains(p)).count();
        assertTrue(
                rewritten >= 1 && rewritten <= edited.resolved() && rewritten < partsBefore.size(),
                rewritten + " of " + partsBefore.size() + " parts rewritten, " + edited.resolved() + " resolved");
        assertTrue(edited.rendered() < edited.result().files() / 4, "rendered " + edited.rendered());
        // the edited article and those the model resolves on every build (a live blog follows the clock)
        assertEquals(edited.resolved(), edited.analysed(), "only articles resolved again are analysed again");
        assertTrue(edited.analysed() < first.analysed(), "analysed " + edited.analysed() + " of " + first.analysed());
        // the search index: only the shards of the terms whose postings changed (an image caption is not indexed)
        assertTrue(
                edited.searchShards() < first.searchShards() / 4,
                "search shards regenerated: " + edited.searchShards() + " of " + first.searchShards());
        // the other articles' pages, the lists and feeds of terms the article is not in: not even planned
        assertTrue(
                edited.unplanned() > (edited.result().pages() + edited.result().feeds()) / 2,
                "kept without planning: " + edited.unplanned() + " files; pages and feeds: "
                        + (edited.result().pages() + edited.result().feeds()));

        edit(SEED, "title: ", "title: عاجل — ");
        CachedBuilder.Outcome retitled = incremental();
        assertTrue(
                retitled.searchShards() > 0 && retitled.searchShards() < first.searchShards() / 4,
                "a new word in the title: " + retitled.searchShards() + " of " + first.searchShards() + " shards");

        Path added = site.resolve("articles/2024/11/new-story.md");
        Files.writeString(added, """
                ---
                title: خبر جديد عن الطاقة
                date: 2024-11-28T10:00:00+02:00
                category: اقتصاد
                tags: [الطاقة]
                summary: خبر جديد.
                ---
                نص الخبر الجديد.
                """, StandardCharsets.UTF_8);
        CachedBuilder.Outcome add = incremental();
        assertTrue(
                add.changes().added().stream().anyMatch(f -> f.endsWith("index.html")),
                add.changes().toJson());

        assertTrue(add.searchShards() < first.searchShards() / 2, "an older article: ids shift from its id on");

        // the newest article takes the next id: the other articles' docs and terms stay as they are
        TestSites.write(site, "articles/2025/12/newest.md", """
                ---
                title: آخر خبر قبل رأس السنة عن المصفاة
                date: 2025-12-31T20:00:00+02:00
                category: اقتصاد
                ---
                افتتاح المصفاة الجديدة في الميناء.
                """);
        CachedBuilder.Outcome newest = incremental();
        assertTrue(
                newest.searchShards() > 0 && newest.searchShards() < first.searchShards() / 2,
                "search shards regenerated: " + newest.searchShards() + " of " + first.searchShards());
        Files.delete(site.resolve("articles/2025/12/newest.md"));
        incremental();

        Path moved = site.resolve("articles/2023/new-story.md");
        Files.createDirectories(moved.getParent());
        Files.move(added, moved);
        incremental();

        Files.delete(moved);
        CachedBuilder.Outcome deleted = incremental();
        assertTrue(!deleted.changes().deleted().isEmpty(), deleted.changes().toJson());

        // the same bytes with a new time (a fresh checkout): not parsed again, nothing rendered
        Files.setLastModifiedTime(site.resolve(SEED), java.nio.file.attribute.FileTime.from(Instant.now()));
        assertEquals(0, incremental().rendered());
    }

    /** An editor adds one update to a live blog: its page, its updates JSON, feeds and sitemap change, nothing else. */
    @Test
    void aLiveBlogUpdateRewritesItsPageAndFeedsOnlyAndEqualsAFullBuild() throws Exception {
        build();
        Path live = site.resolve("articles/2025/12/kyiv-new-year-live.md");
        Files.writeString(
                live,
                Files.readString(live, StandardCharsets.UTF_8) + "\n## 23:05\nتحديث أخير قبل منتصف الليل.\n",
                StandardCharsets.UTF_8);
        CachedBuilder.Outcome update = incremental();
        String page = "2025/12/كييف-ليلة-رأس-السنة-مباشر/";
        List<String> changed = update.changes().changed();
        assertTrue(changed.contains(page + "index.html") && changed.contains(page + "live.json"), changed::toString);
        assertTrue(changed.contains("rss.xml") && changed.contains("feed.json"), changed::toString);
        assertTrue(TestSites.read(out, "rss.xml").contains("تحديث أخير قبل منتصف الليل"), "the feed carries it");
        List<String> others = changed.stream()
                .filter(f -> !f.startsWith(page))
                .filter(f -> !f.matches("(.*/)?(rss\\.xml|atom\\.xml|feed\\.json)|sitemap.*\\.xml"))
                .toList();
        assertEquals(List.of(), others, "no other page is rewritten");
        assertTrue(
                update.changes().added().isEmpty() && update.changes().deleted().isEmpty());
    }

    @Test
    void publishingRewritesOnlyTheListPagesNearTheNewestAndEqualsAFullBuild() throws Exception {
        edit("site.yaml", "per_page: 5", "per_page: 1"); // lists of many numbered pages
        build();
        for (int i = 1; i <= 3; i++) {
            TestSites.write(site, "articles/2025/12/published-" + i + ".md", """
                    ---
                    title: خبر منشور للتو %d
                    date: 2025-12-31T2%d:00:00+02:00
                    category: سياسة
                    tags: [كييف]
                    ---
                    نص الخبر.
                    """.formatted(i, i));
            CachedBuilder.Outcome publish = incremental();
            int checked = 0;
            for (String file : publish.changes().changed()) { // the home's pages and every term's
                java.util.regex.Matcher page = java.util.regex.Pattern.compile("(.*)page/(\\d+)/index\\.html")
                        .matcher(file);
                if (page.matches()) {
                    int n = Integer.parseInt(page.group(2));
                    int newest = highestPage(page.group(1));
                    assertTrue(n >= newest - 2, "publish " + i + " rewrote " + file + " (newest " + newest + ")");
                    checked++;
                }
            }
            assertTrue(checked <= 3 * 4, "pages near the newest of the home, سياسة, كييف and the author: " + checked);
            assertTrue(
                    publish.changes().changed().contains("index.html"),
                    publish.changes().toJson());
            assertTrue(
                    publish.changes().changed().stream().noneMatch(f -> f.equals("page/1/index.html")),
                    "the oldest page keeps its articles: " + publish.changes().toJson());
        }
    }

    /** The highest N of {@code list}page/N/ in the output. */
    private int highestPage(String list) throws IOException {
        try (java.util.stream.Stream<Path> pages = Files.list(out.resolve(list + "page"))) {
            return pages.mapToInt(p -> Integer.parseInt(p.getFileName().toString()))
                    .max()
                    .orElse(0);
        }
    }

    @Test
    void templatesSiteYamlAndStaticFilesRenderEverythingAgain() throws Exception {
        build();
        Path template = site.resolve("templates/robots.ftl");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "User-agent: *\nDisallow: /private/\n", StandardCharsets.UTF_8);
        assertTrue(build().fullBuild().startsWith("templates, static files or build options changed"));
        assertSameAsFullBuild();
        assertNull(build().fullBuild(), "the next build is incremental again");

        edit("site.yaml", "per_page: ", "per_page: 1");
        assertEquals("site.yaml changed", build().fullBuild());
        assertSameAsFullBuild();

        Files.writeString(site.resolve("static/extra.txt"), "x", StandardCharsets.UTF_8);
        assertTrue(build().fullBuild().startsWith("templates, static files"));
        assertSameAsFullBuild();

        options = options.withDrafts(true);
        assertTrue(build().fullBuild().startsWith("templates, static files or build options changed"));
        assertSameAsFullBuild();
    }

    @Test
    void aBuildAskedToDeclineAFullOneWritesNothingAndGoesOnWhenItIsIncremental() throws Exception {
        build();
        edit(SEED, "بيونغ يانغ", "العاصمة الكورية");
        CachedBuilder.Outcome edited = CachedBuilder.build(site, out, options, false, CachedBuilder.FullBuilds.DECLINE);
        assertNull(edited.fullBuild(), "an incremental build is not declined");
        assertSameAsFullBuild();

        edit("site.yaml", "per_page: ", "per_page: 1");
        assertDeclined("site.yaml changed");
        edit("site.yaml", "per_page: 1", "per_page: ");
        Files.writeString(site.resolve("static/extra.txt"), "x", StandardCharsets.UTF_8);
        assertDeclined("templates, static files or build options changed");
        Files.delete(site.resolve("static/extra.txt"));
        assertNull(
                CachedBuilder.build(site, out, options, false, CachedBuilder.FullBuilds.DECLINE)
                        .fullBuild(),
                "the cache was left as it was");
        assertSameAsFullBuild();
    }

    /** A build with {@link CachedBuilder.FullBuilds#DECLINE} is declined for {@code reason}: output and cache untouched. */
    private void assertDeclined(String reason) throws Exception {
        Map<Path, byte[]> before = filesUnder(work.resolve("target"));
        CachedBuilder.FullBuildDeclined declined = assertThrows(
                CachedBuilder.FullBuildDeclined.class,
                () -> CachedBuilder.build(site, out, options, false, CachedBuilder.FullBuilds.DECLINE));
        assertEquals(reason, declined.getMessage());
        Map<Path, byte[]> after = filesUnder(work.resolve("target"));
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " unchanged"));
    }

    /** Every file under {@code root} with its bytes (the output, its manifest, the build cache). */
    private static Map<Path, byte[]> filesUnder(Path root) throws IOException {
        Map<Path, byte[]> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** The part files of the cache that hold the content files' share (read by every build), sorted. */
    private List<Path> parts() throws Exception {
        Path dir = new BuildCache(out).dir();
        CachedBuilder.State state =
                (CachedBuilder.State) new BuildCache(out).read().orElseThrow().value();
        return state.parts().stream()
                .map(part -> dir.resolve(part.file()))
                .sorted()
                .toList();
    }

    /** The part files of the cache that hold search shards' postings (read when one of their terms changes). */
    private List<Path> searchParts() throws Exception {
        Path dir = new BuildCache(out).dir();
        CachedBuilder.State state =
                (CachedBuilder.State) new BuildCache(out).read().orElseThrow().value();
        return state.search().stream()
                .flatMap(edition -> edition.shards().stream())
                .map(shard -> dir.resolve(shard.part()))
                .sorted()
                .toList();
    }

    /** Every part file of the cache: content parts, output slices, search shards. */
    private List<Path> allParts() throws IOException {
        List<Path> all = new java.util.ArrayList<>(parts("part-"));
        all.addAll(parts("slice-"));
        all.addAll(parts("search-"));
        return all;
    }

    /** The cache's files whose names start with {@code prefix}, sorted. */
    private List<Path> parts(String prefix) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(new BuildCache(out).dir())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aStaleCorruptOrCleanedCacheGivesAFullBuild() throws Exception {
        build();
        Path state = new BuildCache(out).dir().resolve("state.bin");
        byte[] good = Files.readAllBytes(state);

        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        Files.write(state, cut);
        edit(SEED, "بيونغ يانغ", "العاصمة الكورية");
        assertEquals("the cache is cut short", build().fullBuild());
        assertSameAsFullBuild();

        byte[] flipped = Files.readAllBytes(state);
        flipped[flipped.length / 3] ^= 0x5A;
        Files.write(state, flipped);
        // where the flipped byte lands decides which check sees it first (a length read past the end, a value
        // that cannot be decoded, or the checksum): each refuses the cache
        String damaged = build().fullBuild();
        assertTrue(
                damaged != null
                        && damaged.matches("the cache (is damaged \\(its checksum does not match\\)"
                                + "|is cut short|cannot be read .*|has data past its end)"),
                "a damaged cache is never trusted: " + damaged);
        assertSameAsFullBuild();

        // a part of the state (content files' share) damaged, then missing: the state is not trusted either
        Path part = parts().get(0);
        byte[] partBytes = Files.readAllBytes(part);
        partBytes[partBytes.length / 2] ^= 0x5A;
        Files.write(part, partBytes);
        edit(SEED, "title: ", "title: تحليل — ");
        String partDamaged = build().fullBuild();
        assertTrue(
                partDamaged != null
                        && partDamaged.matches("the cache (is damaged \\(its checksum does not match\\)"
                                + "|is cut short|cannot be read .*|has data past its end)"),
                "a damaged part is never trusted: " + partDamaged);
        assertSameAsFullBuild();
        Files.delete(parts().get(0));
        edit(SEED, "title: تحليل — ", "title: ");
        assertTrue(build().fullBuild().startsWith("a part of the cache is missing"));
        assertSameAsFullBuild();
        assertTrue(build().fullBuild() == null, "the next build trusts the cache again");

        // a search shard's part damaged: read only when one of its terms changes, then the index is written whole
        for (Path shard : searchParts()) {
            byte[] shardBytes = Files.readAllBytes(shard);
            shardBytes[shardBytes.length / 2] ^= 0x5A;
            Files.write(shard, shardBytes);
        }
        edit(SEED, "وقال بوتين", "وقال الرئيس الروسي بوتين");
        CachedBuilder.Outcome lost = incremental();
        assertTrue(lost.searchShards() > 100, "every shard written again: " + lost.searchShards());
        assertTrue(
                lost.cacheNote() != null
                        && lost.cacheNote().startsWith("the search index was written whole: the postings of shard"),
                "and said why in one line: " + lost.cacheNote());
        edit(SEED, "وقال الرئيس الروسي بوتين", "وقال بوتين");
        assertTrue(incremental().searchShards() < lost.searchShards() / 2, "the cache holds good shards again");

        // a cache another version of Midad wrote: the same format, another code key
        Object value = new BuildCache(out).read().orElseThrow().value();
        BuildCache.Keys keys = new BuildCache(out).read().orElseThrow().keys();
        new BuildCache(out)
                .write(
                        new BuildCache.Keys("another version", keys.sources(), keys.model()),
                        value,
                        allParts().stream()
                                .map(p -> p.getFileName().toString())
                                .collect(java.util.stream.Collectors.toSet()));
        edit(SEED, "title: ", "title: عاجل — ");
        assertEquals("the build cache was written by another version of Midad", build().fullBuild());
        assertSameAsFullBuild();

        byte[] format = Files.readAllBytes(state);
        format["MIDAD-BUILD-CACHE\n".length() + 3] = 99;
        Files.write(state, format);
        assertTrue(build().fullBuild().startsWith("the cache has format 99"));
        assertSameAsFullBuild();

        assertEquals("--clean", CachedBuilder.build(site, out, options, true).fullBuild());
        assertSameAsFullBuild();

        // another build wrote the folder meanwhile (without the cache): the cache no longer describes it
        edit(SEED, "عاجل — ", "");
        Site.load(site, options).build(out);
        assertTrue(build().fullBuild().startsWith("the output folder changed"));
        assertSameAsFullBuild();
    }

    @Test
    void anOutputAndCacheRestoredAsCopiesStayIncremental() throws Exception {
        build();
        Path manifest = dev.midad.write.Manifest.fileFor(out);
        String written = dev.midad.text.Digests.stamp(manifest);
        // as a CI job restores them from its cache: the same bytes in new files, with times of their own
        Path target = out.getParent();
        Path saved = work.resolve("saved");
        copyTree(target, saved);
        dev.midad.write.StagedOutput.deleteTree(target);
        Thread.sleep(5); // a time that differs even where the file system keeps milliseconds only
        copyTree(saved, target);
        assertNotEquals(written, dev.midad.text.Digests.stamp(manifest), "the manifest is another file now");
        edit(SEED, "title: ", "title: عاجل — ");
        incremental();

        // a copy whose manifest lists other files is another folder
        build();
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8) + "0".repeat(64) + " x.html\n");
        edit(SEED, "عاجل — ", "");
        assertTrue(build().fullBuild().startsWith("the output folder changed"));
        assertSameAsFullBuild();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    @Test
    void aScheduledArticleComesDueWhenTheClockPassesIt() throws Exception {
        CachedBuilder.Outcome before = build();
        ZonedDateTime due = ZonedDateTime.parse("2030-01-01T09:00:00+02:00");
        assertEquals(due.toInstant(), before.nextChange().toInstant());
        assertTrue(before.changes().toJson().contains("\"nextChange\": \"2030-01-01T09:00+02:00\""));
        assertTrue(!Files.exists(out.resolve("2030")), "not published before its time");

        options = options.withClock(Clock.fixed(due.toInstant().plusSeconds(60), ZoneOffset.UTC));
        CachedBuilder.Outcome after = incremental();
        assertNull(after.nextChange());
        assertTrue(
                after.changes().added().stream().anyMatch(f -> f.startsWith("2030/")),
                after.changes().toJson());
    }

    @Test
    void anExpiryPassingTakesTheArticleDownAsAFullBuildWould() throws Exception {
        TestSites.write(site, "articles/2025/12/expiring.md", """
                ---
                title: خبر ينتهي نشره
                slug: expiring
                date: 2025-12-20T10:00:00+02:00
                expires: 2026-01-02T00:00:00Z
                category: اقتصاد
                tags: [الطاقة]
                ---
                نص الخبر.
                """);
        TestSites.write(site, "articles/2025/12/moved.md", """
                ---
                title: خبر ينقل إلى الصفحة الرئيسية
                slug: moved
                date: 2025-12-21T10:00:00+02:00
                expires: 2026-01-03T00:00:00Z
                expires_redirect: /
                category: اقتصاد
                ---
                نص الخبر.
                """);
        CachedBuilder.Outcome first = build();
        assertSameAsFullBuild();
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), first.nextChange().toInstant());
        assertEquals("an article expires", first.nextWhy());
        assertTrue(first.lines().get(first.lines().size() - 1).endsWith("(an article expires): build again then"));
        assertTrue(TestSites.read(out, "2025/12/expiring/index.html").contains("خبر ينتهي نشره"));

        // no file changes, only the clock: the article is taken down as a full build at that time would
        options = options.withClock(Clock.fixed(Instant.parse("2026-01-02T00:00:01Z"), ZoneOffset.UTC));
        CachedBuilder.Outcome gone = incremental();
        assertTrue(gone.changes().added().contains("410.html"), gone.changes().toJson());
        assertTrue(
                gone.changes().changed().contains("2025/12/expiring/index.html"),
                gone.changes().toJson());
        assertTrue(
                gone.changes().changed().contains("sitemap.xml"), gone.changes().toJson());
        assertTrue(TestSites.read(out, "2025/12/expiring/index.html").contains("410"));
        assertEquals(Instant.parse("2026-01-03T00:00:00Z"), gone.nextChange().toInstant());

        options = options.withClock(Clock.fixed(Instant.parse("2026-01-03T00:00:01Z"), ZoneOffset.UTC));
        CachedBuilder.Outcome moved = incremental();
        assertTrue(TestSites.read(out, "2025/12/moved/index.html").contains("http-equiv=\"refresh\""));
        assertEquals("a scheduled article", moved.nextWhy());
        assertEquals(0, incremental().rendered(), "the same clock again: nothing rendered");
    }

    @Test
    void theSummaryTimeCountsReadingAndSavingTheCache() throws Exception {
        java.util.Map<String, java.time.Duration> phases = new java.util.concurrent.ConcurrentHashMap<>();
        options = options.withListener(new BuildListener() {
            @Override
            public void phase(String phase, int count, java.time.Duration elapsed) {
                phases.put(phase, elapsed);
            }

            @Override
            public void warning(dev.midad.problem.Problem warning) {}
        });
        build();
        edit(SEED, "بيونغ يانغ", "العاصمة الكورية");
        CachedBuilder.Outcome edited = build();
        assertNull(edited.fullBuild());
        java.time.Duration counted =
                phases.get("cache").plus(phases.get("render")).plus(phases.get("save"));
        assertTrue(
                edited.result().elapsed().compareTo(counted) >= 0,
                edited.result().elapsed() + " against the phases' " + counted + ": " + phases);
    }

    private CachedBuilder.Outcome build() throws BuildException {
        return CachedBuilder.build(site, out, options, false);
    }

    @Test
    void theBodiesKeptOnTheHeapAreBoundedWhateverTheHeap() {
        long max = Runtime.getRuntime().maxMemory();
        long kept = CachedBuilder.spillAbove();
        assertTrue(kept > 0, "a small site keeps its bodies");
        assertTrue(kept <= 256L << 20, "a large heap does not keep a large archive's bodies: " + kept);
        assertTrue(kept <= max / 8, "nor does a small heap fill an eighth with them: " + kept + " of " + max);
    }

    @Test
    void bodiesKeptOnDiskForWantOfHeapGiveTheSameSiteAndCache() throws Exception {
        CachedBuilder.Outcome first = CachedBuilder.build(site, out, options, false, 0); // no room for bodies
        assertTrue(first.spilled() > 10_000, "every article's bodies were moved to disk: " + first.spilled());
        assertTrue(
                first.lines().stream().anyMatch(line -> line.contains("packed article bodies waited on disk")),
                "and the build says so: " + first.lines());
        assertSameAsFullBuild();
        try (java.util.stream.Stream<Path> files = Files.list(new BuildCache(out).dir())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("spill-")), "the spill is gone");
        }
        edit(SEED, "بيونغ يانغ", "العاصمة الكورية");
        CachedBuilder.Outcome edited = CachedBuilder.build(site, out, options, false, 0);
        assertNull(edited.fullBuild(), "the cache written from spilled bodies is used");
        // restored bodies stay where they lie, in the cache's parts: only the edited article's and short ones move
        assertTrue(
                edited.spilled() < first.spilled(),
                "restored bodies are read in place: " + edited.spilled() + " bytes moved, against " + first.spilled());
        assertSameAsFullBuild();
        CachedBuilder.Outcome roomy = build();
        assertNull(roomy.fullBuild());
        assertEquals(0, roomy.spilled(), "a heap with room keeps the bodies");
        assertTrue(
                roomy.lines().stream().noneMatch(line -> line.contains("waited on disk")),
                roomy.lines().toString());
        assertEquals(
                0,
                roomy.rendered(),
                "and finds nothing changed: " + roomy.changes().toJson());
        assertSameAsFullBuild();
    }

    /** A build that must be incremental, then the same as a full build. */
    private CachedBuilder.Outcome incremental() throws Exception {
        CachedBuilder.Outcome outcome = build();
        assertNull(outcome.fullBuild(), "step " + (step + 1) + " is incremental");
        assertSameAsFullBuild();
        return outcome;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = site.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private void assertSameAsFullBuild() throws Exception {
        step++;
        Path fresh = work.resolve("fresh-" + step);
        Site.load(site, options).build(fresh);
        TestSites.assertSameFiles(fresh, out, "step " + step);
    }
}
