package dev.midad.cache;

import dev.midad.text.Digests;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The folder where a build keeps its state for the next build in another JVM: {@code .midad-cache/<name>/}
 * next to the output folder {@code <name>} (for {@code target/site}: {@code target/.midad-cache/site/}). The
 * state is {@code state.bin}: a header (format version, which code wrote it, the keys of what it was made
 * from), then one value graph in {@link ValueCodec}'s format, then a CRC-32C of all that; it may name parts,
 * {@code part-<id>.bin}, {@code slice-<id>.bin} and {@code search-<id>.bin} in the same format, which are written once and never changed, so that a build rewrites
 * only the parts whose values changed. The state is replaced atomically (a temporary file moved over it) after
 * its new parts are in, so a reader sees a whole old state or a whole new one; a torn, truncated, missing or
 * foreign file reads as corrupt and the caller builds from scratch.
 */
public final class BuildCache {
    /** Bump when the layout of the header or of what callers store changes in a way shapes do not show. */
    public static final int FORMAT = 5;

    private static final byte[] MAGIC = "MIDAD-BUILD-CACHE\n".getBytes(StandardCharsets.US_ASCII);

    /** The names of the files a state may name: content parts and output slices. */
    private static final String PART = "(part|slice|search)-[0-9a-f-]+\\.bin";

    private final Path dir;

    /** The cache of the site built into {@code outputDir}. */
    public BuildCache(Path outputDir) {
        Path out = outputDir.toAbsolutePath().normalize();
        this.dir = out.resolveSibling(".midad-cache").resolve(out.getFileName().toString());
    }

    public Path dir() {
        return dir;
    }

    private Path stateFile() {
        return dir.resolve("state.bin");
    }

    /**
     * What a state was made from: the code that wrote it and two levels of inputs. {@code sources} decides
     * whether parsed files can be reused; {@code model} whether resolved articles and rendered files can.
     */
    public record Keys(String code, String sources, String model) {}

    /** A state as read: its keys and the stored value. */
    public record Loaded(Keys keys, Object value) {}

    /** Why a state cannot be used at all. */
    public static final class Unusable extends Exception {
        public Unusable(String reason) {
            super(reason);
        }
    }

