package dev.midad;

import dev.midad.cache.BuildCache;
import dev.midad.cache.Fingerprint;
import dev.midad.cache.SharedStrings;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.Expiry;
import dev.midad.content.SourceCache;
import dev.midad.model.ArticleView;
import dev.midad.model.build.SiteModelBuilder;
import dev.midad.problem.Problem;
import dev.midad.publish.Pings;
import dev.midad.render.RenderMemo;
import dev.midad.search.SearchIndex;
import dev.midad.search.SearchMemory;
import dev.midad.text.Digests;
import dev.midad.text.Spill;
import dev.midad.write.Changes;
import dev.midad.write.FileBuckets;
import dev.midad.write.InPlaceOutput;
import dev.midad.write.Manifest;
import dev.midad.write.OutputLock;
import dev.midad.write.SiteOutput;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The {@code build} command: a build that keeps its state in a cache folder next to the output
 * ({@link BuildCache}) so that the next build, in a new JVM, redoes only what changed — as
 * {@link IncrementalBuilder} does within one JVM. What is kept: every content file parsed (by size, time and
 * identity; by its bytes' hash when only those look changed), every article's resolved view, the related
 * lists, every article's search terms, what each output file was rendered from (template, the fingerprint of
 * its data, the articles it read), what each planning step made its files from (the fingerprint of its
 * inputs), the manifest. The next build reparses only changed files, skips steps whose inputs did not change,
 * renders only files whose data changed and rewrites only files whose bytes changed, in place.
 *
 * <p>Whatever the cache does not vouch for is built in full, and said why in one line: no cache, {@code
 * clean}, a cache from another build of Midad or unreadable, another site.yaml (nothing reused), other
 * templates, static files or options (parsed files reused, everything rendered), or an output folder that
 * changed since (another build wrote it). Two builds of one output are serialised by a lock on the cache;
 * the state is removed before the output folder changes and written again after, so a build that dies in
 * between leaves no cache rather than a wrong one.
 */
public final class CachedBuilder {
    private CachedBuilder() {}

