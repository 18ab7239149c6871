package dev.midad.render;

import dev.midad.cache.Fingerprint;
import dev.midad.cache.ValueCodec;
import dev.midad.model.ArticleView;
import dev.midad.model.build.Links;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Remembers what every output file was rendered from, so the next build in the same JVM renders only files
 * whose inputs changed: after an edit to one article that is its page, the lists, feeds and sitemaps it
 * appears in and the pages that show it as related — not the thousands of others.
 *
 * <p>A file is skipped when its template set is the same (a new {@link RenderMemo} comes with new templates)
 * and its data model is the same value as last time, with one refinement that makes it precise: an article
 * the template did not use last time (it sits in a term's full list that a list page only counts) is compared
 * by address only; an article it used is compared whole. A template that read the clock
 * ({@code relative(date)}) is always rendered again. This is sound because a template's output depends only
 * on what it read: if everything it read is the same, it reads and writes the same again.
 *
 * <p>Entries of a build become visible to the next build only through {@link #commit(Round)}, after that build
 * was published: a failed build must not make the next one skip files it never wrote. Also caches per-article
 * derived HTML (absolute links for feeds, AMP markup), keyed by article address and checked by identity.
 */
public final class RenderMemo {
    /**
     * What one file was rendered from: its data in this JVM, or only their fingerprint when restored from the
     * build cache ({@link #restore}), with the stored value it was restored from (saved again as it is).
     */
    private record Entry(
            String template,
            Map<String, Object> data,
            Set<String> articlesRead,
            Fingerprint.Value print,
            Stored restored) {}

    /** What one file was rendered from, as the build cache stores it. */
    public record Stored(String file, String template, Fingerprint.Value print, List<String> articlesRead) {}

    /**
     * The files one planning step made (an article's pages, a term's list pages, a feed), as the build cache
     * stores them: the fingerprint of the step's inputs, and each file (without the edition's prefix) with its
     * template. A build in another JVM whose step has the same inputs keeps these files without making their
     * data at all.
     */
    public record StoredGroup(String key, Fingerprint.Value inputs, List<String> files, List<String> templates) {
        public StoredGroup {
            files = List.copyOf(files);
            templates = List.copyOf(templates);
        }
    }

    /** One build's entries, published by {@link #commit(Round)}. */
    public static final class Round {
        private final RenderMemo memo;
        private final Map<String, Entry> entries;
        private final Map<String, Derived> derived;
        private final Set<String> used = ConcurrentHashMap.newKeySet();
        private final Map<String, Integer> computed = new ConcurrentHashMap<>();
        private final List<List<ArticleView>> articles = new java.util.concurrent.CopyOnWriteArrayList<>();
        private int rendered;
        private final java.util.concurrent.atomic.AtomicInteger unplanned =
                new java.util.concurrent.atomic.AtomicInteger();

        private Round(RenderMemo memo) {
            this.memo = memo;
            this.derived = memo == null ? new ConcurrentHashMap<>() : memo.derived;
            // sized for as many files as last time: growing a map of 500,000 entries copies it over and over
            this.entries = new ConcurrentHashMap<>(memo == null ? 16 : memo.entries.size() + 16);
        }

        /**
         * {@code compute(article)} for {@code kind} ("amp", "feed"), cached while the article is the same
         * object (the model reuses the view of an unchanged article).
         */
        @SuppressWarnings("unchecked")
        public <T> T derived(String kind, ArticleView article, Function<ArticleView, T> compute) {
            String key = kind + " " + article.url();
            Derived cached = derived.get(key);
            if (cached != null && cached.from() == article) {
                return (T) cached.value();
            }
            T value = compute.apply(article);
            derived.put(key, new Derived(article, value));
            computed.merge(kind, 1, Integer::sum);
            return value;
        }

        /** How many values of {@code kind} this round computed rather than took from the memo. */
        public int computed(String kind) {
            return computed.getOrDefault(kind, 0);
        }

        /** True when {@code file} was rendered from the same inputs last time (its bytes can be kept). */
        boolean unchanged(String file, String template, Map<String, Object> data) {
            Entry last = memo == null ? null : memo.entries.get(file);
            if (last == null
                    || !last.template().equals(template)
                    || !(last.data() != null
                            ? same(last.data(), data, last.articlesRead())
                            : memo.matches(last, data))) {
                return false;
            }
            entries.put(file, last);
            return true;
        }

        void rendered(String file, String template, Map<String, Object> data, Templates.Reads reads) {
            synchronized (this) {
                rendered++;
            }
            if (memo != null && !reads.clock()) {
                entries.put(file, new Entry(template, data, reads.articles(), null, null));
            }
        }

        /**
         * The value {@code make} made last time for {@code key} when every input is the same value as then
         * (usually the very same objects, which compare at a glance); else a new one. Lets a renderer skip even
         * building the jobs of a page whose inputs did not change. Inputs must include everything {@code make}
         * reads, and the value must not hold on to the renderer or the round.
         */
        @SuppressWarnings("unchecked")
        <T> T reuse(String key, List<Object> inputs, Supplier<T> make) {
            if (memo == null) {
                return make.get();
            }
            used.add(key);
            Made last = memo.made.get(key);
            if (last != null && same(last.inputs(), inputs, null)) {
                return (T) last.value();
            }
            T value = make.get();
            memo.made.put(key, new Made(inputs, value, null, false, null));
            return value;
        }

        /**
         * {@link #reuse} for a step that makes jobs. Restored from the build cache, a step whose inputs have the
         * fingerprint they had then, and whose files all have an entry with the same template, returns kept jobs
         * ({@link SiteRenderer.Job#kept}): the files are known unchanged without making their data.
         */
        @SuppressWarnings("unchecked")
        List<SiteRenderer.Job> jobs(
                String key, String filePrefix, List<Object> inputs, Supplier<List<SiteRenderer.Job>> make) {
            if (memo == null) {
                return make.get();
            }
            used.add(key);
            Made last = memo.made.get(key);
            if (last != null && same(last.inputs(), inputs, null)) {
                return (List<SiteRenderer.Job>) last.value();
            }
            Fingerprint.Value print = null;
            StoredGroup restored = memo.groups.get(key);
            if (restored != null) {
                print = memo.inputsPrint(inputs);
                if (restored.inputs().equals(print) && memo.hasEntries(filePrefix, restored)) {
                    List<SiteRenderer.Job> kept =
                            new java.util.ArrayList<>(restored.files().size());
                    for (int i = 0; i < restored.files().size(); i++) {
                        kept.add(SiteRenderer.Job.kept(
                                restored.files().get(i), restored.templates().get(i)));
                    }
                    memo.made.put(key, new Made(inputs, kept, print, true, restored));
                    return kept;
                }
            }
            List<SiteRenderer.Job> value = make.get();
            memo.made.put(key, new Made(inputs, value, print, true, null));
            return value;
        }

        /** Keeps the entry of a file {@link #jobs} returned as kept. */
        void keep(String file) {
            entries.put(file, memo.entries.get(file));
            unplanned.incrementAndGet();
        }

        /** Files this round kept without making their data: their step's inputs were as in the cached build. */
        public int unplanned() {
            return unplanned.get();
        }

        /** The articles of an edition rendered in this round (values derived from others can be dropped). */
        void articles(List<ArticleView> published) {
            articles.add(published);
        }

        /** Files rendered (not skipped) in this round. */
        public synchronized int renderedCount() {
            return rendered;
        }
    }

    private volatile Map<String, Entry> entries = Map.of();
    private final Map<String, Made> made = new ConcurrentHashMap<>();

    /**
     * What a step made: its inputs, its value, the inputs' fingerprint when known, whether it made jobs, and
     * the stored step its kept jobs came from (saved again as it is).
     */
    private record Made(
            List<Object> inputs, Object value, Fingerprint.Value print, boolean jobs, StoredGroup restored) {}

    /** Steps restored from the build cache, by key (see {@link StoredGroup}). */
    private Map<String, StoredGroup> groups = Map.of();

    private final Map<String, Derived> derived = new ConcurrentHashMap<>();

    /**
     * A memo filled from the build cache: every file is compared with its stored fingerprint, and a step whose
     * inputs are as they were keeps its files without making their data.
     */
    public static RenderMemo restore(List<Stored> stored, List<StoredGroup> groups) {
        RenderMemo memo = new RenderMemo();
        Map<String, StoredGroup> byKey = new java.util.HashMap<>(groups.size() * 2);
        groups.forEach(group -> byKey.put(group.key(), group));
        memo.groups = byKey;
        Map<String, Entry> entries = new java.util.HashMap<>(stored.size() * 2);
        for (Stored entry : stored) {
            entries.put(
                    entry.file(),
                    new Entry(entry.template(), null, SortedReads.of(entry.articlesRead()), entry.print(), entry));
        }
        memo.entries = entries;
        return memo;
    }

    /**
     * A stored read list as a set, without copying it: stored lists are sorted (see {@link #storedEntries}),
     * so looking an address up is a binary search. Restoring makes one for each of a site's files (51,883 at
     * 10,000 articles) and most are never asked.
     */
    private static final class SortedReads extends java.util.AbstractSet<String> {
        private final List<String> sorted;

        private SortedReads(List<String> sorted) {
            this.sorted = sorted;
        }

        static Set<String> of(List<String> read) {
            for (int i = 1; i < read.size(); i++) {
                if (read.get(i - 1).compareTo(read.get(i)) >= 0) {
                    return Set.copyOf(read); // not written by this version's storedEntries: no shortcut
                }
            }
            return new SortedReads(read);
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && java.util.Collections.binarySearch(sorted, s) >= 0;
        }

        @Override
        public Iterator<String> iterator() {
            return sorted.iterator();
        }

        @Override
        public int size() {
            return sorted.size();
        }
    }

    /**
     * The committed entries for the build cache, each with its data's fingerprint; a file whose data cannot be
     * fingerprinted is left out (it is rendered again next time). In no set order: the cache sorts each slice
     * it writes.
     */
    public List<Stored> stored() {
        try {
            return storedEntries();
        } finally {
            fingerprints.forgetShared();
        }
    }

    private List<Stored> storedEntries() {
        return entries.entrySet().parallelStream()
                .map(e -> {
                    Entry entry = e.getValue();
                    if (entry.restored() != null) {
                        return entry.restored(); // kept: the very value read, which its slice compares at a glance
                    }
                    try {
                        Fingerprint.Value print = entry.print() != null
                                ? entry.print()
                                : fingerprints.of(entry.data(), entry.articlesRead());
                        // sorted: the same reads give the same value, and the cache's slice holding it is kept
                        List<String> read =
                                entry.articlesRead().stream().sorted().toList();
                        return new Stored(e.getKey(), entry.template(), print, read);
                    } catch (ValueCodec.UnsupportedValueException ex) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * The steps of the committed round that made jobs, for the build cache: each with its inputs' fingerprint
     * (a step whose inputs cannot be fingerprinted is left out: it makes its jobs again next time). In no set
     * order, as {@link #stored}.
     */
    public List<StoredGroup> storedGroups() {
        return made.entrySet().parallelStream()
                .filter(e -> e.getValue().jobs())
                .map(e -> {
                    Made step = e.getValue();
                    if (step.restored() != null) {
                        return step.restored();
                    }
                    Fingerprint.Value print = step.print() != null ? step.print() : inputsPrint(step.inputs());
                    if (print == null) {
                        return null;
                    }
                    @SuppressWarnings("unchecked")
                    List<SiteRenderer.Job> jobs = (List<SiteRenderer.Job>) step.value();
                    return new StoredGroup(
                            e.getKey(),
                            print,
                            jobs.stream().map(SiteRenderer.Job::file).toList(),
                            jobs.stream().map(SiteRenderer.Job::template).toList());
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Whole-article hashes by article object, for the build cache (see {@link Fingerprint#wholes}). */
    public Map<ArticleView, Fingerprint.Value> articlePrints() {
        return fingerprints.wholes();
    }

    /** Takes on an article's whole hash a build in another JVM computed, for the restored article object. */
    public void restoreArticlePrint(ArticleView article, Fingerprint.Value print) {
        fingerprints.restoreWhole(article, print);
    }

    /** The address rules count by type: the cache keys (site.yaml, static files) decide them. */
    private final Fingerprint fingerprints = new Fingerprint(value -> value instanceof Links);

    private Fingerprint.Value inputsPrint(List<Object> inputs) {
        try {
            return fingerprints.ofInputs(inputs);
        } catch (ValueCodec.UnsupportedValueException e) {
            return null;
        }
    }

    /** Whether every file of {@code group} has a restored entry with its template. */
    private boolean hasEntries(String filePrefix, StoredGroup group) {
        for (int i = 0; i < group.files().size(); i++) {
            Entry entry = entries.get(filePrefix + group.files().get(i));
            if (entry == null || !entry.template().equals(group.templates().get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(Entry last, Map<String, Object> data) {
        try {
            return fingerprints.of(data, last.articlesRead()).equals(last.print());
        } catch (ValueCodec.UnsupportedValueException e) {
            return false;
        }
    }

    /** A round for a build without memory (a one-off build): renders everything, remembers nothing. */
    public static Round none() {
        return new Round(null);
    }

    /** A round that skips what the last committed round rendered from the same inputs. */
    public Round begin() {
        return new Round(this);
    }

    /** The round's build was published: the next round compares against it. */
    public void commit(Round round) {
        fingerprints.forgetShared(); // the lists of this round's model, compared with its restored entries
        entries = round.entries; // no longer written to
        if (made.size() > round.used.size()) {
            made.keySet().retainAll(round.used); // what deleted pages made must not stay in memory
        }
        int current = round.articles.stream().mapToInt(List::size).sum();
        if (derived.size() > 3 * current) { // (2 kinds per article) some belong to articles that are gone
            Set<String> urls = new java.util.HashSet<>();
            round.articles.forEach(list -> list.forEach(a -> urls.add(a.url())));
            derived.keySet().removeIf(key -> !urls.contains(key.substring(key.indexOf(' ') + 1)));
        }
    }

    private record Derived(ArticleView from, Object value) {}

    /**
     * The values derived for {@code kind} in the committed rounds, by the article they were derived from: for
     * the build cache, which restores them with {@link #restoreDerived} onto the same (restored) article objects.
     */
    public Map<ArticleView, Object> derivedOf(String kind) {
        Map<ArticleView, Object> values = new java.util.IdentityHashMap<>();
        String prefix = kind + " ";
        derived.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(value.from(), value.value());
            }
        });
        return values;
    }

    /**
     * Takes on a value a build in another JVM derived for {@code kind} from {@code from}: used while the model
     * still holds that very article object (it does for every article that did not change).
     */
    public void restoreDerived(String kind, ArticleView from, Object value) {
        derived.put(kind + " " + from.url(), new Derived(from, value));
    }

    /**
     * Value equality, except that articles not in {@code read} need only the same address ({@code read} null:
     * every article counts whole).
     */
    static boolean same(Object a, Object b, Set<String> read) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof ArticleView x && b instanceof ArticleView y) {
            return x.url().equals(y.url()) && ((read != null && !read.contains(x.url())) || x.equals(y));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!same(i.next(), j.next(), read)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.get(entry.getKey()), read)) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        MethodHandle[] accessors = a instanceof Record ? ACCESSORS.get(a.getClass()) : null;
        if (accessors != null) {
            for (MethodHandle accessor : accessors) {
                try {
                    if (!same((Object) accessor.invokeExact(a), (Object) accessor.invokeExact(b), read)) {
                        return false;
                    }
                } catch (Throwable e) {
                    return false; // an accessor that throws: treat as changed
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Record component accessors per class, typed {@code (Object)Object} for fast calls (the JDK's per-class
     * cache; immutable once computed). Null for a record that cannot hold an article (its equals is exact and
     * faster) and for one this class may not look into (compared with its equals, which is conservative).
     */
    private static final ClassValue<MethodHandle[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            if (!mayHoldArticle(type, new java.util.HashSet<>())) {
                return null;
            }
            RecordComponent[] components = type.getRecordComponents();
            MethodHandle[] accessors = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    accessors[i] = MethodHandles.publicLookup()
                            .unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
            return accessors;
        }
    };

    /** Whether a value of {@code type} (with these generic arguments) can reach an {@link ArticleView}. */
    private static boolean mayHoldArticle(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                if (mayHoldArticle(argument, seen)) {
                    return true;
                }
            }
            return mayHoldArticle(generic.getRawType(), seen) && !isContainer(generic.getRawType());
        }
        if (!(type instanceof Class<?> c)) {
            return true; // a wildcard or type variable: could be anything
        }
        if (c == ArticleView.class || c == Object.class) {
            return true;
        }
        if (c.isPrimitive()
                || c == String.class
                || Number.class.isAssignableFrom(c)
                || c == Boolean.class
                || c.getName().startsWith("java.time.")
                || c.isEnum()) {
            return false;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (mayHoldArticle(component.getGenericType(), seen)) {
                    return true;
                }
            }
            return false;
        }
        return true; // a raw List, Map or other class: could hold anything
    }

    private static boolean isContainer(Type raw) {
        return raw == List.class || raw == Map.class || raw == Set.class || raw == java.util.Collection.class;
    }
}
