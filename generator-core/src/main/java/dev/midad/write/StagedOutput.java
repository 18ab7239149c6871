package dev.midad.write;

import dev.midad.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a site into a staging folder next to the output folder and swaps it in only when the whole build
 * succeeded. A failed or killed build leaves the previous site untouched; stale staging folders of killed
 * builds are removed by the next build.
 *
 * <p>Every file's SHA-256 is recorded in a manifest next to the output folder ({@code .<name>.manifest}).
 * A file whose bytes did not change since the previous build keeps its old modification time, so rsync
 * and CDN uploads send only what really changed.
 */
public final class StagedOutput implements AutoCloseable {
    private static final String STAGING = ".staging-";
    private static final String RETIRED = ".retired-";
    private static final String MANIFEST = ".manifest";

    private final Path outputDir;
    private final Path staging;
    private final Map<String, String> writtenBy = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Path manifest;
    private int unchanged;
    private boolean committed;

    public StagedOutput(Path outputDir) throws IOException {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        Path parent = this.outputDir.getParent();
        Files.createDirectories(parent);
        String prefix = "." + this.outputDir.getFileName();
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix + STAGING)
                    || p.getFileName().toString().startsWith(prefix + RETIRED)).toList()) {
                deleteTree(stale);
            }
        }
        this.staging = Files.createTempDirectory(parent, prefix + STAGING);
        this.manifest = parent.resolve(prefix + MANIFEST);
    }

    /**
     * Opens {@code relativeFile} (forward slashes, no leading slash) for writing as UTF-8.
     *
     * @param producer names what writes it, to explain collisions
     */
    public Writer open(String relativeFile, String producer) throws IOException {
        Path target = claim(relativeFile, producer);
        MessageDigest digest = sha256();
        OutputStream file = new DigestOutputStream(Files.newOutputStream(target), digest) {
            @Override
            public void close() throws IOException {
                super.close();
                hashes.put(relativeFile, HexFormat.of().formatHex(digest.digest()));
            }
        };
        return new XmlSafeWriter(new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Copies a static file into the site. */
    public void copy(Path source, String relativeFile, String producer) throws IOException {
        write(relativeFile, Files.readAllBytes(source), producer);
    }

    /** Writes bytes into the site. */
    public void write(String relativeFile, byte[] content, String producer) throws IOException {
        Files.write(claim(relativeFile, producer), content);
        hashes.put(relativeFile, HexFormat.of().formatHex(sha256().digest(content)));
    }

    /** Files whose bytes are the same as in the previous build (known after {@link #commit()}). */
    public int unchangedCount() {
        return unchanged;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public int fileCount() {
        return writtenBy.size();
    }

    private Path claim(String relativeFile, String producer) throws IOException {
        Path target = staging.resolve(relativeFile).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) {
            throw new CollisionException(Problem.of(Path.of(producer), "would write outside the output folder: "
                    + relativeFile));
        }
        String earlier = writtenBy.putIfAbsent(relativeFile, producer);
        if (earlier != null) {
            throw new CollisionException(Problem.of(Path.of(producer), "writes " + relativeFile
                    + ", which " + earlier + " writes too: change a slug or rename one of them"));
        }
        Files.createDirectories(target.getParent());
        return target;
    }

    /** Swaps the staged site in place of the output folder. */
    public void commit() throws IOException {
        keepTimesOfUnchangedFiles();
        Path retired = null;
        if (Files.exists(outputDir)) {
            retired = outputDir.resolveSibling("." + outputDir.getFileName() + RETIRED + System.nanoTime());
            Files.move(outputDir, retired);
        }
        try {
            Files.move(staging, outputDir);
        } catch (IOException e) {
            if (retired != null) {
                Files.move(retired, outputDir);
            }
            throw e;
        }
        committed = true;
        writeManifest();
        if (retired != null) {
            deleteTree(retired);
        }
    }

    /** Gives every file that has the same hash as in the previous build that build's modification time. */
    private void keepTimesOfUnchangedFiles() throws IOException {
        if (!Files.isDirectory(outputDir) || !Files.isRegularFile(manifest)) {
            return;
        }
        Map<String, String> previous = new HashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space == 64) {
                previous.put(line.substring(space + 1), line.substring(0, space));
            }
        }
        int same = 0;
        for (Map.Entry<String, String> entry : hashes.entrySet()) {
            if (entry.getValue().equals(previous.get(entry.getKey()))) {
                Path old = outputDir.resolve(entry.getKey());
                if (Files.isRegularFile(old)) {
                    Files.setLastModifiedTime(staging.resolve(entry.getKey()), Files.getLastModifiedTime(old));
                    same++;
                }
            }
        }
        unchanged = same;
    }

    private void writeManifest() throws IOException {
        StringBuilder lines = new StringBuilder(hashes.size() * 100);
        new TreeMap<>(hashes).forEach((file, hash) -> lines.append(hash).append(' ').append(file).append('\n'));
        Path temp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        Files.writeString(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the staging folder unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Two producers claimed one output file, or a path escaped the output folder. */
    public static final class CollisionException extends FileAlreadyExistsException {
        private final transient Problem problem;

        CollisionException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