    /** The stored state; empty when there is none. */
    public java.util.Optional<Loaded> read() throws Unusable {
        try {
            Object[] read =
                    readFile(stateFile(), 4, false, SharedStrings.none()); // rewritten by every build: read whole
            return java.util.Optional.of(new Loaded(new Keys(text(read[0]), text(read[1]), text(read[2])), read[3]));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A part the state names (see {@link #writePart}); a part that is missing, torn or foreign makes the whole
     * state unusable.
     */
    public Object readPart(String name) throws Unusable {
        return readPart(name, SharedStrings.none());
    }

    /** As {@link #readPart(String)}, a string among {@code strings} read as its object there. */
    public Object readPart(String name, SharedStrings strings) throws Unusable {
        if (!name.matches(PART)) {
            throw new Unusable("the cache names a part it cannot hold (" + name + ")");
        }
        try {
            return readFile(dir.resolve(name), 1, true, strings)[0]; // never changed once written: texts read in place
        } catch (NoSuchFileException e) {
            throw new Unusable("a part of the cache is missing (" + name + ")");
        }
    }

    /**
     * {@code count} values from one file in the cache's format, its magic, format and checksum checked; with
     * {@code inPlace}, long packed texts stay in the file (see {@link ValueCodec.Reader}).
     */
    private static Object[] readFile(Path file, int count, boolean inPlace, SharedStrings strings)
            throws Unusable, NoSuchFileException {
        try (InputStream raw = Files.newInputStream(file)) {
            CheckedInput in = new CheckedInput(raw);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new Unusable("the cache is not Midad's");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Unusable("the cache has format " + format + ", this Midad writes " + FORMAT);
            }
            ValueCodec.Reader reader =
                    new ValueCodec.Reader(in, inPlace ? dev.midad.text.Spill.inPlace(file) : null, strings);
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = reader.read();
            }
            long expected = in.checksum();
            if (in.readLong() != expected) {
                throw new Unusable("the cache is damaged (its checksum does not match)");
            }
            if (!in.atEnd()) {
                throw new Unusable("the cache has data past its end");
            }
            return values;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (EOFException e) {
            throw new Unusable("the cache is cut short");
        } catch (IOException | RuntimeException e) {
            throw new Unusable("the cache cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String text(Object value) throws Unusable {
        if (value instanceof String s) {
            return s;
        }
        throw new Unusable("the cache cannot be read (a key is missing)");
    }

    /** Replaces the state atomically. Parts it does not name are removed after. */
    public void write(Keys keys, Object value, Set<String> parts) throws IOException {
        writeFile(stateFile(), keys.code(), keys.sources(), keys.model(), value);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches(PART) && !parts.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Writes a part of the next state in a file of its own and returns its name, for the state to name: a
     * part is never changed once written, so a state can go on naming a part whose value did not change and
     * a build writes only the parts that did.
     */
    public String writePart(Object value) throws IOException {
        return writePart("part", value);
    }

    /**
     * As {@link #writePart(Object)}, in a file whose name starts with {@code kind}: {@code part} (content),
     * {@code slice} (output files) or {@code search} (search index shards).
     */
    public String writePart(String kind, Object value) throws IOException {
        if (!kind.equals("part") && !kind.equals("slice") && !kind.equals("search")) {
            throw new IllegalArgumentException("no parts of kind " + kind);
        }
        String name = kind + "-" + java.util.UUID.randomUUID() + ".bin";
        writeFile(dir.resolve(name), value);
        return name;
    }

    /** Writes values in the cache's format (magic, format, values, checksum) atomically. */
    private void writeFile(Path file, Object... values) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve(
                file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temp)) {
                CheckedOutput out = new CheckedOutput(raw);
                out.write(MAGIC);
                out.writeInt(FORMAT);
                ValueCodec.Writer writer = new ValueCodec.Writer(out);
                for (Object value : values) {
                    writer.write(value);
                }
                out.writeLong(out.checksum()); // a damaged file must never be read as another state
                out.flush();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The state no longer describes the output (it is about to change): the next build starts from scratch. */
    public void invalidate() throws IOException {
        Files.deleteIfExists(stateFile());
    }

    /**
     * Identifies the code that runs: the contents of the jar (or the files of the class folder) Midad and the
     * libraries that shape its output were loaded from. A cache written by any other build of Midad is stale.
     */
    public static String codeKey() throws IOException {
        MessageDigest digest = sha256();
        digest.update(Integer.toString(FORMAT).getBytes(StandardCharsets.UTF_8));
        Set<Path> locations = new LinkedHashSet<>(); // a fat jar holds them all: read it once
        for (String type : List.of(
                "dev.midad.cache.BuildCache",
                "freemarker.template.Configuration",
                "org.commonmark.parser.Parser",
                "org.jsoup.Jsoup",
                "org.snakeyaml.engine.v2.api.Load",
                "com.ibm.icu.text.PluralRules")) {
            locations.add(location(type));
        }
        for (Path location : locations) {
            digest.update(String.valueOf(location).getBytes(StandardCharsets.UTF_8));
            if (location == null) {
                continue;
            }
            if (Files.isDirectory(location)) {
                digest.update(stamps(location).getBytes(StandardCharsets.UTF_8));
            } else if (Files.isRegularFile(location)) {
                digest.update(entries(location).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Name, size and CRC-32 of every entry of a jar, from its central directory: as telling as hashing its
     * bytes (every class's checksum is in it), without reading 30 MB on every build.
     */
    private static String entries(Path jar) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream()
                    .forEach(entry -> all.append(entry.getName())
                            .append(' ')
                            .append(entry.getSize())
                            .append(' ')
                            .append(Long.toHexString(entry.getCrc()))
                            .append('\n'));
        }
        return all.toString();
    }

    private static Path location(String type) {
        try {
            CodeSource source = Class.forName(type, false, BuildCache.class.getClassLoader())
                    .getProtectionDomain()
                    .getCodeSource();
            return source == null || source.getLocation() == null
                    ? null
                    : Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Relative path, size and modification time of every file under {@code dir}, sorted. */
    private static String stamps(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    all.append(dir.relativize(file))
                            .append(' ')
                            .append(attributes.size())
                            .append(' ')
                            .append(attributes.lastModifiedTime().toMillis())
                            .append('\n');
                }
            }
        }
        return all.toString();
    }

    /**
     * SHA-256 over the names and contents of every file under {@code dir} (none if it does not exist), reading
     * again only files whose size and modification time differ from {@code known} (path → "stamp hash").
     * Returns the digest; {@code next} receives every file's stamp and hash for the next call.
     */
    public static String treeKey(Path dir, Map<String, String> known, Map<String, String> next) throws IOException {
        MessageDigest digest = sha256();
        if (Files.isDirectory(dir)) {
            Map<String, Path> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .forEach(f -> files.put(dir.relativize(f).toString().replace('\\', '/'), f));
            }
            for (Map.Entry<String, Path> entry : files.entrySet()) {
                BasicFileAttributes attributes = Files.readAttributes(entry.getValue(), BasicFileAttributes.class);
                String stamp =
                        attributes.size() + "@" + attributes.lastModifiedTime().toInstant();
                String before = known.get(entry.getKey());
                String hash = before != null && before.startsWith(stamp + " ")
                        ? before.substring(stamp.length() + 1)
                        : HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(entry.getValue())));
                next.put(entry.getKey(), stamp + " " + hash);
                digest.update((entry.getKey() + "\n" + hash + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of some texts, each followed by a line break. */
    public static String key(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update((part + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a file's bytes, or "" when it does not exist. */
    public static String fileKey(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        return Digests.sha256Hex(Files.readAllBytes(file));
    }

    private static MessageDigest sha256() {
        return Digests.sha256();
    }
}
