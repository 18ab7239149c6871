import dev.midad.BuildOptions;
import dev.midad.Site;
import dev.midad.render.RenderMemo;
import dev.midad.write.StagedOutput;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of the search index code on one loaded site, in one JVM, runs interleaved (A B A B …): the
 * fair before/after comparison on a shared machine. Each folder holds compiled {@code dev/midad/search/}
 * classes (e.g. unzipped from two jars); they are loaded first, the rest of Midad from the class path.
 *   java -XX:+UseSerialGC -cp midad-core-cli.jar bench/search/IndexAb.java SITE OUT CLASSES_A CLASSES_B [RUNS]
 * Prints per run: version, wall ms, MB allocated, MB of heap peak above the loaded site's heap.
 */
public class IndexAb {
    /** Loads dev.midad.search.* from its folder, everything else from the parent. */
    static final class SearchFirst extends URLClassLoader {
        SearchFirst(Path classes, ClassLoader parent) throws Exception {
            super(new URL[] {classes.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("dev.midad.search.")) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        c = findClass(name);
                    }
                    return c;
                }
                return super.loadClass(name, resolve);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Site site = Site.load(Path.of(args[0]), BuildOptions.defaults());
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Method[] versions = new Method[2];
        for (int v = 0; v < 2; v++) {
            Class<?> index = new SearchFirst(Path.of(args[2 + v]), IndexAb.class.getClassLoader())
                    .loadClass("dev.midad.search.SearchIndex");
            versions[v] = index.getMethod(
                    "write", List.class, String.class, dev.midad.write.SiteOutput.class, List.class,
                    RenderMemo.Round.class);
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("run\tversion\tms\tallocated_mb\tpeak_above_site_mb\tfiles\tload");
        for (int run = 0; run < 2 * runs; run++) {
            int v = run % 2;
            Path out = Path.of(args[1], run + "-" + "AB".charAt(v));
            System.gc();
            long loaded = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Object files;
            try (StagedOutput staged = new StagedOutput(out)) {
                files = versions[v].invoke(null, site.model().articles(), "", staged, new ArrayList<>(),
                        RenderMemo.none());
                staged.commit();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            String load = String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%d\t%s\t%d\t%d\t%d\t%s\t%s%n", run, "AB".charAt(v), ms, allocated >> 20,
                    Math.max(0, peak - loaded) >> 20, files, load);
        }
    }
}
