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
 *   java -XX:+UseSerialGC -cp midad-core-cli.jar bench/search/IndexAb.java SITE OUT CLASSES_A CLASSES_B [RUNS [LIVE_MS]]
 * Prints per run: version, wall ms, MB allocated, MB of heap peak above the loaded site's heap, and with
 * LIVE_MS the live heap above the site's: its largest value in full collections forced every LIVE_MS while the
 * index is written, and what is left after (what a build keeps for the next one: every article's terms, and the
 * index's memory when the version has one).
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
            for (Method method : index.getMethods()) { // with a SearchMemory parameter, or without (older)
                if (method.getName().equals("write") && method.getParameterCount() >= 5) {
                    versions[v] = method;
                }
            }
        }
        long liveEvery = args.length > 5 ? Long.parseLong(args[5]) : 0;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("run\tversion\tms\tallocated_mb\tpeak_above_site_mb\tfiles\tload\tlive_peak_mb\tlive_after_mb");
        for (int run = 0; run < 2 * runs; run++) {
            int v = run % 2;
            Path out = Path.of(args[1], run + "-" + "AB".charAt(v));
            System.gc();
            long loaded = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Object files;
            Object memory = versions[v].getParameterCount() == 6
                    ? versions[v].getParameterTypes()[5].getConstructor().newInstance()
                    : null;
            long[] livePeak = {0};
            Thread sampler = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(liveEvery);
                        System.gc();
                        livePeak[0] = Math.max(livePeak[0], heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum());
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            });
            if (liveEvery > 0) {
                sampler.start();
            }
            RenderMemo renders = new RenderMemo(); // keeps each article's terms, as a build does
            try (StagedOutput staged = new StagedOutput(out)) {
                files = memory == null && versions[v].getParameterCount() == 5
                        ? versions[v].invoke(null, site.model().articles(), "", staged, new ArrayList<>(),
                                renders.begin())
                        : versions[v].invoke(null, site.model().articles(), "", staged, new ArrayList<>(),
                                renders.begin(), memory);
                staged.commit();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            System.gc();
            long liveAfter = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            java.lang.ref.Reference.reachabilityFence(memory);
            java.lang.ref.Reference.reachabilityFence(renders);
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            String load = String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%d\t%s\t%d\t%d\t%d\t%s\t%s\t%d\t%d%n", run, "AB".charAt(v), ms, allocated >> 20,
                    Math.max(0, peak - loaded) >> 20, files, load, Math.max(0, livePeak[0] - loaded) >> 20,
                    Math.max(0, liveAfter - loaded) >> 20);
        }
    }
}