    /**
     * What a build did.
     *
     * @param fullBuild  why everything was rendered, or null when the build was incremental
     * @param cacheNote  a problem with reading part of the cache or saving it (the build itself succeeded), or
     *                   null
     * @param nextChange the next moment the site changes by itself (a scheduled article comes due, an article
     *                   expires), or null
     * @param nextWhy    what happens then ("a scheduled article", "an article expires"), or null
     * @param pinged     one line per IndexNow or WebSub request that succeeded (site.yaml {@code pings:})
     * @param resolved   articles whose view was resolved afresh (the others were reused from the cache)
     * @param analysed   articles whose search terms were taken afresh (the others' were reused)
     * @param unplanned  files kept without making their data (the step that makes them had the same inputs)
     * @param searchShards search index shards regenerated (the others' files were kept)
     * @param spilled    bytes of packed bodies the build kept on disk until used, for want of heap (see
     *                   {@link Spill})
     */
    public record Outcome(
            BuildResult result,
            int rendered,
            String fullBuild,
            String cacheNote,
            Changes changes,
            ZonedDateTime nextChange,
            String nextWhy,
            List<String> pinged,
            int resolved,
            int analysed,
            int unplanned,
            int searchShards,
            long spilled) {
        /** The result line, e.g. "Midad: … 246 files (5 rendered, 2 rewritten) in 41 ms -> …". */
        public String summary() {
            return new IncrementalBuilder.Rebuild(result, rendered).summary();
        }

        /** The lines a build logs: why it was a full one, its summary, what changed, when the site next changes. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (fullBuild != null) {
                lines.add("Midad: full build: " + fullBuild);
            }
            lines.add(summary());
            lines.add("Midad: %d added, %d changed, %d deleted -> %s"
                    .formatted(
                            changes.added().size(),
                            changes.changed().size(),
                            changes.deleted().size(),
                            Changes.fileFor(result.outputDir())));
            lines.addAll(pinged);
            if (spilled > 0) {
                lines.add(
                        "Midad: %d MiB of packed article bodies waited on disk until used (a build keeps at most %d MiB of them on the heap)"
                                .formatted(Math.max(1, spilled >> 20), spillAbove() >> 20));
            }
            if (nextChange != null) {
                lines.add("Midad: the site changes by itself at " + nextChange.toOffsetDateTime() + " (" + nextWhy
                        + "): build again then");
            }
            return lines;
        }
    }

    /**
     * What the cache holds besides its keys. The content files' share is in parts ({@link Part}): a build
     * rewrites only the parts holding a file that changed. Paths of content files are absolute.
     *
     * @param memories each edition's model memory, without its articles and views (they are in the parts)
     * @param slices   the output files' share (their hashes, what they were rendered from), in parts too
     * @param manifestFile the {@link Digests#stamp} of the manifest the build left next to the output
     * @param search   each edition's search index (its shards' postings are in parts of their own)
     */
    record State(
            String manifestFile,
            Map<String, String> templateStamps,
            Map<String, String> staticStamps,
            int editions,
            List<SiteModelBuilder.Memory> memories,
            int buckets,
            List<Part> parts,
            int sliceBuckets,
            List<Part> slices,
            List<SearchMemory.Stored> search) {
        /**
         * The article addresses the state holds itself (the related lists' keys, the search index's articles,
         * whichever a site has): the objects restored parts and slices use for them.
         */
        Set<String> addresses() {
            Set<String> addresses = new HashSet<>();
            memories.forEach(memory -> addresses.addAll(memory.relatedUrls().keySet()));
            search.forEach(edition -> addresses.addAll(edition.urls()));
            return addresses;
        }

        /** The cache files this state names: its parts, its slices and its search shards' parts. */
        Set<String> named() {
            Set<String> named = new HashSet<>();
            parts.forEach(part -> named.add(part.file()));
            slices.forEach(slice -> named.add(slice.file()));
            search.forEach(edition -> edition.shards().forEach(shard -> named.add(shard.part())));
            return named;
        }
    }

    /** The part file holding the items of one bucket (content files by their path's hash). */
    record Part(int bucket, String file) {}

    /**
     * The output files of one bucket (by the hash of the file's name, or of the planning step's key): their
     * hashes and sources as the manifest has them, what each was rendered from, and the planning steps that
     * made them. One edit changes a few files, so a build rewrites a few slices, not all that is known about
     * 50,000 files.
     */
    record Slice(
            Map<String, String> hashes,
            Map<String, String> sources,
            List<RenderMemo.Stored> renders,
            List<RenderMemo.StoredGroup> groups) {}

    /**
     * One content file's share of the state, kept together so that a part decodes into the very objects that
     * refer to each other: the file parsed, its article's resolved view, that view's search terms and the
     * hash of the whole view (so that an unchanged view is never hashed again).
     */
    record Item(
            int edition, SourceCache.Saved source, Object resolved, SearchIndex.Saved search, Fingerprint.Value print) {
        /** Whether this is the value restored as {@code old}: same file state, the same objects. */
        boolean sameAs(Item old) {
            return edition == old.edition
                    && source.file().equals(old.source.file())
                    && source.stamp().equals(old.source.stamp())
                    && java.util.Objects.equals(source.hash(), old.source.hash())
                    && source.parsed() == old.source.parsed()
                    && source.problems().equals(old.source.problems())
                    && source.link() == old.source.link()
                    && resolved == old.resolved
                    && search == old.search
                    && java.util.Objects.equals(print, old.print);
        }
    }

    /** A state as read, with its parts' items and its slices assembled. */
    private record Restored(
            State state,
            List<List<SourceCache.Saved>> sources,
            List<SiteModelBuilder.Memory> memories,
            List<SearchIndex.Saved> search,
            Map<Integer, List<Item>> items,
            Map<ArticleView, Fingerprint.Value> prints,
            Manifest manifest,
            List<RenderMemo.Stored> renders,
            List<RenderMemo.StoredGroup> groups,
            Map<Integer, Slice> slices) {}

    /**
     * Builds {@code siteDir} into {@code outputDir}, reusing the cache unless {@code clean}.
     */
    public static Outcome build(Path siteDir, Path outputDir, BuildOptions options, boolean clean)
            throws BuildException {
        return build(siteDir, outputDir, options, clean, spillAbove());
    }

    /**
     * As {@link #build(Path, Path, BuildOptions, boolean)}; with {@link FullBuilds#DECLINE}, a build that the
     * cache shows will render everything (no cache, another Midad, site.yaml, templates, static files or
     * options changed) is not started: a launcher that gave the JVM the flags of a small incremental build (a
     * large heap to start with, the parallel collector) runs it again with the flags of a full one.
     *
     * @throws FullBuildDeclined before anything is written, with the reason the build would have given
     */
    public static Outcome build(
            Path siteDir, Path outputDir, BuildOptions options, boolean clean, FullBuilds fullBuilds)
            throws BuildException, FullBuildDeclined {
        return build(siteDir, outputDir, options, clean, spillAbove(), fullBuilds);
    }

    /** Whether a build that turns out to be a full one goes on (see {@link #build(Path, Path, BuildOptions, boolean, FullBuilds)}). */
    public enum FullBuilds {
        PROCEED,
        DECLINE
    }

    /** A full build that was not started (see {@link FullBuilds#DECLINE}); nothing was written. */
    public static final class FullBuildDeclined extends Exception {
        FullBuildDeclined(String reason) {
            super(reason);
        }
    }

    /**
     * How many bytes of packed bodies a build keeps on the heap: a large archive's wait for their pages in the
     * cache folder (100,000 articles: ~560 MB). At most 256 MiB, whatever the heap, so that the heap a build
     * needs grows more slowly than the archive (a heap allowed to grow would otherwise hold them all); at most
     * an eighth of a small heap. Sites of up to ~45,000 articles keep them.
     */
    static long spillAbove() {
        return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /** @param spillAbove bytes of packed bodies the build keeps on the heap (see {@link Spill}) */
    static Outcome build(Path siteDir, Path outputDir, BuildOptions options, boolean clean, long spillAbove)
            throws BuildException {
        try {
            return build(siteDir, outputDir, options, clean, spillAbove, FullBuilds.PROCEED);
        } catch (FullBuildDeclined e) {
            throw new AssertionError(e); // a build that proceeds is never declined
        }
    }

    private static Outcome build(
            Path siteDir, Path outputDir, BuildOptions options, boolean clean, long spillAbove, FullBuilds fullBuilds)
            throws BuildException, FullBuildDeclined {
        Path site = siteDir.toAbsolutePath().normalize();
        Path out = outputDir.toAbsolutePath().normalize();
        BuildCache cache = new BuildCache(out);
        try {
            Files.createDirectories(cache.dir());
        } catch (IOException e) {
            throw new BuildException("cannot create the build cache " + cache.dir() + ": " + e.getMessage(), e);
        }
        try (OutputLock lock = OutputLock.acquire(cache.dir());
                Spill spill = new Spill(cache.dir(), spillAbove)) {
            removeSpillsLeft(cache.dir());
            return build(site, out, options, clean, cache, spill, fullBuilds);
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot write the site to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Removes what a build that was killed left of its spill (the lock is held: no other build is running). */
    private static void removeSpillsLeft(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith(Spill.PREFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Outcome build(
            Path site,
            Path out,
            BuildOptions options,
            boolean clean,
            BuildCache cache,
            Spill spill,
            FullBuilds fullBuilds)
            throws BuildException, IOException, FullBuildDeclined {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        SiteConfig main = SiteConfigLoader.load(site, problems);
        if (main == null) {
            throw new BuildException(problems);
        }
        String code = BuildCache.codeKey();
        String sourcesKey = BuildCache.key(code, BuildCache.fileKey(site.resolve(SiteConfigLoader.FILE_NAME)));
        State stored = null;
        Restored previous = null;
        String previousModel = null;
        String reason = null;
        long cacheStart = System.nanoTime();
        if (clean) {
            reason = "--clean";
        } else {
            try {
                Optional<BuildCache.Loaded> loaded = cache.read();
                if (loaded.isEmpty()) {
                    reason = "no build cache yet";
                } else if (!loaded.get().keys().code().equals(code)) {
                    reason = "the build cache was written by another version of Midad";
                } else if (!(loaded.get().value() instanceof State state)) {
                    reason = "the build cache holds something else";
                } else if (!loaded.get().keys().sources().equals(sourcesKey)) {
                    reason = "site.yaml changed"; // nothing in the cache is of use: its parts are not read
                } else {
                    stored = state;
                    previousModel = loaded.get().keys().model();
                }
            } catch (BuildCache.Unusable e) {
                reason = e.getMessage();
            }
        }
        Map<String, String> templateStamps = new HashMap<>();
        Map<String, String> staticStamps = new HashMap<>();
        String modelKey = BuildCache.key(
                sourcesKey,
                "drafts=" + options.includeDrafts(),
                "future=" + options.includeFuture(),
                BuildCache.treeKey(
                        site.resolve(Site.TEMPLATES),
                        stored == null ? Map.of() : stored.templateStamps(),
                        templateStamps),
                BuildCache.treeKey(
                        site.resolve(Site.STATIC), stored == null ? Map.of() : stored.staticStamps(), staticStamps));
        if (fullBuilds == FullBuilds.DECLINE && (reason != null || !modelKey.equals(previousModel))) {
            throw new FullBuildDeclined(reason != null ? reason : "templates, static files or build options changed");
        }
        if (stored != null) {
            try {
                previous = restored(cache, stored);
            } catch (BuildCache.Unusable e) {
                reason = e.getMessage();
            }
        }
        BuildCache.Keys keys = new BuildCache.Keys(code, sourcesKey, modelKey);
        Site.Reusable reusable = new Site.Reusable();
        reusable.spillTo(spill);
        boolean incremental = false;
        if (reason == null) {
            boolean sameModel = modelKey.equals(previousModel);
            boolean sameOutput = sameModel && Files.isDirectory(out) && wroteManifest(out, previous);
            if (!sameModel) {
                reason = "templates, static files or build options changed (parsed files reused)";
            } else if (!sameOutput) {
                reason = "the output folder changed since the cached build (parsed files reused)";
            }
            incremental = sameOutput;
            // what the outputs were rendered from is made ready on another core while the sources are read
            Restored read = previous;
            FutureTask<Site.Renders> renders = sameOutput
                    ? new FutureTask<>(() -> new Site.Renders(
                            restoredMemo(read),
                            SearchMemory.restore(read.state().search(), read.search(), searchParts(cache))))
                    : null;
            if (renders != null) {
                Tasks.startBeside(renders, "midad-restore");
            }
            reusable.restore(
                    main,
                    previous.sources().stream().map(SourceCache::restore).toList(),
                    sameModel ? previous.memories() : null,
                    renders);
        }
        if (previous != null) {
            int read =
                    previous.state().parts().size() + previous.state().slices().size(); // search parts: lazily
            options.listener().phase("cache", read, Duration.ofNanos(System.nanoTime() - cacheStart));
        }
        Manifest before = incremental ? previous.manifest() : Manifest.read(out);
        Site loaded = Site.load(site, options, reusable);
        RenderMemo memo = reusable.memo();
        RenderMemo.Round round = memo.begin();
        Site.Built built;
        if (!incremental) {
            loaded.checkOutputLocation(out);
        }
        InPlaceOutput inPlaceOutput = null;
        try (SiteOutput output =
                incremental ? new InPlaceOutput(out, previous.manifest(), Set.of()) : new StagedOutput(out)) {
            built = loaded.build(out, output, round, cache::invalidate); // the state no longer describes the folder
            memo.commit(round);
            if (output instanceof InPlaceOutput inPlace) {
                inPlaceOutput = inPlace;
            }
        }
        Next next = nextChange(reusable, options);
        ZonedDateTime nextAt = next == null ? null : next.at();
        // the manifest and the list of changes are written on another core while the cache is saved
        Manifest after = built.manifest();
        InPlaceOutput inPlace = inPlaceOutput;
        FutureTask<Written> written = new FutureTask<>(() -> {
            // in-place writing removed the manifest (see InPlaceOutput); staged writing wrote it
            String manifestFile = inPlace != null ? after.save(out) : Digests.stamp(Manifest.fileFor(out));
            // written in place, the output knows what it changed; staged, every file is compared
            Changes changes = inPlace != null ? inPlace.changes(nextAt) : Changes.between(before, after, nextAt);
            changes.write(out);
            return new Written(manifestFile, changes);
        });
        Thread writer = new Thread(written, "midad-manifest");
        writer.start();
        String note = null;
        long saveStart = System.nanoTime();
        int partsWritten = 0;
        try {
            partsWritten = save(
                    cache, keys, previous, reusable, memo, written, built.manifest(), templateStamps, staticStamps);
        } catch (IOException e) {
            cache.invalidate();
            note = "the build cache was not saved (" + e.getMessage() + "): the next build is a full one";
        }
        if (note == null && reusable.search().unreadable() != null) {
            note = "the search index was written whole: " + reusable.search().unreadable();
        }
        Changes changes = Tasks.joined(written).changes();
        options.listener().phase("save", partsWritten, Duration.ofNanos(System.nanoTime() - saveStart));
        // the first build into a folder adds every file: nothing is news to a search engine or a feed reader yet
        List<String> pinged = before.hashes().isEmpty()
                ? List.of()
                : Pings.read(main.params(), new ArrayList<>())
                        .send(changes, main.baseUrl().toString(), options.listener()::warning);
        return new Outcome(
                built.result().took(Duration.ofNanos(System.nanoTime() - start)), // the cache's reading and saving too
                built.rendered(),
                reason,
                note,
                changes,
                nextAt,
                next == null ? null : next.why(),
                pinged,
                reusable.resolvedAfresh(),
                SearchIndex.analysed(round),
                round.unplanned(),
                reusable.search().shardsWritten(),
                spill.written());
    }

    /** What each output was rendered from, and each article's search terms (kept on the restored views). */
    private static RenderMemo restoredMemo(Restored previous) {
        RenderMemo memo = RenderMemo.restore(previous.renders(), previous.groups());
        SearchIndex.restore(memo, previous.search());
        previous.prints().forEach(memo::restoreArticlePrint);
        return memo;
    }

    /**
     * Whether the output's manifest is the one the cached build left: the same file (its stamp), or, when the
     * folder and its cache were copied (a CI cache restored), the same content.
     */
    private static boolean wroteManifest(Path out, Restored previous) throws IOException {
        Path file = Manifest.fileFor(out);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        return Digests.stamp(file).equals(previous.state().manifestFile())
                || Manifest.read(out).hashes().equals(previous.manifest().hashes());
    }

    /** The build cache's parts as the search index keeps its shards' postings in them. */
    private static SearchMemory.Parts searchParts(BuildCache cache) {
        return new SearchMemory.Parts() {
            @Override
            public String write(Object value) throws IOException {
                return cache.writePart("search", value);
            }

            @Override
            public Object read(String part) throws IOException {
                try {
                    return cache.readPart(part);
                } catch (BuildCache.Unusable e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        };
    }

    /** Reads the parts and slices a state names (in parallel: they are independent) and assembles them. */
    private static Restored restored(BuildCache cache, State state) throws BuildCache.Unusable {
        List<Part> named = new ArrayList<>(state.parts());
        named.addAll(state.slices());
        // an article's address, once: the parts and slices hold it as often as pages list the article
        SharedStrings strings = SharedStrings.of(state.addresses());
        List<Object> read;
        try {
            read = named.parallelStream()
                    .map(part -> {
                        try {
                            return cache.readPart(part.file(), strings);
                        } catch (BuildCache.Unusable e) {
                            throw new UnusablePart(e);
                        }
                    })
                    .toList();
        } catch (UnusablePart e) {
            throw (BuildCache.Unusable) e.getCause();
        }
        List<Object> values = read.subList(0, state.parts().size());
        List<Map<String, String>> hashes = new ArrayList<>();
        Map<String, String> copied = new HashMap<>();
        List<RenderMemo.Stored> renders = new ArrayList<>();
        List<RenderMemo.StoredGroup> groups = new ArrayList<>();
        Map<Integer, Slice> slices = new HashMap<>();
        for (int i = 0; i < state.slices().size(); i++) {
            if (!(read.get(state.parts().size() + i) instanceof Slice slice)) {
                throw new BuildCache.Unusable("the build cache holds something else");
            }
            hashes.add(slice.hashes());
            copied.putAll(slice.sources());
            renders.addAll(slice.renders());
            groups.addAll(slice.groups());
            slices.put(state.slices().get(i).bucket(), slice);
        }
        List<List<SourceCache.Saved>> sources = new ArrayList<>();
        List<List<Article>> articles = new ArrayList<>();
        List<List<Object>> resolved = new ArrayList<>();
        for (int i = 0; i < state.editions(); i++) {
            sources.add(new ArrayList<>());
            articles.add(new ArrayList<>());
            resolved.add(new ArrayList<>());
        }
        List<SearchIndex.Saved> search = new ArrayList<>();
        Map<ArticleView, Fingerprint.Value> prints = new IdentityHashMap<>();
        Map<Integer, List<Item>> byBucket = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof List<?> list)) {
                throw new BuildCache.Unusable("the build cache holds something else");
            }
            List<Item> items = new ArrayList<>();
            for (Object value : list) {
                if (!(value instanceof Item item) || item.edition() < 0 || item.edition() >= state.editions()) {
                    throw new BuildCache.Unusable("the build cache holds something else");
                }
                items.add(item);
                sources.get(item.edition()).add(item.source());
                if (item.resolved() != null && item.source().parsed() instanceof Article article) {
                    articles.get(item.edition()).add(article);
                    resolved.get(item.edition()).add(item.resolved());
                }
                if (item.search() != null) {
                    search.add(item.search());
                }
                if (item.print() != null && item.resolved() != null) {
                    prints.put(SiteModelBuilder.viewOf(item.resolved()), item.print());
                }
            }
            byBucket.put(state.parts().get(i).bucket(), items);
        }
        List<SiteModelBuilder.Memory> memories = new ArrayList<>();
        for (int i = 0; i < state.memories().size(); i++) {
            SiteModelBuilder.Memory memory = state.memories().get(i);
            memories.add(new SiteModelBuilder.Memory(
                    articles.get(i), resolved.get(i), memory.relatedUrls(), memory.relatedInput(), memory.profiles()));
        }
        Manifest manifest = manifest(state, hashes, copied);
        // each slice holds its bucket as the manifest keeps it: a bucket in which no file changes stays that object
        slices.replaceAll((bucket, slice) ->
                new Slice(manifest.buckets().bucket(bucket), slice.sources(), slice.renders(), slice.groups()));
        return new Restored(state, sources, memories, search, byBucket, prints, manifest, renders, groups, slices);
    }

    /** The manifest the slices hold: their buckets as they are (one slice a bucket, in bucket order). */
    private static Manifest manifest(State state, List<Map<String, String>> hashes, Map<String, String> copied)
            throws BuildCache.Unusable {
        for (int i = 0; i < state.slices().size(); i++) {
            if (state.slices().get(i).bucket() != i) {
                throw new BuildCache.Unusable("the build cache holds something else");
            }
        }
        try {
            return new Manifest(FileBuckets.ofBuckets(hashes), copied);
        } catch (IllegalArgumentException e) {
            throw new BuildCache.Unusable("the build cache holds something else (" + e.getMessage() + ")");
        }
    }

    /** A part that cannot be read, out of a parallel stream. */
    private static final class UnusablePart extends RuntimeException {
        UnusablePart(BuildCache.Unusable cause) {
            super(cause);
        }
    }

    /**
     * Writes the state: the parts whose items are the ones restored are named again as they are, the others are
     * written anew; then the state, atomically.
     */
    private static int save(
            BuildCache cache,
            BuildCache.Keys keys,
            Restored previous,
            Site.Reusable reusable,
            RenderMemo memo,
            Future<Written> written,
            Manifest manifest,
            Map<String, String> templateStamps,
            Map<String, String> staticStamps)
            throws IOException {
        // first: fingerprinting the planning steps of a full build hashes the articles whole, for articlePrints
        List<RenderMemo.Stored> renders = memo.stored();
        List<RenderMemo.StoredGroup> groups = memo.storedGroups();
        Map<ArticleView, Fingerprint.Value> prints = memo.articlePrints();
        Map<ArticleView, SearchIndex.Saved> search = new IdentityHashMap<>();
        SearchIndex.saved(memo).forEach(saved -> search.put(saved.article(), saved));
        List<SiteModelBuilder.Memory> memories = reusable.memories();
        List<SourceCache> sources = reusable.sources();
        List<Item> items = new ArrayList<>();
        for (int edition = 0; edition < sources.size(); edition++) {
            Map<Object, Object> resolved = new IdentityHashMap<>();
            if (edition < memories.size()) {
                SiteModelBuilder.Memory memory = memories.get(edition);
                for (int i = 0; i < memory.articles().size(); i++) {
                    resolved.put(memory.articles().get(i), memory.resolved().get(i));
                }
            }
            for (SourceCache.Saved saved : sources.get(edition).saved()) {
                Object resolvedView = resolved.get(saved.parsed());
                ArticleView view = resolvedView == null ? null : SiteModelBuilder.viewOf(resolvedView);
                items.add(new Item(
                        edition,
                        saved,
                        resolvedView,
                        view == null ? null : search.get(view),
                        view == null ? null : prints.get(view)));
            }
        }
        // about 128 files a part: one edit rewrites a part of that size, whatever the archive's size
        int buckets = FileBuckets.bucketsFor(items.size(), 128);
        Map<Integer, List<Item>> byBucket = new java.util.TreeMap<>();
        for (Item item : items) {
            byBucket.computeIfAbsent(
                            FileBuckets.bucketOf(item.source().file().toString(), buckets), b -> new ArrayList<>())
                    .add(item);
        }
        boolean sameBuckets = previous != null && previous.state().buckets() == buckets;
        Map<Integer, String> files =
                sameBuckets ? filesByBucket(previous.state().parts()) : Map.of();
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Integer, List<Item>> bucket : byBucket.entrySet()) {
            List<Item> now = bucket.getValue();
            now.sort(java.util.Comparator.comparing(item -> item.source().file())); // a part's order: by file
            List<Item> before = sameBuckets ? previous.items().get(bucket.getKey()) : null;
            String file = null;
            if (before != null && before.size() == now.size()) {
                file = files.get(bucket.getKey());
                for (int i = 0; i < now.size() && file != null; i++) {
                    if (!now.get(i).sameAs(before.get(i))) {
                        file = null;
                    }
                }
            }
            parts.add(new Part(bucket.getKey(), file != null ? file : cache.writePart(now)));
        }
        int sliceBuckets = FileBuckets.bucketsFor(manifest.hashes().size(), FileBuckets.PER_BUCKET);
        List<Part> slices = slices(cache, previous, sliceBuckets, manifest, renders, groups);
        List<SearchMemory.Stored> indexes = reusable.search().stored(searchParts(cache));
        State state = new State(
                Tasks.joined(written).manifestFile(),
                templateStamps,
                staticStamps,
                sources.size(),
                memories.stream()
                        .map(m -> new SiteModelBuilder.Memory(
                                List.of(), List.of(), m.relatedUrls(), m.relatedInput(), m.profiles()))
                        .toList(),
                buckets,
                parts,
                sliceBuckets,
                slices,
                indexes);
        Set<String> named = state.named();
        cache.write(keys, state, named);
        Set<String> before = previous == null ? Set.of() : previous.state().named();
        return (int) named.stream().filter(file -> !before.contains(file)).count();
    }

    /** What the manifest's writer did: the manifest's key as written, and the changes it listed. */
    private record Written(String manifestFile, Changes changes) {}

    /** The files a state named, by bucket: a bucket whose values did not change names its file again. */
    private static Map<Integer, String> filesByBucket(List<Part> named) {
        Map<Integer, String> files = new HashMap<>();
        named.forEach(part -> files.put(part.bucket(), part.file()));
        return files;
    }

    /**
     * Writes the slices of the output files that changed; a slice equal to the one read is named again as it
     * is. A render and a hash go by their file, a planning step by its key.
     */
    private static List<Part> slices(
            BuildCache cache,
            Restored previous,
            int sliceBuckets,
            Manifest manifest,
            List<RenderMemo.Stored> renders,
            List<RenderMemo.StoredGroup> groups)
            throws IOException {
        List<Map<String, String>> hashes = new ArrayList<>();
        List<Map<String, String>> sources = new ArrayList<>();
        List<List<RenderMemo.Stored>> rendered = new ArrayList<>();
        List<List<RenderMemo.StoredGroup>> planned = new ArrayList<>();
        for (int i = 0; i < sliceBuckets; i++) {
            hashes.add(new HashMap<>());
            sources.add(new HashMap<>());
            rendered.add(new ArrayList<>());
            planned.add(new ArrayList<>());
        }
        FileBuckets<String> buckets = manifest.buckets();
        if (buckets.bucketCount() == sliceBuckets) { // the manifest's own buckets: kept ones are the slices read
            for (int i = 0; i < sliceBuckets; i++) {
                hashes.set(i, buckets.bucket(i));
            }
        } else {
            buckets.forEach((file, hash) ->
                    hashes.get(FileBuckets.bucketOf(file, sliceBuckets)).put(file, hash));
        }
        manifest.sources()
                .forEach((file, stamp) ->
                        sources.get(FileBuckets.bucketOf(file, sliceBuckets)).put(file, stamp));
        renders.forEach(render ->
                rendered.get(FileBuckets.bucketOf(render.file(), sliceBuckets)).add(render));
        groups.forEach(group ->
                planned.get(FileBuckets.bucketOf(group.key(), sliceBuckets)).add(group));
        boolean sameBuckets = previous != null && previous.state().sliceBuckets() == sliceBuckets;
        Map<Integer, String> files =
                sameBuckets ? filesByBucket(previous.state().slices()) : Map.of();
        Part[] slices = new Part[sliceBuckets];
        // on every core: an added article changes the slices of a few thousand list pages
        try {
            java.util.stream.IntStream.range(0, sliceBuckets).parallel().forEach(i -> {
                Slice before = sameBuckets ? previous.slices().get(i) : null;
                Slice slice = new Slice(
                        hashes.get(i),
                        sources.get(i),
                        inOrder(rendered.get(i), before == null ? null : before.renders(), RenderMemo.Stored::file),
                        inOrder(planned.get(i), before == null ? null : before.groups(), RenderMemo.StoredGroup::key));
                String file = sameBuckets && slice.equals(before) ? files.get(i) : null;
                try {
                    slices[i] = new Part(i, file != null ? file : cache.writePart("slice", slice));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return List.of(slices);
    }

    /**
     * {@code values} in a slice's order: the order they were read in when they are the very values read (most
     * slices after one edit: nothing to sort), else sorted by {@code key}.
     */
    private static <T> List<T> inOrder(List<T> values, List<T> read, java.util.function.Function<T, String> key) {
        if (read != null && read.size() == values.size()) {
            Set<T> now = java.util.Collections.newSetFromMap(new IdentityHashMap<>(values.size() * 2));
            now.addAll(values);
            if (read.stream().allMatch(now::contains)) {
                return read;
            }
        }
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(java.util.Comparator.comparing(key));
        return sorted;
    }

    /**
     * The next moment the site changes by itself, when future articles are not shown: a scheduled article
     * comes due or a published one is taken down ({@code expires:}); with what happens then.
     */
    private static Next nextChange(Site.Reusable reusable, BuildOptions options) {
        if (options.includeFuture()) {
            return null;
        }
        ZonedDateTime now = ZonedDateTime.now(options.clock());
        Next next = null;
        for (SourceCache sources : reusable.sources()) {
            for (Object parsed : sources.parsed()) {
                if (!(parsed instanceof Article article) || (article.draft() && !options.includeDrafts())) {
                    continue;
                }
                Expiry expiry = article.editorial().expiry();
                if (article.date().isAfter(now)) {
                    next = Next.earlier(next, new Next(article.date(), "a scheduled article"));
                } else if (expiry != null && expiry.at().isAfter(now)) {
                    next = Next.earlier(next, new Next(expiry.at(), "an article expires"));
                }
            }
        }
        return next;
    }

    /** A moment the site changes by itself, and why. */
    private record Next(ZonedDateTime at, String why) {
        /** The earlier of two; at the same instant the same one whatever the order (files are not sorted). */
        static Next earlier(Next a, Next b) {
            if (a == null || b.at().isBefore(a.at())) {
                return b;
            }
            return b.at().isEqual(a.at()) && b.why().compareTo(a.why()) < 0 ? b : a;
        }
    }
}
