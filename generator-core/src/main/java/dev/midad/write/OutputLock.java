package dev.midad.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build at a time per output folder: a lock file next to it, {@code .<name>.lock}, released by the
 * operating system even when the process is killed, deleted when the build ends.
 */
public final class OutputLock implements AutoCloseable {
    /** Output folders this JVM is building right now. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path outputDir;
    private final Path lockFile;
    private final FileChannel lockChannel;

    private OutputLock(Path outputDir, Path lockFile, FileChannel lockChannel) {
        this.outputDir = outputDir;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    /** Locks {@code outputDir} (absolute, normalised) or fails at once when another build holds it. */
    public static OutputLock acquire(Path outputDir) throws IOException {
        Path lockFile = outputDir.resolveSibling("." + outputDir.getFileName() + ".lock");
        return new OutputLock(outputDir, lockFile, lockOrFail(lockFile, outputDir));
    }

    /**
     * Locks {@code lockFile} (created if needed) or fails at once. The operating system releases the lock when
     * the process dies, however it dies; the file is deleted when the build ends. Because of that deletion, a
     * build may open the file just before another deletes it and lock a file nobody else can see: so after
     * locking, the path must still name the same file (device and inode, read with {@code stat}; reading the
     * file itself would open and close it, and on Linux closing any descriptor of a locked file drops the
     * process's lock). Within this JVM the lock is tracked in {@link #HELD} for the same reason: a refused
     * attempt must not even open the file.
     */
    private static FileChannel lockOrFail(Path lockFile, Path outputDir) throws IOException {
        if (!HELD.add(outputDir)) {
            throw busy(outputDir);
        }
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                // stat, open, lock, stat: if the path named the same file before opening and after locking, the
                // locked file is the one at the path (its inode cannot be reused while our channel holds it)
                Object before = fileKey(lockFile);
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                if (lock == null) {
                    channel.close();
                    throw busy(outputDir);
                }
                Object after = fileKey(lockFile);
                if (before != null && before.equals(after)) {
                    return channel;
                }
                if (after == null && Files.exists(lockFile)) {
                    return channel; // no inode keys here (Windows), where an open file cannot be deleted anyway
                }
                channel.close(); // created just now, or replaced meanwhile: check again from the start
            }
            throw new IOException("cannot lock " + lockFile + ": builds keep starting and stopping");
        } catch (IOException | RuntimeException e) {
            HELD.remove(outputDir);
            throw e;
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static IOException busy(Path outputDir) {
        return new IOException("another build is writing " + outputDir + " right now: wait for it to finish, or"
                + " build into another folder");
    }

    /** Deletes the lock file while still holding the lock (see {@link #lockOrFail}), then releases it. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // the next build reuses it
        } finally {
            try {
                lockChannel.close(); // releases the lock
            } finally {
                HELD.remove(outputDir);
            }
        }
    }
}
