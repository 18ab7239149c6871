package dev.midad.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.TreeSet;

/**
 * Drops the characters XML 1.0 forbids (control characters such as U+0008, lone surrogates, U+FFFE/U+FFFF), which
 * WordPress exports carry over from pasted text and which make every XML parser stop. Line breaks are never
 * dropped, so the parser's line numbers stay those of the file. Counts what it drops and the U+FFFD replacement
 * characters it sees (bytes that were not valid in the file's encoding).
 */
final class XmlCharFilter extends Reader {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int line = 1;
    private int dropped;
    private int firstDroppedLine;
    private final TreeSet<Integer> droppedCharacters = new TreeSet<>();
    private int replacements;
    private int firstReplacementLine;
    /** A high surrogate held back until the next read shows whether a low surrogate follows. */
    private int pendingHigh = -1;

    private final StringBuilder ready = new StringBuilder();
    private int readyPosition;

    XmlCharFilter(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (readyPosition >= ready.length()) {
            ready.setLength(0);
            readyPosition = 0;
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                if (pendingHigh >= 0) {
                    drop(pendingHigh);
                    pendingHigh = -1;
                }
                return -1;
            }
            filter(n);
        }
        int count = Math.min(len, ready.length() - readyPosition);
        ready.getChars(readyPosition, readyPosition + count, out, off);
        readyPosition += count;
        return count;
    }

    private void filter(int n) {
        for (int i = 0; i < n; i++) {
            char c = buffer[i];
            if (pendingHigh >= 0) {
                if (Character.isLowSurrogate(c)) {
                    ready.append((char) pendingHigh).append(c);
                    pendingHigh = -1;
                    continue;
                }
                drop(pendingHigh);
                pendingHigh = -1;
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (allowed(c)) {
                if (c == '\uFFFD' && replacements++ == 0) {
                    firstReplacementLine = line;
                }
                ready.append(c);
            } else {
                drop(c);
            }
        }
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private void drop(int c) {
        if (dropped++ == 0) {
            firstDroppedLine = line;
        }
        droppedCharacters.add(c);
    }

    int dropped() {
        return dropped;
    }

    int firstDroppedLine() {
        return firstDroppedLine;
    }

    /** The dropped characters as "U+0008, U+000B". */
    String droppedCharacters() {
        StringBuilder out = new StringBuilder();
        for (int c : droppedCharacters) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(String.format("U+%04X", c));
        }
        return out.toString();
    }

    int replacements() {
        return replacements;
    }

    int firstReplacementLine() {
        return firstReplacementLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
