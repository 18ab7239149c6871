package dev.midad.content;

import dev.midad.problem.Problem;
import dev.midad.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed source files kept between builds in one JVM (the live preview): a file whose size, modification time
 * and identity (inode) are as before is not read again. A caller that knows a file changed (a watcher event)
 * says so with {@link #forget}, which also covers file systems with coarse modification times. Only valid for
 * one site configuration: parsing depends on it. Thread-safe.
 */
public final class SourceCache {
    /**
     * @param stamp size, modification time and identity of the file when it was parsed
     * @param hash  XXH3-128 of its bytes then: a file that only looks changed (a fresh checkout) is not parsed again
     * @param link  the file is a symbolic link: its target may change without the watcher naming the link
     * @param restored the value the build cache held, while the entry is that one (saved again as it is)
     */
    private record Entry(
            String stamp, String hash, Object parsed, List<Problem> problems, boolean link, Saved restored) {}

    /** One parsed file as the build cache stores it (see {@link #saved()}). */
    public record Saved(Path file, String stamp, String hash, Object parsed, List<Problem> problems, boolean link) {}

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    /** The last listing of each content folder, with the problems found while listing it. */
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();
    /** Files reported changed since the last completed load. */
    private final Set<Path> changedSinceLoad = ConcurrentHashMap.newKeySet();
    /** Whether every report since the last completed load was complete (named every change). */
    private volatile boolean reportsComplete;

    /**
     * Source files of one content folder, sorted, and problems with files left out (links leaving the site).
     *
     * @param stamps the files' stamps as the walk that listed them read them (none for links and for a listing
     *               brought up to date from reports): {@link #get} need not read them again
     */
    record Listing(List<Path> files, List<Problem> problems, Map<Path, String> stamps) {
        Listing(List<Path> files, List<Problem> problems) {
            this(files, problems, Map.of());
        }
    }

    /**
     * The file's problems are added to {@code problems}; the parsed value (null with problems) is returned.
     *
     * @param walked the file's stamp as its folder's walk read it just now, or null: read here
     */
    @SuppressWarnings("unchecked")
    <T> T get(Path file, String walked, List<Problem> problems, Function<List<Problem>, T> parse) {
        Entry known = !reportsComplete || changedSinceLoad.contains(file) ? null : entries.get(file);
        if (known != null && !known.link()) { // nothing else changed: no need to look at the file
            problems.addAll(known.problems());
            return (T) known.parsed();
        }
        String stamp = walked != null ? walked : stamp(file);
        Entry entry = stamp == null ? null : entries.get(file);
        if (entry == null || !entry.stamp().equals(stamp)) {
            // hash before parsing: if the file changes meanwhile, the hash is the older content's
            String hash = stamp == null ? null : hash(file);
            if (entry != null && entry.hash() != null && entry.hash().equals(hash)) {
                entry = new Entry(stamp, hash, entry.parsed(), entry.problems(), entry.link(), null);
            } else {
                List<Problem> found = new java.util.ArrayList<>();
                T parsed = parse.apply(found);
                entry = new Entry(stamp, hash, parsed, List.copyOf(found), Files.isSymbolicLink(file), null);
            }
            if (stamp != null) {
                entries.put(file, entry);
            }
        }
        problems.addAll(entry.problems());
        return (T) entry.parsed();
    }

    /** Drops every file not listed: deleted files must not keep their memory. */
    void retainOnly(List<Path> articles, List<Path> pages) {
        if (entries.size() > articles.size() + pages.size()) {
            Set<Path> present = new java.util.HashSet<>(articles);
            present.addAll(pages);
            entries.keySet().retainAll(present);
        }
    }

    /**
     * These files changed (or may have): read them again next time.
     *
     * @param complete true when nothing else under the content folders changed (a watcher's report naming only
     *                 files): the next load then neither lists folders nor looks at any other file
     */
    public void forget(Collection<Path> files, boolean complete) {
        for (Path file : files) {
            Path normalized = file.toAbsolutePath().normalize();
            entries.remove(normalized);
            changedSinceLoad.add(normalized);
        }
        if (!complete) {
            reportsComplete = false; // until a load has looked at everything
        }
    }

    /**
     * The listing of {@code dir}: the last one brought up to date with the changed files when the changes are
     * known, else {@code list} run again.
     *
     * @param belongs whether a changed file is a source file of this folder (and may be published)
     */
    Listing listing(
            Path dir,
            java.util.function.Supplier<Listing> list,
            java.util.function.BiPredicate<Path, List<Problem>> belongs) {
        Set<Path> changed = changedSinceLoad;
        Listing last = listings.get(dir);
        Listing listing;
        if (!reportsComplete || last == null) {
            Listing walked = list.get();
            listings.put(dir, new Listing(walked.files(), walked.problems())); // its stamps age
            return walked;
        } else if (changed.stream().noneMatch(file -> file.startsWith(dir))) {
            listing = last;
        } else {
            List<Path> files = new java.util.ArrayList<>(last.files()); // sorted: insert in place, no sort
            List<Problem> problems = new java.util.ArrayList<>(last.problems());
            for (Path file : changed) {
                if (file.startsWith(dir)) {
                    int at = java.util.Collections.binarySearch(files, file);
                    if (at >= 0) {
                        files.remove(at);
                    }
                    problems.removeIf(p -> p.file() != null && file.endsWith(p.file()));
                    if (Files.isRegularFile(file) && belongs.test(file, problems)) {
                        files.add(-java.util.Collections.binarySearch(files, file) - 1, file);
                    }
                }
            }
            listing = new Listing(List.copyOf(files), List.copyOf(problems));
        }
        listings.put(dir, listing);
        return listing;
    }

    /**
     * A load has looked at everything it had to: from now on only files reported since count as changed. (A
     * load that never got here — site.yaml broken — leaves the reports to the next one.)
     */
    void loaded() {
        changedSinceLoad.clear();
        reportsComplete = true;
    }

    private static String stamp(Path file) {
        try {
            return Digests.stamp(file);
        } catch (IOException e) {
            return null; // vanished meanwhile: parse, which reports it
        }
    }

    private static String hash(Path file) {
        try {
            return Digests.xxh3Hex(Files.readAllBytes(file)); // every source a full build reads: not SHA-256
        } catch (IOException e) {
            return null; // unreadable: parse, which reports it
        }
    }

    /** Every file's parsed value (null for a file that could not be parsed), in no set order. */
    public List<Object> parsed() {
        return entries.values().stream().map(Entry::parsed).toList();
    }

    /** Every parsed file, for the build cache, in no set order (the cache sorts each part it writes). */
    public List<Saved> saved() {
        return entries.entrySet().stream()
                .map(e -> e.getValue().restored() != null
                        ? e.getValue().restored()
                        : new Saved(
                                e.getKey(),
                                e.getValue().stamp(),
                                e.getValue().hash(),
                                e.getValue().parsed(),
                                e.getValue().problems(),
                                e.getValue().link()))
                .toList();
    }

    /**
     * A cache holding what a build in another JVM parsed: every file is still looked at (its stamp, and its
     * bytes' hash when the stamp differs) before its parsed value is used.
     */
    public static SourceCache restore(List<Saved> saved) {
        SourceCache cache = new SourceCache();
        for (Saved file : saved) {
            cache.entries.put(
                    file.file(),
                    new Entry(
                            file.stamp(), file.hash(), file.parsed(), List.copyOf(file.problems()), file.link(), file));
        }
        return cache;
    }
}
