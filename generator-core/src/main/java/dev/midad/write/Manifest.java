package dev.midad.write;

import dev.midad.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * What a build wrote: every output file's hash and, for files copied from the site (static/, assets), a
 * {@link Digests#stamp} of the source, so the next build in the same JVM can skip reading an
 * unchanged source. Kept on disk next to the output folder ({@code .<name>.manifest}, hashes only).
 *
 * <p>A file the build writes is known by the XXH3-128 of its bytes ({@link #hash}): the hash only tells the
 * next build whether a file's bytes changed, and every byte a build writes is hashed (SHA-256 took a sixth of
 * a 1,000-article build under the first JIT compiler: see {@link Digests#xxh3Hex}). A file put in from the
 * image cache ({@link SiteOutput#copyImmutable}) keeps the SHA-256 the cache knows it by, so it is never read:
 * an entry's hash is compared only with that file's hash before.
 *
 * @param hashes  hash (hex) by output file, forward slashes (kept as {@link FileBuckets})
 * @param sources source stamp by output file, for copied files; empty when read from disk
 */
public record Manifest(Map<String, String> hashes, Map<String, String> sources) {
    private static final Manifest EMPTY = new Manifest(Map.of(), Map.of());
    private static final int HASH_DIGITS = 32;

    public Manifest {
        hashes = FileBuckets.of(hashes); // one edit's manifest shares all buckets but a few with the last one
        sources = Map.copyOf(sources);
    }

    /** The hashes as they are kept: in buckets by file (see {@link FileBuckets}). */
    public FileBuckets<String> buckets() {
        return (FileBuckets<String>) hashes;
    }

    /** Where the manifest of {@code outputDir} is kept. */
    public static Path fileFor(Path outputDir) {
        return outputDir.resolveSibling("." + outputDir.getFileName() + ".manifest");
    }

    /** The manifest the last build of {@code outputDir} left, or {@link #EMPTY}. */
    public static Manifest read(Path outputDir) throws IOException {
        Path file = fileFor(outputDir);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        Map<String, String> hashes = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space == HASH_DIGITS || space == 64) { // 64: a SHA-256 from the image cache
                hashes.put(line.substring(space + 1), line.substring(0, space));
            }
        }
        return new Manifest(hashes, Map.of());
    }

    /**
     * Writes this manifest for {@code outputDir} (when a live preview ends). A manifest on disk must never be
     * stale: a later build would give a changed file the time of an unchanged one, and rsync could skip it.
     *
     * @return the {@link Digests#stamp} of the file as written
     */
    public String save(Path outputDir) throws IOException {
        return write(outputDir.toAbsolutePath().normalize());
    }

    /** The manifest on disk no longer describes {@code outputDir}: the next build starts without one. */
    static void discard(Path outputDir) throws IOException {
        Files.deleteIfExists(fileFor(outputDir));
    }

    /**
     * Replaces the manifest of {@code outputDir} atomically; returns the {@link Digests#stamp} of the file
     * written (at 100,000 articles it is 55 MB: hashing it on every build cost a second of CPU).
     */
    String write(Path outputDir) throws IOException {
        String[] files = hashes.keySet().toArray(String[]::new);
        java.util.Arrays.sort(files); // an array, not a TreeMap: 500,000 files at 100,000 articles
        Path manifest = fileFor(outputDir);
        Path temp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        try (java.io.Writer out = new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)) {
            for (String file : files) {
                out.write(hashes.get(file));
                out.write(' ');
                out.write(file);
                out.write('\n');
            }
        }
        Files.move(temp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Digests.stamp(manifest);
    }

    /** The manifest's hash of a written file ({@link Digests#xxh3Hex}). */
    static String hash(byte[] content) {
        return Digests.xxh3Hex(content);
    }
}
