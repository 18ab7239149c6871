package dev.midad;

import dev.midad.cache.BuildCache;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.Expiry;
import dev.midad.content.SourceCache;
import dev.midad.model.build.SiteModelBuilder;
import dev.midad.problem.Problem;
import dev.midad.publish.Pings;
import dev.midad.render.RenderMemo;
import dev.midad.search.SearchIndex;
import dev.midad.write.Changes;
import dev.midad.write.InPlaceOutput;
import dev.midad.write.Manifest;
import dev.midad.write.OutputLock;
import dev.midad.write.SiteOutput;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code build} command: a build that keeps its state in a cache folder next to the output
 * ({@link BuildCache}) so that the next build, in a new JVM, redoes only what changed — as
 * {@link IncrementalBuilder} does within one JVM. What is kept: every content file parsed (by size, time and
 * identity; by its bytes' hash when only those look changed), every article's resolved view, the related
 * lists, every article's search terms, what each output file was rendered from (template, the fingerprint of its data, the articles it
 * read), what each planning step made its files from (the fingerprint of its inputs), the manifest. The next build reparses only changed files, renders only files whose data changed
 * and rewrites only files whose bytes changed, in place.
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
     * @param cacheNote  a problem with saving the cache (the build itself succeeded), or null
     * @param nextChange the next moment the site changes by itself (a scheduled article comes due, an article
     *                   expires), or null
     * @param nextWhy    what happens then ("a scheduled article", "an article expires"), or null
     * @param pinged     one line per IndexNow or WebSub request that succeeded (site.yaml {@code pings:})
     * @param resolved   articles whose view was resolved afresh (the others were reused from the cache)
     * @param analysed   articles whose search terms were taken afresh (the others' were reused)
     * @param unplanned  files kept without making their data (the step that makes them had the same inputs)
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
            int unplanned) {
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
            if (nextChange != null) {
                lines.add("Midad: the site changes by itself at " + nextChange.toOffsetDateTime() + " (" + nextWhy
                        + "): build again then");
            }
            return lines;
        }
    }

    /** What the cache holds besides its keys. Paths of content files are absolute. */
    record State(
            String manifestFile,
            Manifest manifest,
            Map<String, String> templateStamps,
            Map<String, String> staticStamps,
            List<List<SourceCache.Saved>> sources,
            List<SiteModelBuilder.Memory> memories,
            List<RenderMemo.Stored> renders,
            List<RenderMemo.StoredGroup> groups,
            List<SearchIndex.Saved> search) {}

    /**
     * Builds {@code siteDir} into {@code outputDir}, reusing the cache unless {@code clean}.
     */
    public static Outcome build(Path siteDir, Path outputDir, BuildOptions options, boolean clean)
            throws BuildException {
        Path site = siteDir.toAbsolutePath().normalize();
        Path out = outputDir.toAbsolutePath().normalize();
        BuildCache cache = new BuildCache(out);
        try {
            Files.createDirectories(cache.dir());
        } catch (IOException e) {
            throw new BuildException("cannot create the build cache " + cache.dir() + ": " + e.getMessage(), e);
        }
        try (OutputLock lock = OutputLock.acquire(cache.dir())) {
            return build(site, out, options, clean, cache);
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot write the site to " + out + ": " + e.getMessage(), e);
        }
    }

    private static Outcome build(Path site, Path out, BuildOptions options, boolean clean, BuildCache cache)
            throws BuildException, IOException {
        List<Problem> problems = new ArrayList<>();
        SiteConfig main = SiteConfigLoader.load(site, problems);
        if (main == null) {
            throw new BuildException(problems);
        }
        String code = BuildCache.codeKey();
        String sourcesKey = BuildCache.key(code, BuildCache.fileKey(site.resolve(SiteConfigLoader.FILE_NAME)));
        State previous = null;
        String previousModel = null;
        String reason = null;
        if (clean) {
            reason = "--clean";
        } else {
            try {
                Optional<BuildCache.Loaded> loaded = cache.read();
                if (loaded.isEmpty()) {
                    reason = "no build cache yet";
                } else if (!loaded.get().keys().code().equals(code)) {
                    reason = "the build cache was written by another version of Midad";
                } else if (loaded.get().value() instanceof State state) {
                    previous = state;
                    previousModel = loaded.get().keys().model();
                    if (!loaded.get().keys().sources().equals(sourcesKey)) {
                        reason = "site.yaml changed";
                    }
                } else {
                    reason = "the build cache holds something else";
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
                        previous == null ? Map.of() : previous.templateStamps(),
                        templateStamps),
                BuildCache.treeKey(
                        site.resolve(Site.STATIC),
                        previous == null ? Map.of() : previous.staticStamps(),
                        staticStamps));
        BuildCache.Keys keys = new BuildCache.Keys(code, sourcesKey, modelKey);
        Site.Reusable reusable = new Site.Reusable();
        boolean incremental = false;
        if (reason == null) {
            boolean sameModel = modelKey.equals(previousModel);
            boolean sameOutput = sameModel
                    && Files.isDirectory(out)
                    && BuildCache.fileKey(Manifest.fileFor(out)).equals(previous.manifestFile());
            if (!sameModel) {
                reason = "templates, static files or build options changed (parsed files reused)";
            } else if (!sameOutput) {
                reason = "the output folder changed since the cached build (parsed files reused)";
            }
            incremental = sameOutput;
            reusable.restore(
                    main,
                    previous.sources().stream().map(SourceCache::restore).toList(),
                    sameModel ? previous.memories() : null,
                    sameOutput ? restoredMemo(previous) : null);
        }
        Manifest before = incremental ? previous.manifest() : Manifest.read(out);
        Site loaded = Site.load(site, options, reusable);
        RenderMemo memo = reusable.memo();
        RenderMemo.Round round = memo.begin();
        Site.Built built;
        if (!incremental) {
            loaded.checkOutputLocation(out);
        }
        try (SiteOutput output =
                incremental ? new InPlaceOutput(out, previous.manifest(), Set.of()) : new StagedOutput(out)) {
            built = loaded.build(out, output, round, cache::invalidate); // the state no longer describes the folder
            memo.commit(round);
        }
        if (incremental) {
            built.manifest().save(out); // in-place writing removed it (see InPlaceOutput)
        }
        Next next = nextChange(reusable, options);
        String note = null;
        try {
            cache.write(
                    keys,
                    new State(
                            BuildCache.fileKey(Manifest.fileFor(out)),
                            built.manifest(),
                            templateStamps,
                            staticStamps,
                            reusable.sources().stream().map(SourceCache::saved).toList(),
                            reusable.memories(),
                            memo.stored(),
                            memo.storedGroups(),
                            SearchIndex.saved(memo)));
        } catch (IOException e) {
            cache.invalidate();
            note = "the build cache was not saved (" + e.getMessage() + "): the next build is a full one";
        }
        ZonedDateTime nextAt = next == null ? null : next.at();
        Changes changes = Changes.between(before, built.manifest(), nextAt);
        changes.write(out);
        // the first build into a folder adds every file: nothing is news to a search engine or a feed reader yet
        List<String> pinged = before.hashes().isEmpty()
                ? List.of()
                : Pings.read(main.params(), new ArrayList<>())
                        .send(changes, main.baseUrl().toString(), options.listener()::warning);
        return new Outcome(
                built.result(),
                built.rendered(),
                reason,
                note,
                changes,
                nextAt,
                next == null ? null : next.why(),
                pinged,
                reusable.resolvedAfresh(),
                SearchIndex.analysed(round),
                round.unplanned());
    }

    /** What each output was rendered from, and each article's search terms (kept on the restored views). */
    private static RenderMemo restoredMemo(State previous) {
        RenderMemo memo = RenderMemo.restore(previous.renders(), previous.groups());
        SearchIndex.restore(memo, previous.search());
        return memo;
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
            for (SourceCache.Saved saved : sources.saved()) {
                if (!(saved.parsed() instanceof Article article) || (article.draft() && !options.includeDrafts())) {
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
        static Next earlier(Next a, Next b) {
            return a == null || b.at().isBefore(a.at()) ? b : a;
        }
    }
}
