package dev.midad.write;

import dev.midad.text.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a site into a staging folder next to the output folder and swaps it in only when the whole build
 * succeeded. A failed or killed build leaves the previous site untouched; stale staging folders of killed
 * builds are removed by the next build, and a build killed in the instant between the two renames of the
 * swap is repaired by the next one (the previous site is put back before anything else happens).
 *
 * <p>Safety rules: one build at a time per output folder ({@link OutputLock}); an
 * existing output folder is only replaced when it is empty or holds a site ({@code index.html}) and is not a
 * git working copy; nothing is written outside the staging folder, and symbolic links are never copied (one
 * could publish any file of the machine).
 *
 * <p>Every file's SHA-256 is recorded in a manifest next to the output folder ({@code .<name>.manifest}).
 * A file whose bytes did not change since the previous build keeps its old modification time, so rsync
 * and CDN uploads send only what really changed.
 */
public final class StagedOutput implements SiteOutput {
    private static final String STAGING = ".staging-";
    private static final String RETIRED = ".retired-";

    private final Path outputDir;
    private final Path staging;
    private final Claims claims;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    /** Folders of the staging folder made so far: most files share theirs with others (feeds, pages). */
    private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
    /** Files that are hard links to immutable sources (see {@link #copyImmutable}), with their sources. */
    private final Map<String, Path> linked = new ConcurrentHashMap<>();
    /** False once a hard link failed (another file system, or one without links): copies from then on. */
    private volatile boolean links = true;

    private final OutputLock lock;
    private int unchanged;
    private boolean committed;

