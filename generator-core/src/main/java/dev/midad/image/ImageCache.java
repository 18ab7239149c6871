package dev.midad.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder kept across builds: encoded files by a name made of the source's content hash and every
 * parameter that shapes the output, and an index of sources (path, size, modification time → hash and upright
 * size), so that a warm build neither hashes nor decodes an unchanged image. Entries are written to a temporary
 * file and moved into place: a build killed halfway leaves no half-written entry.
 */
final class ImageCache {
    private static final String INDEX = "sources.tsv";
    private final Path dir;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    /** A source image as the cache knows it. */
    record Source(String hash, int width, int height) {}

    ImageCache(Path dir) {
        this.dir = dir;
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
    }

    /** Hash and upright size of {@code file}, from the index when its size and modification time are known. */
    Source source(Path file) throws IOException {
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

    boolean has(String name) {
        return Files.isRegularFile(entry(name));
    }

    void put(String name, byte[] bytes) throws IOException {
        Path target = entry(name);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".part-", ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes the source index when it learnt something (builds and background encodes may both call it). */
    synchronized void save() throws IOException {
        if (!dirty) {
            return;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(sources)
                .forEach((key, s) -> text.append(key)
                        .append('\t')
                        .append(s.hash())
                        .append('\t')
                        .append(s.width())
                        .append('\t')
                        .append(s.height())
                        .append('\n'));
        Files.createDirectories(dir);
        put0(text.toString());
        dirty = false;
    }

    private void put0(String text) throws IOException {
        Path temporary = Files.createTempFile(dir, ".index-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    static String hash(List<?> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
