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
