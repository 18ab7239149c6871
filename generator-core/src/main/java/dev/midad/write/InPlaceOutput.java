package dev.midad.write;

import dev.midad.text.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a site folder in place, file by file: what a running preview does after its first build, when an
 * edit changes a handful of files out of thousands and swapping the whole folder would cost more than the
 * rebuild. Nothing touches the folder before {@link #commit()}: files are held in memory until then, so a
 * failed rebuild leaves the site as it was. Commit replaces each changed file atomically (a temporary file
 * renamed over it, so a reader sees the old file or the new one), deletes files the build no longer produces,
 * and removes the manifest from disk until {@link Manifest#save} (rewriting it on every keystroke would cost
 * more than the rebuild); files with the same bytes are not touched (their modification time stays).
 *
 * <p>Made for a folder this JVM built a moment ago ({@code previous} is that build's {@link Manifest}); an
 * ordinary build uses {@link StagedOutput}.
 */
public final class InPlaceOutput implements SiteOutput {
    private final Path outputDir;
    private final Manifest previous;
    private final Set<Path> changedSources;
    private final Claims claims;
    private final OutputLock lock;
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
    /** Files the previous build wrote with the bytes this one has: kept, copies whose source did not change. */
    private final java.util.concurrent.atomic.LongAdder keptCount = new java.util.concurrent.atomic.LongAdder();

    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private Manifest committed;
    /** What {@link #commit()} changed: files it added and rewrote with other bytes, files it deleted. */
    private final java.util.List<String> added = new java.util.ArrayList<>();

    private final java.util.List<String> changed = new java.util.ArrayList<>();
    private final java.util.List<String> deleted = new java.util.ArrayList<>();
    private int unchanged;
    private int rewritten;

    /**
     * @param previous       what the last build of {@code outputDir} wrote (it must still be there)
     * @param changedSources files to copy that are known to have changed since (read even when their size and
     *                       time look the same, as on file systems with coarse times); null: read every one
     * @throws IOException when another build holds the folder or it is not a folder
     */
    public InPlaceOutput(Path outputDir, Manifest previous, Set<Path> changedSources) throws IOException {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.previous = previous;
        this.changedSources = changedSources;
        this.lock = OutputLock.acquire(this.outputDir);
        if (!Files.isDirectory(this.outputDir, LinkOption.NOFOLLOW_LINKS)) {
            lock.close();
            throw new IOException(this.outputDir + " is not a folder built before: build it with a full build first");
        }
        this.claims = new Claims(this.outputDir, previous.hashes().size());
    }

    @Override
    public Writer open(String relativeFile, String producer) throws IOException {
        claims.claim(relativeFile, producer);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14) {
            @Override
            public void close() {
                pending.put(relativeFile, toByteArray());
            }
        };
        return new XmlSafeWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void write(String relativeFile, byte[] content, String producer) throws IOException {
        claims.claim(relativeFile, producer);
        pending.put(relativeFile, content.clone());
    }

    /** As {@link SiteOutput#writeText}: the encoded page is a fresh array, held as it is (not copied again). */
    @Override
    public void writeText(String relativeFile, CharSequence text, String producer) throws IOException {
        claims.claim(relativeFile, producer);
        pending.put(relativeFile, XmlSafeWriter.utf8(text));
    }

    /** A source with the same size and modification time as at the previous build is not read again. */
    @Override
    public void copy(Path source, String relativeFile, String producer) throws IOException {
        Claims.refuseLink(source, producer);
        String stamp = Digests.stamp(source);
        String hash = previous.hashes().get(relativeFile);
        claims.claim(relativeFile, producer);
        boolean reported = changedSources == null
                || changedSources.contains(source.toAbsolutePath().normalize());
        if (hash != null && !reported && stamp.equals(previous.sources().get(relativeFile))) {
            keptCount.increment();
        } else {
            pending.put(relativeFile, Files.readAllBytes(source));
        }
        sources.put(relativeFile, stamp);
    }

    /** Not read when the previous build wrote the same bytes there (its manifest has the same hash). */
    @Override
    public void copyImmutable(Path source, String sha256, String relativeFile, String producer) throws IOException {
        claims.claim(relativeFile, producer);
        if (sha256.equals(previous.hashes().get(relativeFile))) {
            keptCount.increment(); // nothing read, so nothing to refuse
        } else {
            Claims.refuseLink(source, producer);
            pending.put(relativeFile, Files.readAllBytes(source));
        }
    }

    /** The caller knows the previous build wrote {@code relativeFile} (it renders from that build's memory). */
    @Override
    public void keep(String relativeFile, String producer) throws IOException {
        claims.claimWritten(relativeFile, producer);
        keptCount.increment();
    }

    @Override
    public int fileCount() {
        return claims.size();
    }

    @Override
    public int unchangedCount() {
        return unchanged;
    }

    @Override
    public void commit() throws IOException {
        long stillThere = keptCount.sum()
                + pending.keySet().stream()
                        .filter(previous.hashes()::containsKey)
                        .count();
        boolean noneGone = stillThere == previous.hashes().size();
        // every file claimed was either written now or is in the previous manifest with the same hash (kept):
        // the new manifest is the previous one with the written files' hashes, without the files gone
        Map<String, String> written = new ConcurrentHashMap<>();
        Map<Path, Boolean> madeDirs = new ConcurrentHashMap<>();
        // on every core: an added article rewrites thousands of list pages, each hashed, written and renamed
        try {
            pending.entrySet().parallelStream().forEach(entry -> {
                try {
                    commit(entry.getKey(), entry.getValue(), written, madeDirs);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (!noneGone) { // some file of the previous build is no longer produced
            for (String gone : previous.hashes().keySet()) {
                if (!claims.contains(gone)) {
                    deleted.add(gone);
                    Path file = outputDir.resolve(gone);
                    Files.deleteIfExists(file);
                    removeEmptyFolders(file.getParent());
                }
            }
        }
        unchanged = claims.size() - rewritten;
        committed = new Manifest(previous.buckets().with(written, deleted), sources);
        Manifest.discard(outputDir); // the folder changed: see Manifest#save
    }

    /** Replaces {@code file} with {@code content} unless the previous build wrote those bytes there. */
    private void commit(String file, byte[] content, Map<String, String> written, Map<Path, Boolean> madeDirs)
            throws IOException {
        String hash = Manifest.hash(content);
        written.put(file, hash);
        Path target = outputDir.resolve(file);
        String was = previous.hashes().get(file);
        if (hash.equals(was) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        synchronized (this) {
            if (was == null) {
                added.add(file);
            } else if (!was.equals(hash)) {
                changed.add(file);
            }
            rewritten++;
        }
        // once per folder, and no thread writes into one before it exists (computeIfAbsent waits for it)
        madeDirs.computeIfAbsent(target.getParent(), dir -> {
            try {
                Files.createDirectories(dir);
                return Boolean.TRUE;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path temp = target.resolveSibling("." + target.getFileName() + ".midad-tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes {@code dir} and its parents up to the output folder while they are empty (a deleted page's). */
    private void removeEmptyFolders(Path dir) {
        for (Path folder = dir;
                folder != null && folder.startsWith(outputDir) && !folder.equals(outputDir);
                folder = folder.getParent()) {
            try {
                Files.delete(folder);
            } catch (IOException e) {
                return; // not empty (or gone): its parents are not empty either
            }
        }
    }

    /**
     * What the commit changed, as {@link Changes#between} the previous manifest and {@link #manifest()} would
     * give it, without comparing every file's hash (one edit: a handful of 500,000 files).
     */
    public Changes changes(java.time.ZonedDateTime nextChange) {
        manifest(); // committed
        java.util.List<String> sortedAdded = new java.util.ArrayList<>(added);
        java.util.List<String> sortedChanged = new java.util.ArrayList<>(changed);
        java.util.List<String> sortedDeleted = new java.util.ArrayList<>(deleted);
        sortedAdded.sort(null);
        sortedChanged.sort(null);
        sortedDeleted.sort(null);
        return new Changes(sortedAdded, sortedChanged, sortedDeleted, nextChange);
    }

    @Override
    public Manifest manifest() {
        if (committed == null) {
            throw new IllegalStateException("not committed");
        }
        return committed;
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
