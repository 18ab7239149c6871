package dev.midad.cache;

import java.util.Arrays;
import java.util.Collection;

/**
 * Strings that many files of one cache hold (an article's address is in its own part and in every output slice
 * whose pages list it: 100,000 articles, a million copies), each to come back as one object. They are found by
 * their bytes as the codec wrote them, before a string is made of them: decoding the copy, hashing it and
 * comparing it with a map's key cost more than the rest of reading it. Immutable; safe for use by several
 * threads.
 */
public final class SharedStrings {
    private static final SharedStrings NONE =
            new SharedStrings(new byte[1][], new boolean[1], new String[1], new boolean[256], 0);

    /** Open addressing, a power of two of slots, at most half of them used. */
    private final byte[][] bytes;

    private final boolean[] latin1;
    private final String[] values;
    /** Which bytes a shared string begins with, and the longest one: most strings read are passed at once. */
    private final boolean[] first;

    private final int longest;

    private SharedStrings(byte[][] bytes, boolean[] latin1, String[] values, boolean[] first, int longest) {
        this.bytes = bytes;
        this.latin1 = latin1;
        this.values = values;
        this.first = first;
        this.longest = longest;
    }

    /** No string is shared: each is read as a string of its own. */
    public static SharedStrings none() {
        return NONE;
    }

    /** {@code strings}, each to be what a copy of it reads as. */
    public static SharedStrings of(Collection<String> strings) {
        int slots = Integer.highestOneBit(Math.max(1, strings.size()) * 4 - 1);
        byte[][] bytes = new byte[slots][];
        boolean[] latin1 = new boolean[slots];
        String[] values = new String[slots];
        boolean[] first = new boolean[256];
        int longest = 0;
        for (String string : strings) {
            boolean narrow = ValueCodec.isLatin1(string);
            byte[] encoded = ValueCodec.encode(string, narrow);
            if (encoded.length == 0) {
                continue; // an empty string is never worth sharing
            }
            first[encoded[0] & 0xff] = true;
            longest = Math.max(longest, encoded.length);
            int slot = hash(encoded, 0, encoded.length, narrow) & (slots - 1);
            while (values[slot] != null && !string.equals(values[slot])) {
                slot = (slot + 1) & (slots - 1);
            }
            bytes[slot] = encoded;
            latin1[slot] = narrow;
            values[slot] = string;
        }
        return new SharedStrings(bytes, latin1, values, first, longest);
    }

    /**
     * The shared string whose encoding is {@code source[offset, offset + length)} ({@code narrow}: Latin-1,
     * else UTF-8), or null.
     */
    String find(byte[] source, int offset, int length, boolean narrow) {
        if (length == 0 || length > longest || !first[source[offset] & 0xff]) {
            return null;
        }
        int mask = values.length - 1;
        int slot = hash(source, offset, length, narrow) & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            byte[] key = bytes[slot];
            if (latin1[slot] == narrow
                    && key.length == length
                    && Arrays.equals(key, 0, length, source, offset, offset + length)) {
                return value;
            }
        }
        return null;
    }

    private static int hash(byte[] source, int offset, int length, boolean narrow) {
        int hash = narrow ? 1 : 2;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + source[i];
        }
        return hash ^ (hash >>> 16);
    }
}
