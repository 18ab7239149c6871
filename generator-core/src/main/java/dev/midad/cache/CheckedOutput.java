package dev.midad.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * A cache file being written: buffered, big-endian, with the CRC-32C of what has been written so far, taken a
 * buffer at a time (see {@link CheckedInput} for why not the {@code java.io} decorators).
 */
final class CheckedOutput {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final CRC32C crc = new CRC32C();
    private int position;

    CheckedOutput(OutputStream out) {
        this.out = out;
    }

    void writeByte(int value) throws IOException {
        room(1);
        buffer[position++] = (byte) value;
    }

    void writeInt(int value) throws IOException {
        room(4);
        INT.set(buffer, position, value);
        position += 4;
    }

    void writeLong(long value) throws IOException {
        room(8);
        LONG.set(buffer, position, value);
        position += 8;
    }

    void writeDouble(double value) throws IOException {
        writeLong(Double.doubleToRawLongBits(value));
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length) {
            flush();
            crc.update(bytes);
            out.write(bytes);
            return;
        }
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** The checksum of everything written so far. */
    long checksum() throws IOException {
        flush();
        return crc.getValue();
    }

    /** Hands what is buffered to the stream (the checksum counts it). */
    void flush() throws IOException {
        crc.update(buffer, 0, position);
        out.write(buffer, 0, position);
        position = 0;
    }

    private void room(int count) throws IOException {
        if (buffer.length - position < count) {
            flush();
        }
    }
}
