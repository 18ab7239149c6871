package dev.midad.cache;

import dev.midad.model.ArticleView;
import dev.midad.text.PackedText;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 128-bit hash of a template's data that stays the same across JVMs: what the build cache remembers of
 * each output file instead of the data itself. It follows the render memo's comparison exactly: the data's
 * value (records component by component, lists in order, maps and sets in any order), except that an
 * article the template did not read last time counts by its address only. Two data values with the same
 * fingerprint render the same file (a collision of two 128-bit hashes of different data is not a practical
 * concern for a cache; the hash is not meant to resist someone crafting one).
 *
 * <p>Whole articles are hashed once per {@link Fingerprint} object, however many files show them.
 */
public final class Fingerprint {
    /** The hash: two independent 64-bit lanes. */
    public record Value(long high, long low) {}

    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    /** Whole-article hashes by address, valid for the very article object they were computed from. */
    private final Map<String, Whole> articles = new ConcurrentHashMap<>();

    private final Map<String, long[]> addresses = new ConcurrentHashMap<>();

    private record Whole(ArticleView article, long a, long b) {}

    /**
     * The whole-article hashes known for the very article objects they were computed from (as two lanes), for
     * the build cache: a build in another JVM takes them on with {@link #restoreWhole} for the objects it
     * restored, and hashes only the articles that changed.
     */
    public Map<ArticleView, Value> wholes() {
        Map<ArticleView, Value> wholes = new java.util.IdentityHashMap<>();
        articles.values().forEach(whole -> wholes.put(whole.article(), new Value(whole.a(), whole.b())));
        return wholes;
    }

    /** Takes on a hash {@link #wholes} gave in another JVM, for the article object restored with it. */
    public void restoreWhole(ArticleView article, Value lanes) {
        articles.put(article.url(), new Whole(article, lanes.high(), lanes.low()));
    }

    /** Hashes of the values {@link #ofInputs} saw, by identity: the model shares one site view among thousands. */
    private final Map<Object, long[]> inputs = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private final java.util.function.Predicate<Object> fixedByKey;

    /** A fingerprint that hashes every value it meets. */
    public Fingerprint() {
        this(value -> false);
    }

    /**
     * A fingerprint for which the values {@code fixedByKey} accepts count by their type only: values made from
     * nothing but what the cache's keys already cover (site.yaml, templates, static files, options), such as
     * the address rules, which are the same whenever the keys are.
     */
    public Fingerprint(java.util.function.Predicate<Object> fixedByKey) {
        this.fixedByKey = fixedByKey;
    }

    /** The fingerprint of {@code data}, articles outside {@code read} counted by address. */
    public Value of(Object data, Set<String> read) throws ValueCodec.UnsupportedValueException {
        Hasher hasher = new Hasher();
        add(hasher, data, read);
        return new Value(finish(hasher.a), finish(hasher.b));
    }

    /**
     * The fingerprint of a list of inputs, every article counted whole; each input is hashed once per
     * {@link Fingerprint} object however many lists hold it (inputs are immutable model values).
     */
    public Value ofInputs(List<?> values) throws ValueCodec.UnsupportedValueException {
        Hasher h = new Hasher();
        h.mix(15);
        h.mix(values.size());
        for (Object value : values) {
            long[] part = value == null ? null : inputs.get(value);
            if (part == null) {
                Hasher inner = new Hasher();
                add(inner, value, null);
                part = new long[] {inner.a, inner.b};
                if (value != null) {
                    inputs.put(value, part);
                }
            }
            h.mix(part[0]);
            h.mix(part[1]);
        }
        return new Value(finish(h.a), finish(h.b));
    }

