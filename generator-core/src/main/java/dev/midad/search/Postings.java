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
        return decodeFrom(0);
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
     * posting of its id (or adding one), or removing it where the weight is 0; null when none is left. The
     * postings before the first updated id and after the last keep their bytes (only the one after the last
     * is coded again, from its new predecessor): a new newest article's id, the highest, appends to a common
     * word's postings without decoding them.
     */
    static Postings update(Postings old, IntList updates) {
        Builder updated = new Builder();
        int[] at = {0};
        int i = 0; // postings of old read
        int id = 0; // the id of the last read
        if (old != null && updates.size > 0) {
            int start = 0;
            while (i < old.count) {
                long value = old.varint(at);
                if (id + (int) (value >>> 4) >= updates.values[0]) {
                    at[0] = start; // not read: merged below
                    break;
                }
                id += (int) (value >>> 4);
                i++;
                start = at[0];
            }
            updated.append(old.bytes, 0, start, i, id);
        }
        int next = -1; // the id of the old posting read but not yet merged, -1 when none
        int weight = 0;
        for (int j = 0; j < updates.size; j += 2) {
            int update = updates.values[j];
            while (true) {
                if (next < 0 && i < countOf(old)) {
                    long value = old.varint(at);
                    id += (int) (value >>> 4);
                    next = id;
                    weight = (int) (value & 15);
                    i++;
                }
                if (next < 0 || next > update) {
                    break;
                }
                if (next < update) {
                    updated.add(next, weight);
                }
                next = -1; // merged, or replaced by the update
            }
            if (updates.values[j + 1] > 0) {
                updated.add(update, updates.values[j + 1]);
            }
        }
        if (next >= 0) { // read past the last update (so every old posting before it was merged): coded afresh
            updated.add(next, weight);
        }
        if (old != null && i < old.count) {
            // the rest keep their deltas: each follows the same predecessor as before
            updated.append(old.bytes, at[0], old.bytes.length, old.count - i, -1);
        }
        return updated.count == 0 ? null : updated.build();
    }

    private static int countOf(Postings postings) {
        return postings == null ? 0 : postings.count;
    }

    /**
     * How many leading postings {@code a} and {@code b} share, read off their bytes: a posting whose bytes all
     * come before the first differing byte is the same posting in both.
     */
    static int sameLeading(Postings a, Postings b) {
        int differ = Arrays.mismatch(a.bytes, b.bytes);
        if (differ < 0) {
            return a.count;
        }
        int same = 0;
        for (int k = 0; k < differ; k++) {
            if (a.bytes[k] >= 0) { // the last byte of a varint
                same++;
            }
        }
        return same;
    }

    /** {@code [id, weight, …]} of the postings from the {@code from}th on, ids ascending. */
    int[] decodeFrom(int from) {
        int[] pairs = new int[2 * Math.max(0, count - from)];
        int id = 0;
        int[] at = {0};
        for (int i = 0; i < count; i++) {
            long value = varint(at);
            id += (int) (value >>> 4);
            if (i >= from) {
                pairs[2 * (i - from)] = id;
                pairs[2 * (i - from) + 1] = (int) (value & 15);
            }
        }
        return pairs;
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

        /**
         * Appends {@code postings} coded postings as they are, {@code from[start..end)}: their first delta must
         * be from this builder's last id; {@code last} is the id of their last (-1: not needed, nothing follows).
         */
        void append(byte[] from, int start, int end, int postings, int last) {
            if (length + (end - start) > bytes.length) {
                bytes = Arrays.copyOf(bytes, length + (end - start) + 5);
            }
            System.arraycopy(from, start, bytes, length, end - start);
            length += end - start;
            count += postings;
            this.last = last;
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
