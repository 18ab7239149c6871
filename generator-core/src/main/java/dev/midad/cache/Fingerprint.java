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
            if (read != null && !read.contains(article.url())) {
                // a busy tag's 4,000 articles sit in each of its 400 list pages' data: hash each address once
                long[] address = addresses.computeIfAbsent(article.url(), url -> {
                    Hasher inner = new Hasher();
                    inner.string(url);
                    return new long[] {inner.a, inner.b};
                });
                h.mix(3);
                h.mix(address[0]);
                h.mix(address[1]);
            } else {
                Whole whole = articles.get(article.url());
                if (whole == null || whole.article() != article) { // by identity: no hashing of the whole record
                    Hasher inner = new Hasher();
                    addRecord(inner, article, null);
                    whole = new Whole(article, inner.a, inner.b);
                    articles.put(article.url(), whole);
                }
                h.mix(4);
                h.mix(whole.a());
                h.mix(whole.b());
            }
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
        } else if (value instanceof List<?> list) {
            h.mix(9);
            h.mix(list.size());
            for (Object item : list) {
                add(h, item, read);
            }
        } else if (value instanceof Map<?, ?> map) {
            h.mix(10);
            h.mix(map.size());
            long sumA = 0;
            long sumB = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) { // in any order: entries are summed
                Hasher inner = new Hasher();
                add(inner, entry.getKey(), read);
                add(inner, entry.getValue(), read);
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
                sumA += finish(inner.a);
                sumB += finish(inner.b);
            }
            h.mix(sumA);
            h.mix(sumB);
        } else if (value instanceof Record record) {
            addRecord(h, record, read);
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
        long a = 0x243F6A8885A308D3L;
        long b = 0x13198A2E03707344L;

        void mix(long v) {
            a = (a ^ v) * P1;
            a ^= a >>> 29;
            b = Long.rotateLeft(b ^ v, 23) * P2 + 0x632BE59BD9B4E019L;
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
