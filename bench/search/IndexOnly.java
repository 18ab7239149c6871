import dev.midad.BuildOptions;
import dev.midad.problem.Problem;
import dev.midad.Site;
import dev.midad.render.RenderMemo;
import dev.midad.search.SearchIndex;
import dev.midad.write.StagedOutput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Midad's search index alone, for the comparison with Pagefind (which indexes a site already built): loads
 * the site, then times writing the main edition's index into OUT.
 *   java -cp midad-core-cli.jar bench/search/IndexOnly.java SITE OUT
 */
public class IndexOnly {
    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        Site site = Site.load(Path.of(args[0]), BuildOptions.defaults());
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        int files;
        try (StagedOutput out = new StagedOutput(Path.of(args[1]))) {
            files = SearchIndex.write(site.model().articles(), "", out, problems, RenderMemo.none());
            out.commit();
        }
        long end = System.nanoTime();
        System.out.printf("load_ms\t%d%nindex_ms\t%d%nfiles\t%d%nproblems\t%d%n", (start - loadStart) / 1_000_000,
                (end - start) / 1_000_000, files, problems.size());
    }
}
