import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.Site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Warm-JVM figures for bench/run.sh (Midad has no watch mode or daemon yet, so this is what one could offer):
 * builds the same site several times in ONE JVM, then edits one article and rebuilds, several times.
 *
 * <pre>java -cp midad.jar bench/Warm.java SITE OUT [BUILDS=5] [EDITS=3] [EDITED_FILE]</pre>
 *
 * Prints lines "warm_full_ms V" (median of the builds after the first) and "warm_edit_ms V" (median of the
 * full rebuilds after an edit), plus every single figure on stderr. The edited file is restored at the end.
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
            String original = Files.readString(edited, StandardCharsets.UTF_8);
            List<Long> after = new ArrayList<>();
            try {
                for (int i = 0; i < edits; i++) {
                    Files.writeString(edited, original + "\nفقرة أضيفت للقياس رقم " + (i + 1) + ".\n",
                            StandardCharsets.UTF_8);
                    long ms = build(site, out);
                    System.err.println("warm rebuild after edit " + (i + 1) + ": " + ms + " ms");
                    after.add(ms);
                }
            } finally {
                Files.writeString(edited, original, StandardCharsets.UTF_8);
            }
            System.out.println("warm_edit_ms " + median(after));
        }
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
