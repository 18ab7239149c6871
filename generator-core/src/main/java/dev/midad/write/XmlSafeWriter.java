package dev.midad.write;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Drops characters XML 1.0 (and HTML) forbid: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF.
 * Old CMS exports carry such bytes; one of them would make a whole feed unreadable.
 */
final class XmlSafeWriter extends FilterWriter {
    XmlSafeWriter(Writer out) {
        super(out);
    }

    static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * {@code text} as UTF-8 without the characters XML forbids: the same bytes as written through this writer
     * into a UTF-8 stream (an unpaired surrogate becomes {@code ?} in both), encoded in one go.
     */
    static byte[] utf8(CharSequence text) {
        // encoded first and the bytes looked at: a loop over bytes costs a fraction of one over chars
        byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
        if (!forbidsAny(encoded)) {
            return encoded;
        }
        // dropping a character can join the halves of a surrogate pair around it, as the writer does
        int length = text.length();
        StringBuilder kept = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (allowed(c)) {
                kept.append(c);
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether UTF-8 {@code bytes} hold a character XML forbids: a C0 control is its own byte, U+FFFE and U+FFFF
     * are EF BF BE and EF BF BF (no byte of a longer sequence is below 0x80, and EF only ever begins one).
     */
    private static boolean forbidsAny(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20
                    ? b != '\t' && b != '\n' && b != '\r'
                    : b == 0xEF
                            && i + 2 < bytes.length
                            && (bytes[i + 1] & 0xff) == 0xBF
                            && (bytes[i + 2] & 0xfe) == 0xBE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(int c) throws IOException {
        if (allowed((char) c)) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (!allowed(buffer[i])) {
                out.write(buffer, start, i - start);
                start = i + 1;
            }
        }
        out.write(buffer, start, end - start);
    }

    /**
     * Writes {@code text[offset, offset + length)} without copying the rest of {@code text}: template engines
     * write long strings piece by piece (between escaped characters), and copying the whole string for every
     * piece made a 5 MB article take minutes.
     */
    @Override
    public void write(String text, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (!allowed(text.charAt(i))) {
                out.write(text, start, i - start);
                start = i + 1;
            }
        }
        out.write(text, start, end - start);
    }
}
