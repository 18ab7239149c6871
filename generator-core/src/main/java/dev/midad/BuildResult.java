package dev.midad;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a finished build wrote, and its warnings (problems that did not stop it). */
public record BuildResult(Path outputDir, int articles, int pages, int feeds, int files, int unchanged,
                          Duration elapsed, List<Problem> warnings) {

    public BuildResult {
        warnings = List.copyOf(warnings);
    }

    public BuildResult(Path outputDir, int articles, int pages, int feeds, int files, int unchanged,
                       Duration elapsed) {
        this(outputDir, articles, pages, feeds, files, unchanged, elapsed, List.of());
    }

    /** One-line summary for logs. */
    public String summary() {
        return "Midad: %d articles, %d pages, %d feeds, %d files (%d unchanged) in %d ms -> %s".formatted(
                articles, pages, feeds, files, unchanged, elapsed.toMillis(), outputDir.resolve("index.html"));
    }
}
