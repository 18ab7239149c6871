package dev.midad.image;

import dev.midad.text.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A folder kept across builds: encoded files by a name made of the source's content hash and every
 * parameter that shapes the output, and two indexes: of sources (path, size, modification time → hash and
 * upright size), so that a warm build neither hashes nor decodes an unchanged image, and of entries (name →
 * size, modification time and the SHA-256 of the bytes), so that the output's manifest learns an entry's hash
 * without reading it. Entries are written to a temporary file and moved into place: a build killed halfway
 * leaves no half-written entry.
 */
final class ImageCache {
    private static final String INDEX = "sources.tsv";
    private static final String ENTRIES = "entries.tsv";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Path dir;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    private final Future<Void> indexes;
    private volatile boolean dirty;

    /** A source image as the cache knows it. */
    record Source(String hash, int width, int height) {}

    /** An entry as the cache wrote it: its stamp (size and modification time) and the SHA-256 of its bytes. */
    record Stored(long size, long modified, String sha256) {}

    /** An entry that is in the cache as it was written: the file and the SHA-256 of its bytes. */
    record Entry(Path file, String sha256) {}

    ImageCache(Path dir) {
        this.dir = dir;
        // read on a thread of its own: a large archive's indexes take a while (100,000 entries: ~0.4 s), and a
        // build needs them only once it meets an image, late in loading or, after one edit, not at all
        FutureTask<Void> reading = new FutureTask<>(this::readIndexes, null);
        Thread reader = new Thread(reading, "midad-image-index");
        reader.setDaemon(true);
        reader.start();
        indexes = reading;
    }

    private void readIndexes() {
        try {
            for (String line : Files.readAllLines(dir.resolve(INDEX), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 5) {
                    sources.put(f[0] + "\t" + f[1], new Source(f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4])));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no index yet, or a damaged one: sources are measured again
        }
        try {
            for (String line : Files.readAllLines(dir.resolve(ENTRIES), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 4 && f[3].length() == 64) {
                    stored.put(f[0], new Stored(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no index yet (a cache of an earlier version), or a damaged one: those entries are encoded again
        }
    }

    /** Waits until the indexes are read (each method that uses them calls this first). */
    private void awaitIndexes() {
        boolean interrupted = false;
        while (true) {
            try {
                indexes.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // out of memory, say: as if it had happened here (readIndexes catches the rest)
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hash and upright size of {@code file}, from the index when its size and modification time are known. */
    Source source(Path file) throws IOException {
        awaitIndexes();
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String key = file.toAbsolutePath().normalize().toString().replace('\t', ' ') + "\t" + attributes.size() + ":"
                + attributes.lastModifiedTime().toMillis();
        Source known = sources.get(key);
        if (known != null) {
            return known;
        }
        int[] size = Decoded.size(file);
        Source measured = new Source(hash(file), size[0], size[1]);
        sources.put(key, measured);
        dirty = true;
        return measured;
    }

    Path entry(String name) {
        return dir.resolve(name.substring(0, 2)).resolve(name);
    }

    /**
     * The entry {@code name} with the hash of its bytes, or empty when the cache lacks it. The hash comes from
     * the index while the file has the size and modification time it had when it was hashed (one look at its
     * attributes); otherwise (a cache of an earlier version, an entry replaced by hand) the file is read once,
     * stored again and the index learns it. An entry that cannot be read counts as missing: it is encoded again.
     */
    Optional<Entry> find(String name) {
        awaitIndexes();
        Path file = entry(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) { // a symbolic link put there is not ours: encoded again over it
            return Optional.empty();
        }
        Stored known = stored.get(name);
        long modified = attributes.lastModifiedTime().toMillis();
        if (known != null && known.size() == attributes.size() && known.modified() == modified) {
            return Optional.of(new Entry(file, known.sha256()));
        }
        try {
            // stored again as this version stores entries (earlier ones were readable by their owner only)
            Entry again = put(name, Files.readAllBytes(file));
            reads.incrementAndGet();
            return Optional.of(again);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Entries read to learn their hash since this cache was opened: none on a warm build. */
    int reads() {
        return reads.get();
    }

    boolean has(String name) {
        return find(name).isPresent();
    }

    /**
     * Stores {@code bytes} as the entry {@code name}, readable as any new file is (the umask's permissions, not
     * a temporary file's owner-only ones): the site may publish the entry itself, hard-linked.
     */
    Entry put(String name, byte[] bytes) throws IOException {
        awaitIndexes();
        Path target = entry(name);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(".part-" + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
        try {
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
        String sha256 = sha256(bytes);
        stored.put(
                name,
                new Stored(attributes.size(), attributes.lastModifiedTime().toMillis(), sha256));
        dirty = true;
        return new Entry(target, sha256);
    }

    /** Writes the indexes when they learnt something (builds and background encodes may both call it). */
    synchronized void save() throws IOException {
        awaitIndexes();
        if (!dirty) {
            return;
        }
        Files.createDirectories(dir);
        put0(INDEX, lines(sources, s -> List.of(s.hash(), s.width(), s.height())));
        put0(ENTRIES, lines(stored, s -> List.of(s.size(), s.modified(), s.sha256())));
        dirty = false;
    }

    /** One line a key, in key order: the key and its fields, separated by tabs. */
    private static <V> String lines(Map<String, V> index, java.util.function.Function<V, List<?>> fields) {
        StringBuilder text = new StringBuilder(index.size() * 120);
        new TreeMap<>(index).forEach((key, value) -> {
            text.append(key);
            fields.apply(value).forEach(field -> text.append('\t').append(field));
            text.append('\n');
        });
        return text.toString();
    }

    private void put0(String index, String text) throws IOException {
        Path temporary = Files.createTempFile(dir, ".index-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(index), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = Digests.sha256();
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static String hash(List<?> parts) {
        MessageDigest digest = Digests.sha256();
        for (Object part : parts) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
