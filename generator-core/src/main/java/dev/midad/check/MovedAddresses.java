package dev.midad.check;

import dev.midad.problem.Problem;
import dev.midad.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Notices a published article whose address changed by accident (a headline edit without {@code slug:}): every
 * shared link and open preview tab would end on the 404 page. Each build leaves, next to its output folder and its
 * manifest, the address of every article by source file ({@code .<name>.addresses}); the next build and
 * {@code check} compare against it and offer the {@code aliases:} line that keeps the old address working.
 */
public final class MovedAddresses {
    private MovedAddresses() {}

    /**
     * One published article.
     *
     * @param source  its Markdown file, relative to the site
     * @param path    its decoded site path, e.g. {@code /2024/06/بوتين/}
     * @param aliases its {@code aliases} as written
     */
    public record Published(String source, String path, List<String> aliases) {}

    static Path fileFor(Path outputDir) {
        return outputDir.resolveSibling("." + outputDir.getFileName() + ".addresses");
    }

    /** Addresses by source file, as the last build of {@code outputDir} left them; empty when there is none. */
    public static Map<String, String> previous(Path outputDir) {
        Map<String, String> addresses = new TreeMap<>();
        Path file = fileFor(outputDir);
        if (!Files.isRegularFile(file)) {
            return addresses;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    addresses.put(line.substring(tab + 1), line.substring(0, tab));
                }
            }
        } catch (IOException e) {
            return Map.of(); // unreadable: nothing to compare, the next build writes it anew
        }
        return addresses;
    }

    /**
     * The addresses the last build of one output folder left, read again only when their file changes: the live
     * preview compares at every rebuild, and an archive's file is a line per article.
     */
    public static final class Remembered {
        private final Path outputDir;
        private String stamp;
        private Map<String, String> addresses = Map.of();

        public Remembered(Path outputDir) {
            this.outputDir = outputDir;
        }

        /** {@link #previous} of the folder, from memory while its file has the same size and time. */
        public synchronized Map<String, String> get() {
            Path file = fileFor(outputDir);
            String now;
            try {
                now = Files.isRegularFile(file) ? Digests.stamp(file) : "none";
            } catch (IOException e) {
                now = null; // unreadable now: read (and fail) again next time
            }
            if (now == null || !now.equals(stamp)) {
                addresses = previous(outputDir);
                stamp = now;
            }
            return addresses;
        }
    }

    /**
     * A warning for every article whose address differs from {@code previous} while nothing redirects from the old
     * one ({@code redirected}: every decoded old path the site keeps).
     */
    public static List<Problem> warnings(Map<String, String> previous, List<Published> now, Set<String> redirected) {
        List<Problem> warnings = new ArrayList<>();
        for (Published article : now) {
            String before = previous.get(article.source());
            if (before == null || before.equals(article.path()) || redirected.contains(before)) {
                continue;
            }
            List<String> aliases = new ArrayList<>(article.aliases());
            aliases.add(before);
            warnings.add(Problem.of(
                    Path.of(article.source()),
                    "its address changed since the last build, from "
                            + before + " to " + article.path()
                            + ": links to the old one now end on the 404 page. To keep"
                            + " them working add this line to its front matter: aliases: [" + String.join(", ", aliases)
                            + "]" + (article.aliases().isEmpty() ? "" : " (it replaces the aliases line there)")
                            + ", or set slug: back to the old one"));
        }
        return warnings;
    }

    /** Records {@code now} for the next build of {@code outputDir}; a failure only costs the next comparison. */
    public static void save(Path outputDir, List<Published> now) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(now.stream()
                        .collect(java.util.stream.Collectors.toMap(Published::source, Published::path, (a, b) -> a)))
                .forEach((source, path) ->
                        lines.append(path).append('\t').append(source).append('\n'));
        Path file = fileFor(outputDir);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
