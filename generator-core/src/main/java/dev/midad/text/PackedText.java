package dev.midad.text;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A long text kept compact in memory: its UTF-8 bytes, deflated. Article bodies are most of what a build
 * holds (three quarters of the heap at 10,000 articles: the Markdown's HTML and the page's body, two bytes a
 * character for Arabic, from reading the files until the build cache is written); packed they take about a
 * third as much. {@link #text()} unpacks on every call, so holders unpack once per use.
 *
 * <p>Equal texts pack to equal values (deflating is deterministic), so records holding one compare, hash and
 * fingerprint as if they held the text.
 *
 * @param deflated the deflated bytes as a Latin-1 string, one character a byte (which Java stores in one byte):
 *                 a string, so that the build cache and fingerprints take it as they take any text
 * @param bytes    the length of the text in UTF-8
 */
public record PackedText(String deflated, int bytes) {
    public PackedText {
        if (bytes < 0) {
            throw new IllegalArgumentException("a text of " + bytes + " bytes");
        }
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
            inflater.setInput(deflated.getBytes(StandardCharsets.ISO_8859_1));
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

    /** The text (templates printing the value print the text, not its packing). */
    @Override
    public String toString() {
        return text();
    }
}
