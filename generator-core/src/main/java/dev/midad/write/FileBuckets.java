package dev.midad.write;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map by output file, split into a power of two of buckets by the file's hash. A build after one
 * edit changes a few of 500,000 files: {@link #with} copies only the buckets that hold them and shares the
 * others with the previous map, and the build cache, which keeps one slice per bucket, finds the unchanged
 * ones at a glance (the very same objects).
 *
 * @param <V> what is kept per file (its SHA-256, as the manifest keeps it)
 */
public final class FileBuckets<V> extends AbstractMap<String, V> {
    /** About this many files a bucket (see {@link #bucketsFor}). */
    public static final int PER_BUCKET = 512;

    private final List<Map<String, V>> buckets;
    private final int size;
    private final Set<Map.Entry<String, V>> entries = new Entries();

    private FileBuckets(List<Map<String, V>> buckets) {
        this.buckets = buckets;
        int total = 0;
        for (Map<String, V> bucket : buckets) {
            total += bucket.size();
        }
        this.size = total;
    }

    /** A power of two of buckets that gives about {@code per} values a bucket, at least 8 buckets. */
    public static int bucketsFor(int values, int per) {
        return Integer.highestOneBit(Math.max(8, values / per) * 2 - 1);
    }

    /**
     * The bucket of {@code key} among {@code buckets}. The search index's files ({@code search/…}, or
     * {@code en/search/…} in an edition) keep to the first eighth of the buckets: a published article changes
     * a thousand of its shards, one in nearly every bucket, and the build cache rewrites each bucket's slice
     * whole, with the pages that share it (100,000 articles: 1,080 slices, 233 MB, for one addition). Apart,
     * they change small slices of their own and leave the pages' slices as they were.
     */
    public static int bucketOf(String key, int buckets) {
        int hash = key.hashCode() & 0x7fffffff;
        if (buckets < SEARCH_SHARE * 2) {
            return hash % buckets;
        }
        int search = buckets / SEARCH_SHARE;
        return isSearchIndex(key) ? hash % search : search + hash % (buckets - search);
    }

    /** The search index's share of the buckets is one in this many. */
    private static final int SEARCH_SHARE = 8;

    /** Whether {@code key} is under {@code search/} or one folder below it. */
    private static boolean isSearchIndex(String key) {
        if (key.startsWith("search/")) {
            return true;
        }
        int slash = key.indexOf('/');
        return slash > 0 && key.startsWith("search/", slash + 1);
    }

    /** {@code map} in {@link #bucketsFor}({@code size}, {@link #PER_BUCKET}) buckets (itself if it is one). */
    @SuppressWarnings("unchecked")
    public static <V> FileBuckets<V> of(Map<String, ? extends V> map) {
        if (map instanceof FileBuckets<?> buckets) {
            return (FileBuckets<V>) buckets;
        }
        int count = bucketsFor(map.size(), PER_BUCKET);
        List<Map<String, V>> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new HashMap<>());
        }
        map.forEach((key, value) ->
                buckets.get(bucketOf(key, count)).put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        buckets.replaceAll(Collections::unmodifiableMap);
        return new FileBuckets<>(List.copyOf(buckets));
    }

    /**
     * The map made of these buckets as they are (none is copied: they must not change after this call).
     *
     * @throws IllegalArgumentException when their number is not a power of two or a key is in another bucket
     *                                  than its own
     */
    public static <V> FileBuckets<V> ofBuckets(List<Map<String, V>> buckets) {
        int count = buckets.size();
        if (count == 0 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException(count + " buckets, not a power of two");
        }
        for (int i = 0; i < count; i++) {
            for (String key : buckets.get(i).keySet()) {
                if (bucketOf(key, count) != i) {
                    throw new IllegalArgumentException(key + " is not in its bucket");
                }
            }
        }
        List<Map<String, V>> kept = new ArrayList<>(count);
        buckets.forEach(bucket -> kept.add(Collections.unmodifiableMap(bucket)));
        return new FileBuckets<>(List.copyOf(kept));
    }

    /** How many buckets this map has. */
    public int bucketCount() {
        return buckets.size();
    }

    /** The files of bucket {@code index}, unmodifiable. */
    public Map<String, V> bucket(int index) {
        return buckets.get(index);
    }

    /**
     * This map with {@code put} put in and {@code removed} taken out: the buckets none of them changes are
     * this map's own (the same objects).
     */
    public FileBuckets<V> with(Map<String, ? extends V> put, Collection<String> removed) {
        int count = buckets.size();
        Map<Integer, Map<String, V>> changed = new HashMap<>();
        put.forEach((key, value) -> {
            int index = bucketOf(key, count);
            if (!Objects.requireNonNull(value).equals(buckets.get(index).get(key))) {
                changed.computeIfAbsent(index, i -> new HashMap<>(buckets.get(i)))
                        .put(key, value);
            }
        });
        for (String key : removed) {
            int index = bucketOf(key, count);
            if (buckets.get(index).containsKey(key)) {
                changed.computeIfAbsent(index, i -> new HashMap<>(buckets.get(i)))
                        .remove(key);
            }
        }
        if (changed.isEmpty()) {
            return this;
        }
        List<Map<String, V>> next = new ArrayList<>(buckets);
        changed.forEach((index, bucket) -> next.set(index, Collections.unmodifiableMap(bucket)));
        return new FileBuckets<>(List.copyOf(next));
    }

    @Override
    public V get(Object key) {
        return key instanceof String file
                ? buckets.get(bucketOf(file, buckets.size())).get(file)
                : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String file
                && buckets.get(bucketOf(file, buckets.size())).containsKey(file);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
        for (Map<String, V> bucket : buckets) {
            bucket.forEach(action);
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return entries;
    }

    /** The entries, bucket after bucket. */
    private final class Entries extends AbstractSet<Map.Entry<String, V>> {
        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return new Iterator<>() {
                private int next = 0;
                private Iterator<Map.Entry<String, V>> current = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && next < buckets.size()) {
                        current = buckets.get(next++).entrySet().iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public Map.Entry<String, V> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        @Override
        public int size() {
            return size;
        }
    }
}
