package dev.midad.importer;

import dev.midad.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: every source item is either imported (with the file written) or skipped (with the
 * reason); problems are things to check by hand, such as characters dropped or embeds the site may remove.
 *
 * @param imported items written, in source order
 * @param skipped  items not written, in source order
 * @param problems warnings; none of them stopped the import
 */
public record ImportReport(List<Imported> imported, List<Skipped> skipped, List<Problem> problems) {

    public ImportReport {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
        problems = List.copyOf(problems);
    }

    /**
     * One item written.
     *
     * @param source      what it was, e.g. {@code post 101} or {@code seeds/000_x.txt}
     * @param title       its title
     * @param file        the Markdown file, relative to the site folder
     * @param overwritten true when the file existed and was replaced
     */
    public record Imported(String source, String title, Path file, boolean overwritten) {}

    /**
     * One item not written.
     *
     * @param source what it was, e.g. {@code attachment 120}
     * @param reason why, in words an editor understands
     * @param failed true when it should have been imported but could not be (no usable date, no text, not
     *               UTF-8); false when leaving it out is what an import does (attachments, menu items, files kept)
     */
    public record Skipped(String source, String reason, boolean failed) {}

    /** Items that could not be imported: an import exits with an error only when there are any. */
    public List<Skipped> failed() {
        return skipped.stream().filter(Skipped::failed).toList();
    }

    /** The file written for {@code source}, if it was imported. */
    public Path fileOf(String source) {
        return imported.stream()
                .filter(i -> i.source().equals(source))
                .map(Imported::file)
                .findFirst()
                .orElse(null);
    }

    /** The reason {@code source} was skipped, or null if it was not. */
    public String reasonSkipped(String source) {
        return skipped.stream()
                .filter(s -> s.source().equals(source))
                .map(Skipped::reason)
                .findFirst()
                .orElse(null);
    }

    /** This report followed by {@code other}'s entries. */
    public ImportReport and(ImportReport other) {
        List<Imported> i = new ArrayList<>(imported);
        i.addAll(other.imported);
        List<Skipped> s = new ArrayList<>(skipped);
        s.addAll(other.skipped);
        List<Problem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new ImportReport(i, s, p);
    }

    /** One line of counts, e.g. "Midad import: 5 imported (1 replaced), 3 skipped, 2 problems". */
    public String headline() {
        long replaced = imported.stream().filter(Imported::overwritten).count();
        return "Midad import: " + imported.size() + " imported" + (replaced > 0 ? " (" + replaced + " replaced)" : "")
                + ", " + skipped.size() + " skipped"
                + (failed().isEmpty() ? "" : " (" + failed().size() + " could not be imported)") + ", "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems");
    }

    /** The headline, then every imported, skipped and problem entry on its own line. */
    public String summary() {
        StringBuilder out = new StringBuilder(headline());
        if (!imported.isEmpty()) {
            out.append("\nImported:");
            for (Imported i : imported) {
                out.append("\n  ")
                        .append(i.source())
                        .append(" → ")
                        .append(slashes(i.file()))
                        .append(i.overwritten() ? " (replaced the existing file)" : "")
                        .append("  «")
                        .append(i.title())
                        .append('»');
            }
        }
        if (!skipped.isEmpty()) {
            out.append("\nSkipped:");
            for (Skipped s : skipped) {
                out.append("\n  ").append(s.source()).append(": ").append(s.reason());
            }
        }
        if (!problems.isEmpty()) {
            out.append("\nCheck:");
            for (Problem p : problems) {
                out.append("\n  ").append(p);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Collects entries while an import runs; not thread-safe. */
    static final class Builder {
        private final List<Imported> imported = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        void imported(String source, String title, Path file, boolean overwritten) {
            imported.add(new Imported(source, title, file, overwritten));
        }

        void skipped(String source, String reason) {
            skipped.add(new Skipped(source, reason, false));
        }

        /** {@code source} should have been imported but could not be. */
        void failed(String source, String reason) {
            skipped.add(new Skipped(source, reason, true));
        }

        void problem(Problem problem) {
            problems.add(problem);
        }

        ImportReport build() {
            return new ImportReport(imported, skipped, problems);
        }
    }
}
