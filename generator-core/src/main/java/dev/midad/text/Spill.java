package dev.midad.text;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that holds packed texts for one build, so that a large archive's bodies need not stay on the heap
 * between being read and being rendered (100,000 articles: about 500 MB of packed bodies, which a 2 GiB heap
 * cannot spare). Texts are appended and read back by position; the file is removed when the spill is closed.
 * Safe for use by several threads.
 */
public final class Spill implements Closeable {
    /** How the name of a spill file begins: a build that finds one left by a killed build removes it. */
    public static final String PREFIX = "spill-";

    private final Path dir;
    private final long above;
    private Path file;
    private volatile FileChannel channel;
    private long end;
    /** Reads {@link #file} in place, opening it for each read; never written to nor removed. */
    private final boolean inPlace;

    /**
     * A spill whose file, made when the first text is written, goes in {@code dir}.
     *
     * @param above how many bytes of packed text a build may hold on the heap before it moves them here
     */
    public Spill(Path dir, long above) {
        this.dir = dir;
        this.above = above;
        this.inPlace = false;
    }

    private Spill(Path file) {
        this.dir = file.getParent();
        this.above = Long.MAX_VALUE;
        this.file = file;
        this.inPlace = true;
    }

    /**
     * Texts that lie in {@code file}, a file that is never changed once written (a build cache part): read
     * where they are, the file opened for each read, so no handle stays open and the file is never removed.
     */
    public static Spill inPlace(Path file) {
        return new Spill(file);
    }

    /** Whether {@code held} bytes of packed text are more than a build should keep on the heap. */
    public boolean tooMuch(long held) {
        return held > above;
    }

    /** Appends {@code bytes}; returns where they start. */
    synchronized long write(byte[] bytes) {
        if (inPlace) {
            throw new IllegalStateException("texts are only read from " + file);
        }
        long at = end;
        try {
            if (channel == null) {
                file = Files.createTempFile(dir, PREFIX, ".tmp");
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, end + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        end += bytes.length;
        return at;
    }

    /** The {@code length} bytes written at {@code at}. */
    byte[] read(long at, int length) {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            if (inPlace) {
                try (FileChannel opened = FileChannel.open(file, StandardOpenOption.READ)) {
                    readFully(opened, buffer, at);
                }
            } else {
                readFully(channel, buffer, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    private void readFully(FileChannel from, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (from.read(buffer, at + buffer.position()) < 0) {
                throw new EOFException(file + " ends before " + (at + buffer.capacity()));
            }
        }
    }

    /** How many bytes were moved here. */
    public synchronized long written() {
        return end;
    }

    /** Closes and removes the file: texts spilled to it can no longer be read. */
    @Override
    public synchronized void close() throws IOException {
        if (inPlace || channel == null) {
            return;
        }
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
