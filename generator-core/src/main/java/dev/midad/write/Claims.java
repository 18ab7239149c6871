package dev.midad.write;

import dev.midad.problem.Problem;
import dev.midad.text.PortableNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which producer writes which output file: every file once, none outside the folder, no symbolic links copied. */
final class Claims {
    private final Path root;
    private final Map<String, String> writtenBy;
    private final Map<String, String> byFoldedName;

    /** @param expected about how many files will be claimed (the previous build's), so the maps need not grow */
    Claims(Path root, int expected) {
        this.root = root;
        this.writtenBy = new ConcurrentHashMap<>(expected + 16);
        this.byFoldedName = new ConcurrentHashMap<>(expected + 16);
    }

    /** The file {@code relativeFile} names under the root, now claimed by {@code producer}. */
    Path claim(String relativeFile, String producer) throws SiteOutput.CollisionException {
        Path target;
        try {
            target = root.resolve(relativeFile).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new SiteOutput.CollisionException(Problem.of(
                    Path.of(producer),
                    "would write a file this system" + " cannot name (" + e.getReason() + "): "
                            + dev.midad.yaml.VisibleText.of(relativeFile)));
        }
        if (!target.startsWith(root) || target.equals(root)) {
            throw new SiteOutput.CollisionException(
                    Problem.of(Path.of(producer), "would write outside the output folder: " + relativeFile));
        }
        claimWritten(relativeFile, producer);
        return target;
    }

    /** Claims a file a previous build wrote (so its path was checked then). */
    void claimWritten(String relativeFile, String producer) throws SiteOutput.CollisionException {
        String earlier = writtenBy.putIfAbsent(relativeFile, producer);
        if (earlier != null) {
            throw new SiteOutput.CollisionException(Problem.of(
                    Path.of(producer),
                    "writes " + relativeFile + ", which " + earlier
                            + " writes too: change a slug or rename one of them"));
        }
        // macOS and Windows hold names that differ only in case or normalisation as one file
        String other = byFoldedName.putIfAbsent(PortableNames.fold(relativeFile), relativeFile);
        if (other != null && !other.equals(relativeFile)) {
            throw new SiteOutput.CollisionException(Problem.of(
                    Path.of(producer),
                    "writes " + relativeFile
                            + ", which is the same file as " + other + " (written by " + writtenBy.get(other)
                            + ") on macOS"
                            + " and Windows, where names differ only in case or Unicode normalisation: rename one"));
        }
    }

    int size() {
        return writtenBy.size();
    }

    boolean contains(String relativeFile) {
        return writtenBy.containsKey(relativeFile);
    }

    Set<String> files() {
        return writtenBy.keySet();
    }

    /** A symbolic link could publish any file of the machine: only real files are copied. */
    static void refuseLink(Path source, String producer) throws SiteOutput.CollisionException {
        if (Files.isSymbolicLink(source)) {
            throw new SiteOutput.CollisionException(Problem.of(
                    Path.of(producer),
                    "is a symbolic link; only real"
                            + " files are published (a link could publish any file of the machine): put the file itself"
                            + " here"));
        }
    }
}
