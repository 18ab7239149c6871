package dev.midad.search;

import java.util.Arrays;

/**
 * One term's postings, compact and immutable: each posting is one unsigned varint of {@code Δid << 4 | weight}
 * (a weight is 1–15), ids ascending and each Δ from the previous id (the first from 0) — the very numbers a
 * shard file lists. A posting of a common word takes one or two bytes, where an int pair took eight.
 */
final class Postings {
    private final byte[] bytes;
    private final int count;

    Postings(byte[] bytes, int count) {
        this.bytes = bytes;
        this.count = count;
    }

    int count() {
        return count;
    }

    byte[] bytes() {
        return bytes;
    }

    /** {@code [id, weight, id, weight, …]}, ids ascending. */
    int[] decode() {
        int[] pairs = new int[2 * count];
        int id = 0;
        int[] at = {0};
        for (int i = 0; i < count; i++) {
            long value = varint(at);
            id += (int) (value >>> 4);
            pairs[2 * i] = id;
            pairs[2 * i + 1] = (int) (value & 15);
        }
        return pairs;
    }

    /** The varint ({@code Δid << 4 | weight}) that starts at {@code at[0]}, which it moves past. */
    private long varint(int[] at) {
        long value = 0;
        int shift = 0;
        byte b;
        do {
            b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        return value;
    }

    /** The postings as a shard file lists them: {@code [Δid, weight, …]}. */
    void appendDeltas(StringBuilder json) {
        json.append('[');
        int[] at = {0};
        for (int i = 0; i < count; i++) {
            long value = varint(at);
            json.append(i == 0 ? "" : ",").append(value >>> 4).append(',').append(value & 15);
        }
        json.append(']');
    }

    /**
     * These postings with {@code updates} applied: {@code [id, weight, …]}, ids ascending, each replacing the
     * posting of its id (or adding one), or removing it where the weight is 0; null when none is left.
     */
    static Postings update(Postings old, IntList updates) {
        int[] before = old == null ? new int[0] : old.decode();
        Builder updated = new Builder();
        int i = 0;
        int j = 0;
        while (i < before.length || j < updates.size) {
            if (j >= updates.size || (i < before.length && before[i] < updates.values[j])) {
                updated.add(before[i], before[i + 1]);
                i += 2;
            } else {
                if (i < before.length && before[i] == updates.values[j]) {
                    i += 2;
                }
                if (updates.values[j + 1] > 0) {
                    updated.add(updates.values[j], updates.values[j + 1]);
                }
                j += 2;
            }
        }
        return updated.count == 0 ? null : updated.build();
    }

    /** Postings growing one posting at a time, ids ascending. */
    static final class Builder {
        private byte[] bytes = new byte[8];
        private int length;
        private int count;
        private int last;

        void add(int id, int weight) {
            if (length + 5 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + 5, bytes.length + (bytes.length >> 1)));
            }
            length = putVarint(bytes, length, (long) (id - last) << 4 | weight);
            last = id;
            count++;
        }

        Postings build() {
            return new Postings(Arrays.copyOf(bytes, length), count);
        }
    }

    /**
     * The postings of every term of one index being built, by term number: a byte array each, not an object each
     * (a large archive has a million terms, most in one or two articles).
     */
    static final class Table {
        private byte[][] bytes = new byte[1024][];
        private int[] lengths = new int[1024];
        private int[] counts = new int[1024];
        private int[] lasts = new int[1024];

        void add(int term, int id, int weight) {
            if (term >= bytes.length) {
                int size = Math.max(term + 1, bytes.length * 2);
                bytes = Arrays.copyOf(bytes, size);
                lengths = Arrays.copyOf(lengths, size);
                counts = Arrays.copyOf(counts, size);
                lasts = Arrays.copyOf(lasts, size);
            }
            byte[] into = bytes[term];
            int length = lengths[term];
            if (into == null || length + 5 > into.length) {
                into = bytes[term] = into == null
                        ? new byte[6]
                        : Arrays.copyOf(into, Math.max(length + 5, into.length + (into.length >> 1)));
            }
            lengths[term] = putVarint(into, length, (long) (id - lasts[term]) << 4 | weight);
            lasts[term] = id;
            counts[term]++;
        }

        boolean has(int term) {
            return term < counts.length && counts[term] > 0;
        }

        /** The term's postings, released from the table. */
        Postings take(int term) {
            Postings postings = new Postings(Arrays.copyOf(bytes[term], lengths[term]), counts[term]);
            bytes[term] = null;
            return postings;
        }
    }

    /** A growing int array. */
    static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }
    }

    static int putVarint(byte[] into, int at, long value) {
        while ((value & ~0x7fL) != 0) {
            into[at++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        into[at++] = (byte) value;
        return at;
    }
}
