package dev.midad.render;

import java.io.Writer;

/**
 * A page rendered into memory: an unsynchronised {@link Writer} over a {@link StringBuilder} that each render
 * thread reuses for its next page, so a page costs neither a new buffer nor a stream encoder per file.
 */
final class PageText extends Writer {
    /** A builder grown past this (a very long article) is not kept for the thread's next page. */
    private static final int KEEP = 1 << 20;

    private static final ThreadLocal<PageText> REUSED = ThreadLocal.withInitial(() -> new PageText(1 << 15));

    private StringBuilder text;

    PageText(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    /** This thread's page, emptied. */
    static PageText reused() {
        PageText page = REUSED.get();
        if (page.text.capacity() > KEEP) {
            page.text = new StringBuilder(1 << 15);
        }
        page.text.setLength(0);
        return page;
    }

    /** What was written. */
    CharSequence text() {
        return text;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        text.append(buffer, offset, length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
