package dev.midad.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terms of one shard file with their postings, exact terms and stems, sorted (so the file's bytes are
 * stable); and their packed form, which the build cache keeps so that the next build rewrites this shard
 * alone when an article with one of its terms changes: per kind a count, then per term its UTF-8 bytes, its
 * postings count and its postings' bytes, each length a varint, as a Latin-1 string (one character a byte).
 */
final class ShardTerms {
    final TreeMap<String, Postings> exact;
    final TreeMap<String, Postings> stems;

    ShardTerms(TreeMap<String, Postings> exact, TreeMap<String, Postings> stems) {
        this.exact = exact;
        this.stems = stems;
    }

    static ShardTerms empty() {
        return new ShardTerms(new TreeMap<>(), new TreeMap<>());
    }

    /** A copy whose maps can change (the postings are immutable). */
    ShardTerms copy() {
        return new ShardTerms(new TreeMap<>(exact), new TreeMap<>(stems));
    }

    TreeMap<String, Postings> of(char kind) {
        return kind == 'e' ? exact : stems;
    }

    boolean isEmpty() {
        return exact.isEmpty() && stems.isEmpty();
    }

    String pack() {
        Packer out = new Packer();
        for (Map<String, Postings> terms : java.util.List.of(exact, stems)) {
            out.varint(terms.size());
            for (Map.Entry<String, Postings> term : terms.entrySet()) {
                byte[] name = term.getKey().getBytes(StandardCharsets.UTF_8);
                out.varint(name.length);
                out.write(name, 0, name.length);
                Postings postings = term.getValue();
                out.varint(postings.count());
                out.varint(postings.bytes().length);
                out.write(postings.bytes(), 0, postings.bytes().length);
            }
        }
        return new String(out.buffer(), 0, out.size(), StandardCharsets.ISO_8859_1);
    }

    /** What {@link #pack} made. */
    static ShardTerms unpack(String packed) {
        byte[] bytes = packed.getBytes(StandardCharsets.ISO_8859_1);
        int[] at = {0};
        ShardTerms shard = empty();
        for (TreeMap<String, Postings> terms : java.util.List.of(shard.exact, shard.stems)) {
            int size = varint(bytes, at);
            for (int i = 0; i < size; i++) {
                int length = varint(bytes, at);
                String name = new String(bytes, at[0], length, StandardCharsets.UTF_8);
                at[0] += length;
                int count = varint(bytes, at);
                int postings = varint(bytes, at);
                terms.put(name, new Postings(Arrays.copyOfRange(bytes, at[0], at[0] + postings), count));
                at[0] += postings;
            }
        }
        if (at[0] != bytes.length) {
            throw new IllegalArgumentException("a shard's postings have " + (bytes.length - at[0]) + " bytes left");
        }
        return shard;
    }

    private static int varint(byte[] bytes, int[] at) {
        int value = 0;
        int shift = 0;
        byte b;
        do {
            if (shift > 28) {
                throw new IllegalArgumentException("a shard's postings hold a number too long");
            }
            b = bytes[at[0]++];
            value |= (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        if (value < 0) {
            throw new IllegalArgumentException("a shard's postings hold a negative length");
        }
        return value;
    }

    /** A byte buffer that exposes its array (no copy for the string). */
    private static final class Packer extends ByteArrayOutputStream {
        Packer() {
            super(256);
        }

        void varint(int value) {
            byte[] b = new byte[5];
            int length = Postings.putVarint(b, 0, value);
            write(b, 0, length);
        }

        byte[] buffer() {
            return buf;
        }
    }
}