    /**
     * Prepares a staging folder for {@code outputDir}.
     *
     * @throws IOException when another build holds the output folder, when the output folder exists but is not
     *                     a site Midad may replace, or when the staging folder cannot be created
     */
    public StagedOutput(Path outputDir) throws IOException {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        Path parent = this.outputDir.getParent();
        Files.createDirectories(parent);
        String prefix = "." + this.outputDir.getFileName();
        this.lock = OutputLock.acquire(this.outputDir);
        try {
            recoverAndClean(parent, prefix);
            checkReplaceable(this.outputDir);
            this.staging = createStaging(parent, prefix + STAGING);
            this.claims = new Claims(staging, 1 << 10);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A new staging folder with the permissions the umask gives (755 under 022): it becomes the output folder,
     * and {@code Files.createTempDirectory} would make it 700, which web servers cannot read once it is copied.
     */
    private static Path createStaging(Path parent, String prefix) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(prefix + Long.toUnsignedString(random.nextLong())));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /**
     * Removes what killed builds left behind. A build killed between the two renames of {@link #commit()}
     * leaves no output folder but the previous site under its retired name: that site is put back first.
     */
    private void recoverAndClean(Path parent, String prefix) throws IOException {
        List<Path> retired;
        List<Path> staged;
        try (Stream<Path> siblings = Files.list(parent)) {
            List<Path> all = siblings.toList();
            retired = all.stream()
                    .filter(p -> p.getFileName().toString().startsWith(prefix + RETIRED))
                    .sorted(Comparator.comparing(StagedOutput::modified).reversed())
                    .toList();
            staged = all.stream()
                    .filter(p -> p.getFileName().toString().startsWith(prefix + STAGING))
                    .toList();
        }
        if (!Files.exists(outputDir, LinkOption.NOFOLLOW_LINKS) && !retired.isEmpty()) {
            Files.move(retired.get(0), outputDir, StandardCopyOption.ATOMIC_MOVE);
            retired = retired.subList(1, retired.size());
        }
        for (Path stale : retired) {
            deleteTree(stale);
        }
        for (Path stale : staged) {
            deleteTree(stale);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * The swap replaces the whole output folder, so it must not be anything but a previous site: a mistyped
     * output path must never delete someone's documents or a git checkout of the published site.
     */
    static void checkReplaceable(Path outputDir) throws IOException {
        if (!Files.exists(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(outputDir)) {
            throw new IOException(outputDir + " is a symbolic link; every build replaces the output folder as a"
                    + " whole: build into a real folder and point the link (or the web server) at it");
        }
        if (!Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(
                    outputDir + " exists and is not a folder: choose a folder for the site," + " e.g. target/site");
        }
        if (Files.exists(outputDir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(outputDir + " is a git working copy; every build replaces the output folder as"
                    + " a whole, which would delete its .git: build into another folder (e.g. target/site) and"
                    + " copy the files over");
        }
        try (Stream<Path> entries = Files.list(outputDir)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(outputDir.resolve("index.html"))) {
                throw new IOException(outputDir + " is not empty and does not look like a built site (it has no"
                        + " index.html); every build replaces the output folder as a whole, so Midad does not"
                        + " touch it: choose an empty or new folder, e.g. target/site");
            }
        }
    }

    @Override
    public Writer open(String relativeFile, String producer) throws IOException {
        Path target = claim(relativeFile, producer);
        // held whole, as InPlaceOutput holds it, and hashed as every written file is (see #write)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14) {
            @Override
            public void close() throws IOException {
                byte[] content = toByteArray();
                Files.write(target, content);
                hashes.put(relativeFile, Manifest.hash(content));
            }
        };
        return new XmlSafeWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void copy(Path source, String relativeFile, String producer) throws IOException {
        Claims.refuseLink(source, producer);
        write(relativeFile, Files.readAllBytes(source), producer);
        sources.put(relativeFile, Digests.stamp(source));
    }

    /**
     * Links (or copies) the file without reading it. A linked file shares its modification time with the
     * source: {@link #commit} never changes it, it gives an unchanged file whose previous copy is not that same
     * file a copy of its own instead.
     */
    @Override
    public void copyImmutable(Path source, String sha256, String relativeFile, String producer) throws IOException {
        Claims.refuseLink(source, producer);
        Path target = claim(relativeFile, producer);
        hashes.put(relativeFile, sha256);
        if (links) {
            try {
                Files.createLink(target, source);
                linked.put(relativeFile, source);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                links = false; // the cache is on another file system (or one without links): copy from now on
            }
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void write(String relativeFile, byte[] content, String producer) throws IOException {
        Files.write(claim(relativeFile, producer), content);
        hashes.put(relativeFile, Manifest.hash(content));
    }

    /** Copies the previous build's file into the new site (rare here: {@link InPlaceOutput} is made for this). */
    @Override
    public void keep(String relativeFile, String producer) throws IOException {
        Path old = outputDir.resolve(relativeFile).normalize();
        if (!old.startsWith(outputDir) || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the previous build has no " + relativeFile + " to keep");
        }
        write(relativeFile, Files.readAllBytes(old), producer);
    }

    @Override
    public int unchangedCount() {
        return unchanged;
    }

    @Override
    public int fileCount() {
        return claims.size();
    }

    @Override
    public Manifest manifest() {
        return new Manifest(hashes, sources);
    }

    private Path claim(String relativeFile, String producer) throws IOException {
        Path target = claims.claim(relativeFile, producer);
        Path dir = target.getParent();
        if (!madeDirs.contains(dir)) {
            Files.createDirectories(dir);
            madeDirs.add(dir);
        }
        return target;
    }

    /**
     * Swaps the staged site in place of the output folder: two renames in the same folder, so readers see
     * the old site or the new one, never a mixture. If the process dies between them, the next build puts
     * the old site back (see {@link #recoverAndClean}).
     */
    public void commit() throws IOException {
        keepTimesOfUnchangedFiles();
        Path retired = null;
        if (Files.exists(outputDir, LinkOption.NOFOLLOW_LINKS)) {
            retired = outputDir.resolveSibling(
                    "." + outputDir.getFileName() + RETIRED + Long.toUnsignedString(System.nanoTime()));
            Files.move(outputDir, retired, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, outputDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (retired != null) {
                Files.move(retired, outputDir, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        manifest().write(outputDir);
        if (retired != null) {
            try {
                deleteTree(retired);
            } catch (IOException e) {
                // the new site is in place; the next build removes what is left of the old one
            }
        }
    }

    /**
     * Gives every file that has the same hash as in the previous build that build's modification time. A hard
     * link that is the previous build's file itself has that time already; one that is not is replaced by a copy
     * first (its time is the cache entry's, which must not change).
     */
    private void keepTimesOfUnchangedFiles() throws IOException {
        if (!Files.isDirectory(outputDir)) {
            return;
        }
        Map<String, String> previous = Manifest.read(outputDir).hashes();
        int same = 0;
        for (Map.Entry<String, String> entry : hashes.entrySet()) {
            if (!entry.getValue().equals(previous.get(entry.getKey()))) {
                continue;
            }
            Path old = outputDir.resolve(entry.getKey());
            BasicFileAttributes was;
            try {
                was = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException e) {
                continue;
            }
            if (!was.isRegularFile()) {
                continue;
            }
            Path staged = staging.resolve(entry.getKey());
            Path source = linked.get(entry.getKey());
            if (source != null) {
                if (sameFile(old, was, staged)) {
                    same++;
                    continue;
                }
                Files.delete(staged); // the link (a copy over it would see the same file and do nothing)
                Files.copy(source, staged); // a file of its own
            }
            Files.setLastModifiedTime(staged, was.lastModifiedTime());
            same++;
        }
        unchanged = same;
    }

    private static boolean sameFile(Path old, BasicFileAttributes was, Path staged) throws IOException {
        Object key = was.fileKey(); // device and inode where the system has them (not on Windows)
        return key != null
                ? key.equals(
                        Files.readAttributes(staged, BasicFileAttributes.class).fileKey())
                : Files.isSameFile(old, staged);
    }

    /** Removes the staging folder unless committed, and lets the next build in. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } finally {
            lock.close();
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
}
