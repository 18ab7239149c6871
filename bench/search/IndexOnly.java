import dev.midad.BuildOptions;
import dev.midad.problem.Problem;
import dev.midad.Site;
import dev.midad.render.RenderMemo;
import dev.midad.search.SearchIndex;
import dev.midad.write.StagedOutput;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Midad's search index alone, for the comparison with Pagefind (which indexes a site already built): loads
 * the site, then times writing the main edition's index into OUT, and measures what the index itself costs
 * in memory: the bytes it allocated (the index is written on one thread) and the peak of the heap while it
 * ran above the heap the loaded site holds (after a full collection), in MB; and its CPU time, of the index's
 * thread and of the whole process meanwhile (collector and compiler included), which a loaded machine does not
 * inflate as it does the wall time.
 *   java -cp midad-core-cli.jar bench/search/IndexOnly.java SITE OUT
 */
public class IndexOnly {
    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        Site site = Site.load(Path.of(args[0]), BuildOptions.defaults());
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        long loaded = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long processCpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        int files;
        try (StagedOutput out = new StagedOutput(Path.of(args[1]))) {
            files = SearchIndex.write(site.model().articles(), "", out, problems, RenderMemo.none(), null);
            out.commit();
        }
        long end = System.nanoTime();
        long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuBefore;
        long processCpu = os.getProcessCpuTime() - processCpuBefore;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "load_ms\t%d%nindex_ms\t%d%nfiles\t%d%nproblems\t%d%nsite_heap_mb\t%d%n"
                        + "index_allocated_mb\t%d%nindex_peak_above_site_mb\t%d%n"
                        + "index_thread_cpu_ms\t%d%nindex_process_cpu_ms\t%d%n",
                (start - loadStart) / 1_000_000,
                (end - start) / 1_000_000,
                files,
                problems.size(),
                loaded >> 20,
                allocated >> 20,
                Math.max(0, peak - loaded) >> 20,
                threadCpu / 1_000_000,
                processCpu / 1_000_000);
    }
}