    private void add(Hasher h, Object value, Set<String> read) throws ValueCodec.UnsupportedValueException {
        if (value == null) {
            h.mix(1);
        } else if (value instanceof String s) {
            h.mix(2);
            h.string(s);
        } else if (value instanceof PackedText packed) {
            h.mix(17);
            h.string(packed.deflated());
            h.mix(packed.bytes());
        } else if (value instanceof ArticleView article) {
            h.articles = true;
            if (read != null && !read.contains(article.url())) {
                long[] address = address(article);
                h.mix(3);
                h.mix(address[0]);
                h.mix(address[1]);
            } else {
                Whole whole = whole(article);
                h.mix(4);
                h.mix(whole.a());
                h.mix(whole.b());
            }
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ArticleView) {
            // known lists serve to correct a sum by address for the articles read; counted whole (read is null,
            // as for every planning step) a list is summed as it is
            ArticleList known = read != null && list.size() >= KNOWN_SIZE ? knownList(list) : null;
            if (known != null || ArticleList.holdsArticles(list)) {
                addArticles(h, list, known, read);
            } else {
                addList(h, list, read);
            }
        } else if (value instanceof List<?> list) {
            addList(h, list, read);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            h.mix(5);
            h.mix(((Number) value).longValue());
        } else if (value instanceof Double d) {
            h.mix(6);
            h.mix(Double.doubleToLongBits(d));
        } else if (value instanceof Boolean b) {
            h.mix(b ? 7 : 8);
        } else if (value instanceof Map<?, ?> map) {
            h.mix(10);
            h.mix(map.size());
            long sumA = 0;
            long sumB = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) { // in any order: entries are summed
                Hasher inner = new Hasher();
                add(inner, entry.getKey(), read);
                add(inner, entry.getValue(), read);
                h.articles |= inner.articles;
                sumA += finish(inner.a);
                sumB += finish(inner.b);
            }
            h.mix(sumA);
            h.mix(sumB);
        } else if (value instanceof Set<?> set) {
            h.mix(11);
            h.mix(set.size());
            long sumA = 0;
            long sumB = 0;
            for (Object item : set) {
                Hasher inner = new Hasher();
                add(inner, item, read);
                h.articles |= inner.articles;
                sumA += finish(inner.a);
                sumB += finish(inner.b);
            }
            h.mix(sumA);
            h.mix(sumB);
        } else if (value instanceof Record record) {
            if (ACCESSORS.get(record.getClass()).length >= SHARED_COMPONENTS) {
                addShared(h, record, read);
            } else {
                addRecord(h, record, read);
            }
        } else if (value instanceof Enum<?> e) {
            h.mix(12);
            h.string(e.getDeclaringClass().getName());
            h.string(e.name());
        } else if (value instanceof TemporalAccessor
                || value instanceof Path
                || value instanceof java.net.URI
                || value instanceof java.util.Locale) {
            h.mix(13);
            h.string(value.getClass().getName());
            h.string(value.toString()); // these print every field they compare by
        } else if (fixedByKey.test(value)) {
            h.mix(16);
            h.string(value.getClass().getName());
        } else {
            throw new ValueCodec.UnsupportedValueException(
                    "cannot fingerprint a " + value.getClass().getName());
        }
    }

    private void addList(Hasher h, List<?> list, Set<String> read) throws ValueCodec.UnsupportedValueException {
        h.mix(9);
        h.mix(list.size());
        for (Object item : list) {
            add(h, item, read);
        }
    }

    /** An article's address as two lanes, hashed once per address. */
    private long[] address(ArticleView article) {
        return addresses.computeIfAbsent(article.url(), url -> {
            Hasher inner = new Hasher();
            inner.string(url);
            return new long[] {inner.a, inner.b};
        });
    }

    /** An article's whole hash, computed once per article object (by identity: no hashing of the whole record). */
    private Whole whole(ArticleView article) throws ValueCodec.UnsupportedValueException {
        Whole whole = articles.get(article.url());
        if (whole == null || whole.article() != article) {
            Hasher inner = new Hasher();
            addRecord(inner, article, null);
            whole = new Whole(article, inner.a, inner.b);
            articles.put(article.url(), whole);
        }
        return whole;
    }

    /**
     * A list of articles: the sum of one hash per position (of the position and the article, whole or by
     * address), so that the list of a busy tag (4,000 articles, in the data of each of its 400 list pages,
     * each page reading a few of them) is hashed once by address and then corrected for the articles read.
     */
    private void addArticles(Hasher h, List<?> list, ArticleList known, Set<String> read)
            throws ValueCodec.UnsupportedValueException {
        long sumA = 0;
        long sumB = 0;
        if (known != null && read != null && read.size() < list.size() / 4) {
            sumA = known.addressA;
            sumB = known.addressB;
            for (String url : read) {
                for (int i : known.positions.getOrDefault(url, NONE)) {
                    ArticleView article = (ArticleView) list.get(i);
                    long[] address = address(article);
                    Whole whole = whole(article);
                    sumA += position(i, 4, whole.a(), whole.b(), true) - position(i, 3, address[0], address[1], true);
                    sumB += position(i, 4, whole.a(), whole.b(), false) - position(i, 3, address[0], address[1], false);
                }
            }
        } else {
            for (int i = 0; i < list.size(); i++) {
                ArticleView article = (ArticleView) list.get(i);
                if (read != null && !read.contains(article.url())) {
                    long[] address = address(article);
                    sumA += position(i, 3, address[0], address[1], true);
                    sumB += position(i, 3, address[0], address[1], false);
                } else {
                    Whole whole = whole(article);
                    sumA += position(i, 4, whole.a(), whole.b(), true);
                    sumB += position(i, 4, whole.a(), whole.b(), false);
                }
            }
        }
        h.articles = true;
        h.mix(17);
        h.mix(list.size());
        h.mix(sumA);
        h.mix(sumB);
    }

    private static final int[] NONE = {};

    /** One lane of the hash of an article ({@code kind} 3 by address, 4 whole) at position {@code i} of a list. */
    private static long position(int i, int kind, long a, long b, boolean first) {
        // Hasher's mix of i, kind, a and b, one lane only and on the stack (the first compiler, which cached
        // builds run with, would allocate a Hasher per article of every list: 230 MB at 100,000 articles)
        if (first) {
            return finish(Hasher.mixA(Hasher.mixA(Hasher.mixA(Hasher.mixA(Hasher.A, i), kind), a), b));
        }
        return finish(Hasher.mixB(Hasher.mixB(Hasher.mixB(Hasher.mixB(Hasher.B, i), kind), a), b));
    }

    /**
     * An immutable list of articles with its sum by address and each address's positions, by identity: the
     * model shares one list among a term's pages. Kept until {@link #forgetShared}.
     */
    private ArticleList knownList(List<?> list) {
        if (!list.getClass().getName().startsWith("java.util.ImmutableCollections")) {
            return null; // may change under the cache
        }
        ArticleList known = lists.computeIfAbsent(new Identity(list), same -> {
            if (!ArticleList.holdsArticles(list)) {
                return NOT_ARTICLES;
            }
            ArticleList made = new ArticleList(new java.util.HashMap<>(list.size() * 2));
            for (int i = 0; i < list.size(); i++) {
                ArticleView article = (ArticleView) list.get(i);
                long[] address = address(article);
                made.addressA += position(i, 3, address[0], address[1], true);
                made.addressB += position(i, 3, address[0], address[1], false);
                int[] at = made.positions.get(article.url());
                int[] more = at == null ? new int[1] : java.util.Arrays.copyOf(at, at.length + 1);
                more[more.length - 1] = i;
                made.positions.put(article.url(), more);
            }
            return made;
        });
        return known == NOT_ARTICLES ? null : known;
    }

    /** Lists this long are looked up by identity (see {@link #knownList}); shorter ones are hashed directly. */
    private static final int KNOWN_SIZE = 64;

    /** Marks a known list that holds something else than articles. */
    private static final ArticleList NOT_ARTICLES = new ArticleList(Map.of());

    /**
     * A record of many components (the site's view, in the data of every page; an image; a profile) as its own
     * hash, kept by identity when it holds no article (its hash then does not depend on what was read).
     */
    private void addShared(Hasher h, Record record, Set<String> read) throws ValueCodec.UnsupportedValueException {
        long[] known = shared.get(new Identity(record));
        if (known == null) {
            Hasher inner = new Hasher();
            addRecord(inner, record, read);
            known = new long[] {inner.a, inner.b};
            if (inner.articles) {
                h.articles = true;
            } else {
                shared.put(new Identity(record), known);
            }
        }
        h.mix(18);
        h.mix(known[0]);
        h.mix(known[1]);
    }

    /** Records of this many components or more are hashed on their own (see {@link #addShared}). */
    private static final int SHARED_COMPONENTS = 8;

    private final Map<Identity, long[]> shared = new ConcurrentHashMap<>();

    /**
     * Lets go of the lists and records kept by identity ({@link #knownList}, {@link #addShared}): a long-running
     * preview makes new ones every rebuild.
     */
    public void forgetShared() {
        lists.clear();
        shared.clear();
    }

    private final Map<Identity, ArticleList> lists = new ConcurrentHashMap<>();

    /** A list of articles' sum by address (two lanes) and positions by address. */
    private static final class ArticleList {
        final Map<String, int[]> positions;
        long addressA;
        long addressB;

        ArticleList(Map<String, int[]> positions) {
            this.positions = positions;
        }

        /** Whether {@code list} holds articles only (and at least one). */
        static boolean holdsArticles(List<?> list) {
            if (list.isEmpty()) {
                return false;
            }
            for (Object item : list) {
                if (!(item instanceof ArticleView)) {
                    return false;
                }
            }
            return true;
        }
    }

    private void addRecord(Hasher h, Record record, Set<String> read) throws ValueCodec.UnsupportedValueException {
        Class<?> type = record.getClass();
        h.mix(14);
        h.string(type.getName());
        for (Method accessor : ACCESSORS.get(type)) {
            try {
                add(h, accessor.invoke(record), read);
            } catch (ReflectiveOperationException e) {
                throw new ValueCodec.UnsupportedValueException("cannot read " + type.getName() + ": " + e);
            }
        }
    }

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private static long finish(long x) {
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return x;
    }

    /** Two multiply-xor lanes with different constants. */
    private static final class Hasher {
        static final long A = 0x243F6A8885A308D3L;
        static final long B = 0x13198A2E03707344L;
        long a = A;
        long b = B;
        /** Whether an article went into this hash (then it depends on what was read). */
        boolean articles;

        void mix(long v) {
            a = mixA(a, v);
            b = mixB(b, v);
        }

        static long mixA(long a, long v) {
            long x = (a ^ v) * P1;
            return x ^ (x >>> 29);
        }

        static long mixB(long b, long v) {
            return Long.rotateLeft(b ^ v, 23) * P2 + 0x632BE59BD9B4E019L;
        }

        void string(String s) {
            int length = s.length();
            mix(length);
            int i = 0;
            for (; i + 3 < length; i += 4) {
                mix(((long) s.charAt(i) << 48)
                        | ((long) s.charAt(i + 1) << 32)
                        | ((long) s.charAt(i + 2) << 16)
                        | s.charAt(i + 3));
            }
            long rest = 0;
            for (; i < length; i++) {
                rest = (rest << 16) | s.charAt(i);
            }
            mix(rest);
        }
    }
}
