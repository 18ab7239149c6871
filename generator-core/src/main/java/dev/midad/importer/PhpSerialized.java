package dev.midad.importer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reader of PHP's {@code serialize()} format, as WordPress stores post meta such as
 * {@code _wp_attachment_metadata}: arrays ({@code a:2:{…}}), strings ({@code s:5:"…";}, the length in UTF-8
 * bytes), integers, floats, booleans and null. Objects and references are refused (WordPress's attachment data has
 * none, and nothing here instantiates anything). No Java library for the format is kept up on Maven Central; this
 * one only reads values into maps and strings.
 *
 * <p>Hostile values cannot crash it: nesting, array sizes and string lengths are bounded by the input, and every
 * malformation is an {@link IllegalArgumentException} the caller turns into "no metadata".
 */
final class PhpSerialized {
    private static final int MAX_DEPTH = 16;

    private final byte[] bytes;
    private int at;

    private PhpSerialized(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The value of {@code text}: {@link Map} (keys {@link Long} or {@link String}, in order), {@link String},
     * {@link Long}, {@link Double}, {@link Boolean} or null.
     *
     * @throws IllegalArgumentException {@code text} is not one whole serialized value
     */
    static Object parse(String text) {
        PhpSerialized reader = new PhpSerialized(text.strip().getBytes(StandardCharsets.UTF_8));
        Object value = reader.value(0);
        if (reader.at != reader.bytes.length) {
            throw new IllegalArgumentException("text after the value at byte " + reader.at);
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        char type = (char) next();
        if (type == 'N') {
            expect(';');
            return null;
        }
        expect(':');
        switch (type) {
            case 'b' -> {
                long flag = integer(';');
                if (flag != 0 && flag != 1) {
                    throw new IllegalArgumentException("boolean " + flag);
                }
                return flag == 1;
            }
            case 'i' -> {
                return integer(';');
            }
            case 'd' -> {
                String number = until(';');
                if (!number.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|-?INF|NAN")) {
                    throw new IllegalArgumentException("float '" + number + "'");
                }
                return number.endsWith("INF") || number.equals("NAN") ? Double.NaN : Double.parseDouble(number);
            }
            case 's' -> {
                return string();
            }
            case 'a' -> {
                long size = integer(':');
                if (size < 0 || size > bytes.length - at) { // each entry takes several bytes
                    throw new IllegalArgumentException("array size " + size);
                }
                expect('{');
                Map<Object, Object> map = new LinkedHashMap<>();
                for (long i = 0; i < size; i++) {
                    char keyType = (char) next();
                    expect(':');
                    Object key = switch (keyType) {
                        case 'i' -> integer(';');
                        case 's' -> string();
                        default -> throw new IllegalArgumentException("array key of type " + keyType);
                    };
                    map.put(key, value(depth + 1));
                }
                expect('}');
                return map;
            }
            default -> throw new IllegalArgumentException("type '" + type + "' (objects are not read)");
        }
    }

    /** {@code N:"…";} after the {@code s:}. */
    private String string() {
        long length = integer(':');
        if (length < 0 || length > bytes.length - at - 2) {
            throw new IllegalArgumentException("string length " + length);
        }
        expect('"');
        String value = new String(bytes, at, (int) length, StandardCharsets.UTF_8);
        at += (int) length;
        expect('"');
        expect(';');
        return value;
    }

    private long integer(char end) {
        String digits = until(end);
        if (!digits.matches("-?\\d{1,18}")) {
            throw new IllegalArgumentException("integer '" + digits + "'");
        }
        return Long.parseLong(digits);
    }

    private String until(char end) {
        int start = at;
        while (at < bytes.length && bytes[at] != end) {
            if (at - start > 400) {
                throw new IllegalArgumentException("number too long");
            }
            at++;
        }
        String text = new String(bytes, start, at - start, StandardCharsets.US_ASCII);
        expect(end);
        return text;
    }

    private int next() {
        if (at >= bytes.length) {
            throw new IllegalArgumentException("ends early");
        }
        return bytes[at++];
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("'" + c + "' expected at byte " + (at - 1));
        }
    }
}
