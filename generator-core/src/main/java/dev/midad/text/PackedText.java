package dev.midad.text;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A long text kept compact in memory: its UTF-8 bytes, deflated. Article bodies are most of what a build
 * holds (three quarters of the heap at 10,000 articles: the Markdown's HTML and the page's body, two bytes a
 * character for Arabic, from reading the files until the build cache is written); packed they take about a
 * third as much, and a large archive's build moves them to a {@link Spill} file until they are used. {@link
 * #text()} unpacks on every call, so holders unpack once per use.
 *
 * <p>A value: equal texts pack to equal values (deflating is deterministic), so records holding one compare,
 * hash and fingerprint as if they held the text, wherever its bytes are kept.
 */
public final class PackedText {
    /** The deflated bytes as a Latin-1 string, one character a byte; null once spilled. */
    private volatile String deflated;

    private volatile Spill spill;
    private volatile long spilledAt;
    private final int packed;
    private final int bytes;
    /** Taken when first asked (0: not yet): most texts a build cache restores are never hashed. */
    private int hash;

    /**
     * @param deflated the deflated bytes as a Latin-1 string, one character a byte (which Java stores in one
     *                 byte): a string, so that the build cache and fingerprints take it as they take any text
     * @param bytes    the length of the text in UTF-8
     */
    public PackedText(String deflated, int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a text of " + bytes + " bytes");
        }
        this.deflated = java.util.Objects.requireNonNull(deflated);
        this.packed = deflated.length();
        this.bytes = bytes;
    }

    /**
     * A packed text whose {@code packed} deflated bytes lie at {@code at} in {@code source} (a build cache part
     * read in place: the bytes stay on disk until the text is used).
     */
    public static PackedText at(Spill source, long at, int packed, int bytes) {
        if (packed < 0) {
            throw new IllegalArgumentException("a text packed in " + packed + " bytes");
        }
        return new PackedText(source, at, packed, bytes);
    }

    private PackedText(Spill source, long at, int packed, int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a text of " + bytes + " bytes");
        }
        this.spill = java.util.Objects.requireNonNull(source);
        this.spilledAt = at;
        this.packed = packed;
        this.bytes = bytes;
        // deflated stays null: the bytes are in the source
    }

    /** The packed form of {@code text}. */
    public static PackedText of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // every body is packed as it is read: speed matters more than the last few bytes
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            byte[] out = new byte[utf8.length / 2 + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return new PackedText(new String(out, 0, length, StandardCharsets.ISO_8859_1), utf8.length);
        } finally {
            deflater.end();
        }
    }

    /** The text. */
    public String text() {
        if (bytes == 0) {
            return "";
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflatedBytes());
            byte[] utf8 = new byte[bytes];
            int length = 0;
            while (length < bytes) {
                int n = inflater.inflate(utf8, length, bytes - length);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a packed text ends after " + length + " of " + bytes + " bytes");
                }
                length += n;
            }
            return new String(utf8, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a packed text is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The deflated bytes as a Latin-1 string (read back from the spill file if they were moved there). */
    public String deflated() {
        String held = deflated;
        return held != null ? held : new String(spill.read(spilledAt, packed), StandardCharsets.ISO_8859_1);
    }

    private byte[] deflatedBytes() {
        String held = deflated;
        return held != null ? held.getBytes(StandardCharsets.ISO_8859_1) : spill.read(spilledAt, packed);
    }

    /** The length of the text in UTF-8. */
    public int bytes() {
        return bytes;
    }

    /** How many bytes the packed text takes. */
    public int packedLength() {
        return packed;
    }

    /** How many of its bytes are on the heap: none once spilled or while read in place. */
    public int heldLength() {
        return deflated == null ? 0 : packed;
    }

    /** Moves the packed bytes to {@code to}, unless they are there already; they are read back on each use. */
    public synchronized void spillTo(Spill to) {
        String held = deflated;
        if (held == null || packed == 0) {
            return;
        }
        spilledAt = to.write(held.getBytes(StandardCharsets.ISO_8859_1));
        spill = to;
        deflated = null; // last: a reader that sees null sees the spill and the position
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof PackedText that
                        && bytes == that.bytes
                        && packed == that.packed
                        && hashCode() == that.hashCode()
                        && deflated().equals(that.deflated());
    }

    @Override
    public int hashCode() {
        int known = hash;
        if (known == 0) {
            known = 31 * deflated().hashCode() + bytes;
            known = known == 0 ? 1 : known;
            hash = known; // racy but safe: every thread computes the same value
        }
        return known;
    }

    /** The text (templates printing the value print the text, not its packing). */
    @Override
    public String toString() {
        return text();
    }
}
