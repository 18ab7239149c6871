package dev.midad;

import java.nio.file.Path;
import java.time.Duration;

/** What a finished build wrote. */
public record BuildResult(Path outputDir, int articles, int pages, int feeds, int files, int unchanged,
                          Duration elapsed) {

    /** One-line summary for logs. */
    public String summary() {
        return "Midad: %d articles, %d pages, %d feeds, %d files (%d unchanged) in %d ms -> %s".formatted(
                articles, pages, feeds, files, unchanged, elapsed.toMillis(), outputDir.resolve("index.html"));
    }
}
