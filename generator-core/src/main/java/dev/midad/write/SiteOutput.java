package dev.midad.write;

import dev.midad.problem.Problem;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * Where a build writes its files. Every file is claimed once (two producers of one file are a problem, as is a
 * path leaving the folder); nothing is published before {@link #commit()}, and a build that fails before it
 * leaves the previous site as it was.
 * <ul>
 *   <li>{@link StagedOutput}: a whole new folder swapped in at once (every ordinary build);</li>
 *   <li>{@link InPlaceOutput}: only the changed files replaced, one by one (rebuilds in a running preview).</li>
 * </ul>
 */
public sealed interface SiteOutput extends AutoCloseable permits StagedOutput, InPlaceOutput {

    /**
     * Opens {@code relativeFile} (forward slashes, no leading slash) for writing as UTF-8; characters XML
     * forbids are dropped.
     *
     * @param producer names what writes it, to explain collisions
     */
    Writer open(String relativeFile, String producer) throws IOException;

    /**
     * Writes {@code text} as UTF-8, characters XML forbids dropped: the same file as {@link #open} and writing
     * {@code text}, encoded at once (a rendered page is held whole anyway).
     */
    default void writeText(String relativeFile, CharSequence text, String producer) throws IOException {
        write(relativeFile, XmlSafeWriter.utf8(text), producer);
    }

    /** Writes bytes into the site. */
    void write(String relativeFile, byte[] content, String producer) throws IOException;

    /** Copies a file of the site (static/, theme assets); a symbolic link is refused. */
    void copy(Path source, String relativeFile, String producer) throws IOException;

    /**
     * Puts a file that is never written again under its name (an entry of the image cache) into the site
     * without reading it: {@code sha256} is the hash of its bytes. A hard link where the file system allows
     * one (so the site and the cache share the bytes), else a copy; a symbolic link is refused.
     */
    void copyImmutable(Path source, String sha256, String relativeFile, String producer) throws IOException;

    /** Claims {@code relativeFile} with the bytes the previous build wrote there (known to be still right). */
    void keep(String relativeFile, String producer) throws IOException;

    /** Files claimed so far. */
    int fileCount();

    /** Files whose bytes are the same as in the previous build (known after {@link #commit()}). */
    int unchangedCount();

    /** Publishes the build. */
    void commit() throws IOException;

    /** What the committed build holds, for the next {@link InPlaceOutput}. */
    Manifest manifest();

    /** Drops an uncommitted build and lets the next build in. */
    @Override
    void close() throws IOException;

    /** Two producers claimed one output file, or a path escaped the output folder. */
    final class CollisionException extends FileAlreadyExistsException {
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
