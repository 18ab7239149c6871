import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.IncrementalBuilder;
import dev.midad.Site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Warm-JVM figures for bench/run.sh: builds the same site several times in ONE JVM (what a long-running
 * process pays for a full build), then measures what the live preview does after an editor saves one article:
 * {@link IncrementalBuilder#build} with the saved file named, as the watcher names it.
 *
 * <pre>java -cp midad.jar bench/Warm.java SITE OUT [BUILDS=5] [EDITS=3] [EDITED_FILE]</pre>
 *
 * Prints "warm_full_ms V" (median of the full builds after the first) and "incremental_edit_ms V" (median of
 * the incremental rebuilds after an edit: body paragraphs appended, then the title changed, alternately),
 * "incremental_first_ms V" (the preview's first, full build); every single figure on stderr. The edited file
 * is restored at the end.
 */
public final class Warm {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int builds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path edited = args.length > 4 ? Path.of(args[4]) : null;

        List<Long> full = new ArrayList<>();
        for (int i = 0; i < builds; i++) {
            long ms = build(site, out);
            System.err.println("warm build " + (i + 1) + ": " + ms + " ms");
            if (i > 0) {
                full.add(ms);
            }
        }
        System.out.println("warm_full_ms " + median(full));

        if (edited != null && edits > 0) {
            try (IncrementalBuilder preview = new IncrementalBuilder(site,
                    out.resolveSibling(out.getFileName() + "-preview"),
                    BuildOptions.defaults().withDrafts(true).withFuture(true))) { // as `serve` builds
                incremental(preview, edited, edits);
            }
        }
    }

    private static void incremental(IncrementalBuilder preview, Path edited, int edits) throws Exception {
        String original = Files.readString(edited, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        System.err.println("preview first build: " + preview.build(Set.of()).summary());
        System.out.println("incremental_first_ms " + (System.nanoTime() - start) / 1_000_000);
        List<Long> after = new ArrayList<>();
        try {
            for (int i = 0; i < edits; i++) {
                String text = i % 2 == 0
                        ? original + "\nفقرة أضيفت للقياس رقم " + (i + 1) + ".\n"
                        : original.replaceFirst("(?m)^title: \"?", "$0عاجل " + (i + 1) + " - ");
                Files.writeString(edited, text, StandardCharsets.UTF_8);
                start = System.nanoTime();
                IncrementalBuilder.Rebuild rebuild = preview.build(Set.of(edited));
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.err.println("incremental rebuild after " + (i % 2 == 0 ? "a body" : "a title") + " edit "
                        + (i + 1) + ": " + ms + " ms; " + rebuild.summary());
                after.add(ms);
            }
        } finally {
            Files.writeString(edited, original, StandardCharsets.UTF_8);
        }
        System.out.println("incremental_edit_ms " + median(after));
    }

    private static long build(Path site, Path out) throws Exception {
        long start = System.nanoTime();
        BuildResult result = Site.load(site, BuildOptions.defaults()).build(out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result.files() == 0) {
            throw new IllegalStateException("nothing built");
        }
        return ms;
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
