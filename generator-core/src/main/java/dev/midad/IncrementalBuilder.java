package dev.midad;

import dev.midad.check.MovedAddresses;
import dev.midad.content.ContentLoader;
import dev.midad.render.RenderMemo;
import dev.midad.write.InPlaceOutput;
import dev.midad.write.Manifest;
import dev.midad.write.SiteOutput;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds one site into one output folder again and again in one JVM, redoing only what changed since the
 * previous build — the engine of the live preview.
 *
 * <p>The first build is an ordinary one (a staged folder swapped in). Each later build:
 * <ul>
 *   <li>reads again only the content files that changed (size, modification time, inode, or named in
 *       {@code changed}); site.yaml is always read, and any change to it starts from scratch;</li>
 *   <li>reuses the resolved view of every unchanged article, and the related-articles lists while no address
 *       or tag changed;</li>
 *   <li>renders only the files whose inputs changed ({@link RenderMemo}): after editing one article, its page,
 *       the lists, feeds and sitemaps it appears in, the pages showing it as related;</li>
 *   <li>replaces only files whose bytes changed, one by one and atomically ({@link InPlaceOutput}), and
 *       deletes files no longer produced.</li>
 * </ul>
 * A change under {@code templates/} renders everything again (still writing only what changed); a change
 * under {@code static/} resolves every article again. A failed build publishes nothing and the next build
 * compares against the last published one. Calls are serialised. {@link #close()} writes the manifest that
 * lets the next ordinary build keep the modification times of unchanged files.
 */
public final class IncrementalBuilder implements AutoCloseable {
    private final Path siteDir;
    private final Path outputDir;
    private final BuildOptions options;
    private final Site.Reusable reusable = new Site.Reusable();
    /** What the last published build wrote; null before the first one (or after the folder vanished). */
    private Manifest published;
    /**
     * Static files and theme assets reported changed since the last published build (null: unknown, read
     * every copied file again).
     */
    private Set<Path> changedSources;
    /** The published addresses the moved-article warning compares with (created with the first build). */
    private MovedAddresses.Remembered lastPublished;

    public IncrementalBuilder(Path siteDir, Path outputDir, BuildOptions options) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.options = options;
    }

    /** One build: its result, and how many files were really rendered (the rest were known unchanged). */
    public record Rebuild(BuildResult result, int rendered) {
        /** One line for logs, e.g. "Midad: … 246 files (5 rendered, 2 rewritten) in 41 ms -> …". */
        public String summary() {
            return "Midad: %s, %d pages, %d feeds, %d files (%d rendered, %d rewritten) in %d ms -> %s"
                    .formatted(
                            result.articlesPublished(),
                            result.pages(),
                            result.feeds(),
                            result.files(),
                            rendered,
                            result.files() - result.unchanged(),
                            result.elapsed().toMillis(),
                            result.outputDir().resolve("index.html"));
        }
    }

    /**
     * Builds, reusing what is still valid.
     *
     * @param changed files or folders a watcher reported since the last call (absolute or relative to the
     *                working directory); empty when unknown, which re-resolves and re-renders everything
     *                (content files still reparsed only when their size or time changed)
     */
    public synchronized Rebuild build(Collection<Path> changed) throws BuildException {
        noteChanges(changed);
        return build();
    }

    /**
     * Resized images missing from the cache are encoded on {@code encoder} from now on, so that no build waits
     * for them: pages point at the source image meanwhile, and {@code ready} runs (on the encoder's thread) once
     * they are in; it should call {@link #rebuildImages()}.
     */
    public synchronized void encodeImagesOn(java.util.concurrent.Executor encoder, Runnable ready) {
        reusable.encodeImagesOn(encoder, ready);
    }

    /** Builds again with nothing changed but the images encoded since: only those files are written. */
    public synchronized Rebuild rebuildImages() throws BuildException {
        return build();
    }

    private Rebuild build() throws BuildException {
        Site site = Site.load(siteDir, options, reusable);
        if (published != null && !Files.isDirectory(outputDir)) {
            published = null; // deleted behind our back (mvn clean): start again
        }
        if (published == null) {
            site.checkOutputLocation(outputDir);
            reusable.forgetRenders(); // nothing to keep from a folder about to be replaced
        }
        RenderMemo memo = reusable.memo();
        RenderMemo.Round round = memo.begin();
        try (SiteOutput output = published == null
                ? new StagedOutput(outputDir)
                : new InPlaceOutput(outputDir, published, changedSources)) {
            Site.Built built = site.build(outputDir, output, round);
            memo.commit(round);
            published = built.manifest();
            changedSources = new HashSet<>();
            // a headline edit that moves a published article: said while the editor still has it open
            if (lastPublished == null) {
                lastPublished = new MovedAddresses.Remembered(site.publishedOutput());
            }
            site.movedSince(lastPublished.get()).forEach(options.listener()::warning);
            return new Rebuild(built.result(), built.rendered());
        } catch (IOException | UncheckedIOException e) {
            published = null; // the folder may be half replaced: the next build starts from a staged one
            throw new BuildException("cannot write the site to " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /** Saves what the folder holds now, for the next ordinary build (see {@link Manifest#save}). */
    @Override
    public synchronized void close() throws IOException {
        if (published != null && Files.isDirectory(outputDir)) {
            published.save(outputDir);
        }
    }

    private boolean isContent(Path file) {
        return Stream.of(ContentLoader.ARTICLES, ContentLoader.PAGES, Site.EDITIONS)
                .anyMatch(folder -> file.startsWith(siteDir.resolve(folder)));
    }

    private void noteChanges(Collection<Path> changed) {
        if (changed.isEmpty()) {
            reusable.templatesChanged();
            reusable.forget(List.of(), false);
            changedSources = null; // unknown: every copied file is read again until a build is published
            return;
        }
        List<Path> files =
                changed.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        boolean onlyFiles = true;
        for (Path file : files) {
            if (file.startsWith(siteDir.resolve(Site.TEMPLATES))) {
                reusable.templatesChanged();
            } else if (file.startsWith(siteDir.resolve(Site.STATIC))) {
                reusable.staticChanged();
            }
            if (file.startsWith(siteDir.resolve(Site.STATIC)) || file.startsWith(siteDir.resolve(Site.TEMPLATES))) {
                if (changedSources != null) {
                    changedSources.add(file); // copied files: read again even if size and time look the same
                }
            } else if (isContent(file) && (!file.getFileName().toString().endsWith(".md") || Files.isDirectory(file))) {
                // a folder (created, renamed, deleted: a deleted one cannot be told from a file any more) may
                // hold many files the watcher did not name: look at everything again
                onlyFiles = false;
            }
        }
        reusable.forget(files, onlyFiles);
    }
}
