package dev.midad.write;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

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

    /** Chars of the page being encoded and the bytes it becomes, reused by each render thread. */
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[1 << 15]);

    private static final ThreadLocal<byte[]> BYTES = ThreadLocal.withInitial(() -> new byte[3 << 15]);

    /** Buffers grown past this (a very long article) are not kept for the thread's next page. */
    private static final int KEEP = 1 << 20;

    /**
     * {@code text} as UTF-8 without the characters XML forbids: the same bytes as written through this writer
     * into a UTF-8 stream (an unpaired surrogate becomes {@code ?} in both), in one pass over the characters
     * (encoding first and looking at the bytes after was a copy and two passes for every page).
     */
    static byte[] utf8(CharSequence text) {
        int length = text.length();
        char[] chars = CHARS.get();
        if (chars.length < length) {
            chars = new char[length];
        }
        if (text instanceof String string) {
            string.getChars(0, length, chars, 0);
        } else if (text instanceof StringBuilder builder) {
            builder.getChars(0, length, chars, 0);
        } else {
            for (int i = 0; i < length; i++) {
                chars[i] = text.charAt(i);
            }
        }
        byte[] out = BYTES.get();
        if (out.length < 3 * length) {
            out = new byte[3 * length];
        }
        int j = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (!allowed(c)) {
                continue;
            } else if (c < 0x80) {
                out[j++] = (byte) c;
            } else if (c < 0x800) {
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                // the next character kept decides: dropping one can join the halves of a pair around it
                int next = i + 1;
                while (next < length && !allowed(chars[next])) {
                    next++;
                }
                if (next < length && Character.isLowSurrogate(chars[next])) {
                    int codePoint = Character.toCodePoint(c, chars[next]);
                    out[j++] = (byte) (0xF0 | (codePoint >> 18));
                    out[j++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    out[j++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    out[j++] = (byte) (0x80 | (codePoint & 0x3F));
                    i = next;
                } else {
                    out[j++] = '?';
                }
            } else if (Character.isLowSurrogate(c)) {
                out[j++] = '?';
            } else {
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        if (chars.length <= KEEP) {
            CHARS.set(chars);
        }
        if (out.length <= 3 * KEEP) {
            BYTES.set(out);
        }
        return java.util.Arrays.copyOf(out, j);
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
