package dev.midad.cache;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A cache file being read: buffered, big-endian, with the CRC-32C of what has been consumed so far. The
 * checksum is taken a buffer at a time and nothing is synchronized, because a {@code DataInputStream} over a
 * {@code CheckedInputStream} updated the checksum byte by byte, and that was most of decoding a cache.
 */
final class CheckedInput {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CRC32C crc = new CRC32C();
    private int position;
    private int limit;
    /** Bytes read from the stream into the buffer so far. */
    private long filled;
    /** Where the bytes not yet in the checksum begin. */
    private int unchecked;

    CheckedInput(InputStream in) {
        this.in = in;
    }

    int readUnsignedByte() throws IOException {
        need(1);
        return buffer[position++] & 0xff;
    }

    int readInt() throws IOException {
        need(4);
        int value = (int) INT.get(buffer, position);
        position += 4;
        return value;
    }

    long readLong() throws IOException {
        need(8);
        long value = (long) LONG.get(buffer, position);
        position += 8;
        return value;
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    void readFully(byte[] into) throws IOException {
        int done = 0;
        while (done < into.length) {
            need(1);
            int n = Math.min(into.length - done, limit - position);
            System.arraycopy(buffer, position, into, done, n);
            position += n;
            done += n;
        }
    }

    /** {@code length} bytes in {@code charset}, decoded where they lie in the buffer when they fit. */
    String readString(int length, Charset charset) throws IOException {
        if (length > buffer.length) {
            byte[] bytes = new byte[length];
            readFully(bytes);
            return new String(bytes, charset);
        }
        need(length);
        String value = new String(buffer, position, length, charset);
        position += length;
        return value;
    }

    /**
     * The string of a codec's {@code size} (its length in bytes, doubled, plus one for Latin-1 rather than
     * UTF-8): the shared one with those bytes when there is one, else one of its own.
     */
    String readCodecString(int size, SharedStrings shared) throws IOException {
        int length = size >>> 1;
        boolean latin1 = (size & 1) == 1;
        if (length <= buffer.length) {
            need(length);
            String found = shared.find(buffer, position, length, latin1);
            if (found != null) {
                position += length;
                return found;
            }
        }
        return readString(length, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Where the next byte lies in the stream. */
    long offset() {
        return filled - (limit - position);
    }

    /** Consumes {@code length} bytes (they count in the checksum) without making anything of them. */
    void skip(int length) throws IOException {
        int left = length;
        while (left > 0) {
            need(1);
            int n = Math.min(left, limit - position);
            position += n;
            left -= n;
        }
    }

    /** The checksum of everything consumed so far. */
    long checksum() {
        crc.update(buffer, unchecked, position - unchecked);
        unchecked = position;
        return crc.getValue();
    }

    /** Whether the stream holds nothing more. */
    boolean atEnd() throws IOException {
        return position == limit && !fill(1);
    }

    private void need(int count) throws IOException {
        if (limit - position < count && !fill(count)) {
            throw new EOFException();
        }
    }

    /** Moves what is left to the front and reads until {@code count} bytes are there; false at the end. */
    private boolean fill(int count) throws IOException {
        crc.update(buffer, unchecked, position - unchecked);
        int left = limit - position;
        System.arraycopy(buffer, position, buffer, 0, left);
        position = 0;
        unchecked = 0;
        limit = left;
        while (limit < count) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return false;
            }
            limit += n;
            filled += n;
        }
        return true;
    }
}
