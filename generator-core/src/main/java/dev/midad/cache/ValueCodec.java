package dev.midad.cache;

import dev.midad.text.PackedText;
import dev.midad.text.Spill;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An explicit binary format for Midad's immutable value graphs (records, lists, maps, strings, numbers, dates,
 * paths), used by the build cache. Not Java serialization: only records of Midad's own packages are made, and
 * only through their canonical constructors (which validate); any other class is refused. A record class is
 * written once per stream with its component names and types, so a cache written by a build whose records
 * had other shapes is rejected rather than misread. Records met twice (the same article in the source cache
 * and in the model's memory) are written once and come back as one object — identity matters to the caches
 * that are restored from it. Equal strings are written once too (front matter keys, term names, template
 * names and site-wide values repeat in every article): a reader makes each of them once.
 */
public final class ValueCodec {
    private static final String PACKAGE = "dev.midad.";
    /** Packed texts at least this long are left in a file read in place (see {@link Reader#Reader(CheckedInput, Spill, SharedStrings)}). */
    private static final int IN_PLACE = 512;

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int REF = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int TRUE = 6;
    private static final int FALSE = 7;
    private static final int LIST = 8;
    private static final int MAP = 9;
    private static final int SET = 10;
    private static final int RECORD = 11;
    private static final int ENUM = 12;
    private static final int PATH = 13;
    private static final int ZONED = 14;
    private static final int LOCAL_DATE = 15;
    private static final int INSTANT = 16;
    private static final int URI_VALUE = 17;
    private static final int LOCALE = 18;
    private static final int LOCAL_DATE_TIME = 19;
    private static final int PACKED = 20;

    private ValueCodec() {}

    /** A value this format cannot hold, or a stream it cannot read. */
    public static final class UnsupportedValueException extends IOException {
        UnsupportedValueException(String message) {
            super(message);
        }
    }

    /** Writes value graphs to one stream; objects written earlier are referred to by number. */
    public static final class Writer {
        private final CheckedOutput out;
        /** Records by identity, strings by value: numbered together in the order written (the reader's order). */
        private final Map<Object, Integer> seen = new IdentityHashMap<>();

        private final Map<String, Integer> strings = new HashMap<>();
        private int numbered;
        private final Map<Class<?>, Integer> classes = new HashMap<>();

        Writer(CheckedOutput out) {
            this.out = out;
        }

        public void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
                return;
            }
            Integer ref = value instanceof String s ? strings.get(s) : value instanceof Record ? seen.get(value) : null;
            if (ref != null) {
                out.writeByte(REF);
                out.writeInt(ref);
                return;
            }
            if (value instanceof String s) {
                out.writeByte(STRING);
                bytes(s);
                strings.put(s, numbered++);
            } else if (value instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (value instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (value instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (value instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    write(item);
                }
            } else if (value instanceof Set<?> set) {
                out.writeByte(SET);
                out.writeInt(set.size());
                for (Object item : set) {
                    write(item);
                }
            } else if (value instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    write(entry.getKey());
                    write(entry.getValue());
                }
            } else if (value instanceof Record record) {
                writeRecord(record);
            } else if (value instanceof PackedText packed) {
                out.writeByte(PACKED);
                bytes(packed.deflated());
                out.writeInt(packed.bytes());
            } else if (value instanceof Enum<?> e
                    && e.getDeclaringClass().getName().startsWith(PACKAGE)) {
                out.writeByte(ENUM);
                bytes(e.getDeclaringClass().getName());
                bytes(e.name());
            } else if (value instanceof Path path) {
                out.writeByte(PATH);
                bytes(path.toString());
            } else if (value instanceof ZonedDateTime date) {
                out.writeByte(ZONED);
                out.writeLong(date.toEpochSecond());
                out.writeInt(date.getNano());
                bytes(date.getOffset().getId());
                bytes(date.getZone().getId());
            } else if (value instanceof LocalDate date) {
                out.writeByte(LOCAL_DATE);
                out.writeLong(date.toEpochDay());
            } else if (value instanceof LocalDateTime date) {
                out.writeByte(LOCAL_DATE_TIME);
                out.writeLong(date.toEpochSecond(ZoneOffset.UTC));
                out.writeInt(date.getNano());
            } else if (value instanceof Instant instant) {
                out.writeByte(INSTANT);
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
            } else if (value instanceof URI uri) {
                out.writeByte(URI_VALUE);
                bytes(uri.toString());
            } else if (value instanceof Locale locale) {
                out.writeByte(LOCALE);
                bytes(locale.toLanguageTag());
            } else {
                throw new UnsupportedValueException(
                        "cannot store a " + value.getClass().getName());
            }
        }

        private void writeRecord(Record record) throws IOException {
            Class<?> type = record.getClass();
            if (!type.getName().startsWith(PACKAGE)) {
                throw new UnsupportedValueException("cannot store a " + type.getName());
            }
            out.writeByte(RECORD);
            Integer id = classes.get(type);
            if (id == null) {
                out.writeInt(-1);
                bytes(type.getName());
                bytes(RecordShape.of(type).signature());
                classes.put(type, classes.size());
            } else {
                out.writeInt(id);
            }
            seen.put(record, numbered++);
            try {
                for (Method accessor : RecordShape.of(type).accessors()) {
                    write(accessor.invoke(record));
                }
            } catch (ReflectiveOperationException e) {
                throw new UnsupportedValueException("cannot read " + type.getName() + ": " + e);
            }
        }

        /**
         * A string as its length in bytes, doubled, plus one when the bytes are Latin-1 rather than UTF-8: a
         * packed text is Latin-1 (one character a byte), which UTF-8 would lengthen by half and decode slowly.
         */
        private void bytes(String s) throws IOException {
            boolean latin1 = isLatin1(s);
            byte[] bytes = encode(s, latin1);
            out.writeInt(bytes.length * 2 + (latin1 ? 1 : 0));
            out.write(bytes);
        }
    }

    /** Whether the codec writes {@code s} as Latin-1 (every character below 256) rather than UTF-8. */
    static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }

    /** The bytes the codec writes for {@code s}. */
    static byte[] encode(String s, boolean latin1) {
        return s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Reads what a {@link Writer} wrote, in the same order. */
    public static final class Reader {
        private final CheckedInput in;
        private final Spill inPlace;
        private final SharedStrings shared;
        private final List<Object> seen = new ArrayList<>();
        private final List<RecordShape> classes = new ArrayList<>();

        /**
         * A reader of {@code in}. With {@code inPlace}, the file is one that is never changed once written: its
         * long packed texts (article bodies, their HTML, search terms: most of a content part's bytes) stay in
         * it, read from {@code inPlace} when used, instead of on the heap; they still count in the checksum.
         * A string among {@code shared} is read as its object there.
         */
        Reader(CheckedInput in, Spill inPlace, SharedStrings shared) {
            this.in = in;
            this.inPlace = inPlace;
            this.shared = shared;
        }

        public Object read() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING: {
                    String s = in.readCodecString(size(), shared);
                    seen.add(s);
                    return s;
                }
                case REF: {
                    int ref = in.readInt();
                    if (ref < 0 || ref >= seen.size() || seen.get(ref) == null) {
                        throw new UnsupportedValueException("a reference to nothing");
                    }
                    return seen.get(ref);
                }
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case DOUBLE:
                    return in.readDouble();
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case LIST: {
                    int size = size();
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(read());
                    }
                    return Collections.unmodifiableList(list);
                }
                case SET: {
                    int size = size();
                    Set<Object> set = new LinkedHashSet<>();
                    for (int i = 0; i < size; i++) {
                        set.add(read());
                    }
                    return Collections.unmodifiableSet(set);
                }
                case MAP: {
                    int size = size();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        map.put(read(), read());
                    }
                    return Collections.unmodifiableMap(map);
                }
                case RECORD:
                    return readRecord();
                case ENUM:
                    return readEnum();
                case PATH:
                    return Path.of(string());
                case ZONED: {
                    long seconds = in.readLong();
                    int nanos = in.readInt();
                    ZoneOffset offset = ZoneOffset.of(string());
                    ZoneId zone = ZoneId.of(string());
                    return ZonedDateTime.ofStrict(LocalDateTime.ofEpochSecond(seconds, nanos, offset), offset, zone);
                }
                case LOCAL_DATE:
                    return LocalDate.ofEpochDay(in.readLong());
                case LOCAL_DATE_TIME: {
                    long seconds = in.readLong();
                    return LocalDateTime.ofEpochSecond(seconds, in.readInt(), ZoneOffset.UTC);
                }
                case INSTANT: {
                    long seconds = in.readLong();
                    return Instant.ofEpochSecond(seconds, in.readInt());
                }
                case URI_VALUE:
                    return URI.create(string());
                case LOCALE:
                    return Locale.forLanguageTag(string());
                case PACKED: {
                    int size = size();
                    int length = size >>> 1;
                    if (inPlace != null && (size & 1) == 1 && length >= IN_PLACE) { // Latin-1: a byte a char
                        long at = in.offset();
                        in.skip(length);
                        int bytes = in.readInt();
                        if (bytes < 0) {
                            throw new UnsupportedValueException("a packed text of " + bytes + " bytes");
                        }
                        return PackedText.at(inPlace, at, length, bytes);
                    }
                    String deflated = string(size);
                    int bytes = in.readInt();
                    if (bytes < 0) {
                        throw new UnsupportedValueException("a packed text of " + bytes + " bytes");
                    }
                    return new PackedText(deflated, bytes);
                }
                default:
                    throw new UnsupportedValueException("unknown tag " + tag);
            }
        }

        private Object readRecord() throws IOException {
            int id = in.readInt();
            RecordShape shape;
            if (id == -1) {
                String name = string();
                String signature = string();
                shape = RecordShape.named(name);
                if (!shape.signature().equals(signature)) {
                    throw new UnsupportedValueException(name + " has another shape in this version");
                }
                classes.add(shape);
            } else if (id >= 0 && id < classes.size()) {
                shape = classes.get(id);
            } else {
                throw new UnsupportedValueException("an unknown record class");
            }
            int slot = seen.size();
            seen.add(null); // a record cannot contain itself: the slot is filled once it is made
            Object[] values = new Object[shape.accessors().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = read();
            }
            try {
                Object record = shape.constructor().newInstance(values);
                seen.set(slot, record);
                return record;
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new UnsupportedValueException(
                        "cannot make a " + shape.type().getName() + ": " + e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object readEnum() throws IOException {
            String name = string();
            String constant = string();
            if (!name.startsWith(PACKAGE)) {
                throw new UnsupportedValueException("refused class " + name);
            }
            try {
                Class<?> type = Class.forName(name, false, ValueCodec.class.getClassLoader());
                if (!type.isEnum()) {
                    throw new UnsupportedValueException(name + " is not an enum");
                }
                return Enum.valueOf((Class) type, constant);
            } catch (ClassNotFoundException | IllegalArgumentException e) {
                throw new UnsupportedValueException("unknown constant " + name + "." + constant);
            }
        }

        private int size() throws IOException {
            int size = in.readInt();
            if (size < 0) {
                throw new UnsupportedValueException("a negative size");
            }
            return size;
        }

        private String string() throws IOException {
            return string(size());
        }

        /** A string of the {@code size} a writer's {@code bytes} gave, never one of the shared ones. */
        private String string(int size) throws IOException {
            return in.readCodecString(size, SharedStrings.none());
        }
    }

    /** Component names and generic types: a record whose shape changed is never filled from old data. */
    static String signature(Class<?> type) {
        StringBuilder signature = new StringBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            signature
                    .append(component.getName())
                    .append(':')
                    .append(component.getGenericType().getTypeName())
                    .append(';');
        }
        return signature.toString();
    }

    /** A record class of Midad's, with its accessors and canonical constructor opened for the codec. */
    private record RecordShape(Class<?> type, List<Method> accessors, Constructor<?> constructor, String signature) {
        private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
            @Override
            protected RecordShape computeValue(Class<?> type) {
                RecordComponent[] components = type.getRecordComponents();
                List<Method> accessors = new ArrayList<>();
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    Method accessor = components[i].getAccessor();
                    accessor.setAccessible(true); // private nested records of the model's memory
                    accessors.add(accessor);
                    types[i] = components[i].getType();
                }
                try {
                    Constructor<?> constructor = type.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return new RecordShape(type, List.copyOf(accessors), constructor, ValueCodec.signature(type));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("a record without its canonical constructor: " + type, e);
                }
            }
        };

        static RecordShape of(Class<?> type) {
            return SHAPES.get(type);
        }

        static RecordShape named(String name) throws UnsupportedValueException {
            if (!name.startsWith(PACKAGE)) {
                throw new UnsupportedValueException("refused class " + name);
            }
            try {
                Class<?> type = Class.forName(name, false, ValueCodec.class.getClassLoader());
                if (!type.isRecord()) {
                    throw new UnsupportedValueException(name + " is not a record");
                }
                return of(type);
            } catch (ClassNotFoundException e) {
                throw new UnsupportedValueException("unknown class " + name);
            }
        }
    }
}
