package dev.midad;

import java.nio.file.Path;
import java.time.Duration;

/** What a finished build wrote. */
public record BuildResult(Path outputDir, int articles, int pages, int feeds, int files, Duration elapsed) {

    /** One-line summary for logs. */
    public String summary() {
        return "Midad: %d articles, %d pages, %d feeds, %d files in %d ms -> %s".formatted(
                articles, pages, feeds, files, elapsed.toMillis(), outputDir.resolve("index.html"));
    }
}
