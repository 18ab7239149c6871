package dev.midad.serve;

import dev.midad.BuildException;
import dev.midad.BuildOptions;
import dev.midad.IncrementalBuilder;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Live preview: builds the site (drafts and future articles included), serves it on loopback, watches
 * content, templates, static files and site.yaml, rebuilds after every change and reloads open pages.
 * A broken file shows its problems in the browser instead of stopping the server; fixing it recovers.
 */
public final class LivePreview implements AutoCloseable {
    /** Editors save in bursts (temporary file, rename); wait for quiet before rebuilding. */
    static final long QUIET_MILLIS = 120;
    /** How long closing waits for a rebuild under way, then for an interrupted one. */
    private static final long STOP_MILLIS = 60_000;

    private final Path siteDir;
    private final Path outputDir;
    private final IncrementalBuilder builder;
    private final Consumer<String> log;
    private final PreviewServer server;
    private final WatchService watcher;
    private final Thread loop;
    /** Ctrl+C ends a preview: the manifest is saved then too (see {@link IncrementalBuilder#close()}). */
    private final Thread saveOnExit;
    /** Encodes images missing from the cache while pages are already served (see {@link #imagesReady}). */
    private final ExecutorService encoder;
    /** At most this many images are encoded at once, leaving a core for the editor and the preview. */
    static final int ENCODERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    public LivePreview(Path siteDir, Path outputDir, int port, Consumer<String> log) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.builder = new IncrementalBuilder(
                this.siteDir,
                this.outputDir,
                BuildOptions.defaults().withDrafts(true).withFuture(true));
        this.log = log;
        // a cold image must not hold up a page: encode on a few threads of their own, then write them in
        this.encoder = Executors.newFixedThreadPool(ENCODERS, r -> {
            Thread t = new Thread(r, "midad-images");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        builder.encodeImagesOn(encoder, this::imagesReady);
        Files.createDirectories(this.outputDir);
        this.server = new PreviewServer(this.outputDir, port, true);
        this.watcher = FileSystems.getDefault().newWatchService();
        registerAll();
        rebuild(Set.of());
        this.loop = new Thread(this::watch, "midad-watch");
        loop.setDaemon(true);
        loop.start();
        this.saveOnExit = new Thread(this::saveManifest, "midad-save-manifest");
        Runtime.getRuntime().addShutdownHook(saveOnExit);
    }

    public String url() {
        return server.url();
    }

    PreviewServer server() {
        return server;
    }

    /**
     * Builds once, redoing only what {@code changed} (paths from watch events; empty: anything) affects; on
     * failure the previous site stays on disk and the browser shows the problems.
     */
    synchronized boolean rebuild(Set<Path> changed) {
        try {
            IncrementalBuilder.Rebuild result = builder.build(changed);
            server.clearError();
            server.reload();
            log.accept(result.summary());
            return true;
        } catch (BuildException e) {
            server.showError(errorPage(e.problems()));
            log.accept("Midad: the site has problems (the browser shows them):\n" + e.getMessage());
            return false;
        } catch (RuntimeException e) { // a bug must not stop the preview: show it, keep watching
            server.showError(errorPage(
                    List.of(Problem.of(siteDir, "internal error while building (" + e + "); please report it"))));
            log.accept("Midad: internal error while building: " + e);
            return false;
        }
    }

    /** The images encoded in the background are in the cache: write them and reload open pages. */
    private synchronized void imagesReady() {
        try {
            IncrementalBuilder.Rebuild result = builder.rebuildImages();
            server.reload();
            log.accept("Midad: resized images ready; " + result.summary());
        } catch (BuildException | RuntimeException e) { // the next save shows it; the page keeps its originals
            log.accept("Midad: resized images not written: " + e.getMessage());
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Set<Path> changed = new HashSet<>();
                boolean unknown = drain(key, changed);
                // collect the rest of a burst of events
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    unknown |= drain(more, changed);
                }
                if (unknown || !changed.isEmpty()) {
                    registerAll(); // new folders (a new month of articles) are watched too
                    rebuild(unknown ? Set.of() : changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.accept("Midad: stopped watching: " + e);
        }
    }

    /**
     * Adds the source paths of {@code key}'s events to {@code changed}; true when events were lost (the
     * system's queue overflowed), so that anything may have changed.
     */
    private boolean drain(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
            } else if (event.context() instanceof Path name && isSource(dir.resolve(name))) {
                changed.add(dir.resolve(name));
            }
        }
        key.reset();
        return lost;
    }

    /** Sources are everything in the site folder except the output and build folders and hidden files. */
    private boolean isSource(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        if (normalized.startsWith(outputDir) || normalized.startsWith(siteDir.resolve("target"))) {
            return false;
        }
        for (Path part : siteDir.relativize(normalized)) {
            if (part.toString().startsWith(".") || part.toString().endsWith("~")) {
                return false;
            }
        }
        return true;
    }

    /** Watches every source folder; the output and build folders are not descended into. */
    private void registerAll() throws IOException {
        Files.walkFileTree(siteDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(siteDir) && !isSource(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished while walking: nothing to watch
            }
        });
    }

    static String errorPage(List<Problem> problems) {
        StringBuilder items = new StringBuilder();
        for (Problem problem : problems) {
            items.append("<li><code>").append(escape(problem.toString())).append("</code></li>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>Midad: مشكلات في الموقع</title>
                <style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.7}
                code{direction:ltr;unicode-bidi:isolate;display:block;white-space:pre-wrap;background:#fee;padding:.5rem}
                li{margin-block:.5rem}</style></head>
                <body><h1>لم يُبنَ الموقع: صحّح المشكلات التالية</h1>
                <p>تُحدَّث هذه الصفحة تلقائياً بعد حفظ الملف.</p>
                <ol>
                """ + items + "</ol></body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private void saveManifest() {
        try {
            builder.close();
        } catch (IOException e) {
            // without a manifest the next build gives every file a new time: slower uploads, nothing wrong
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(saveOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook saves it
        }
        // the loop ends at its next wait for events: a rebuild under way finishes first (an interrupt would
        // close the channels it writes with), so nothing writes into the folder once this returns
        watcher.close();
        encoder.shutdownNow(); // encodes not started are dropped; those running finish their write
        try {
            loop.join(STOP_MILLIS);
            if (loop.isAlive()) {
                loop.interrupt();
                loop.join(STOP_MILLIS);
            }
            encoder.awaitTermination(STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            loop.interrupt();
            Thread.currentThread().interrupt();
        }
        server.close();
        builder.close();
    }
}
