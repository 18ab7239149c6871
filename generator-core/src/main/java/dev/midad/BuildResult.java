package dev.midad;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a finished build wrote.
 *
 * @param draftsLeftOut articles marked {@code draft: true} that were not published (drafts not asked for)
 */
public record BuildResult(
        Path outputDir,
        int articles,
        int draftsLeftOut,
        int pages,
        int feeds,
        int files,
        int unchanged,
        Duration elapsed) {

    /** This result, the build having taken {@code elapsed} in all (a cached build: its cache read and saved). */
    BuildResult took(Duration elapsed) {
        return new BuildResult(outputDir, articles, draftsLeftOut, pages, feeds, files, unchanged, elapsed);
    }

    /** One-line summary for logs: "Midad: 3 articles, 1 draft not published, 5 pages, …". */
    public String summary() {
        return "Midad: %s, %d pages, %d feeds, %d files (%d unchanged) in %d ms -> %s"
                .formatted(articlesPublished(), pages, feeds, files, unchanged, elapsed.toMillis(), outputDir);
    }

    /** "3 articles, 1 draft not published": what the summary lines of every kind of build start with. */
    public String articlesPublished() {
        String drafts = draftsLeftOut == 0
                ? ""
                : ", %d %s not published".formatted(draftsLeftOut, draftsLeftOut == 1 ? "draft" : "drafts");
        return "%d %s%s".formatted(articles, articles == 1 ? "article" : "articles", drafts);
    }

    /**
     * The line to end a build's log with: opened as a file, index.html shows an unstyled page (the site's links
     * are root-relative), so it names the command that serves the site instead.
     *
     * @param serveCommand how this tool's user starts the preview, e.g. {@code midad serve content}
     */
    public static String viewHint(String serveCommand) {
        return "Midad: to look at the site, run " + serveCommand
                + " (or serve the folder with any web server; opened as a file it shows unstyled)";
    }
}
