package dev.midad.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the content hash of the build's cache keys and stable file names (the output manifest, which hashes
 * every byte written only to see what changed, has a faster one of its own), and the stamp that stands in for a
 * file's hash where reading the file would cost more than it saves.
 */
public final class Digests {
    private Digests() {}

    /** A new SHA-256 digest (they are not thread-safe, so one per use). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of {@code content} in lower-case hex. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /**
     * Size, modification time and, where the system has one, the file's identity (device and inode): a file
     * rewritten or replaced by any ordinary writer gets another stamp. Equal stamps are taken for equal content
     * (what rsync and make do); a copy of the file elsewhere has another one, so where copies matter compare
     * content after a stamp differs.
     */
    public static String stamp(Path file) throws IOException {
        return stamp(Files.readAttributes(file, BasicFileAttributes.class));
    }

    /** The {@link #stamp(Path)} of a file whose attributes were read already (a folder's walk reads them). */
    public static String stamp(BasicFileAttributes attributes) {
        Object identity = attributes.fileKey();
        return attributes.size() + "@" + attributes.lastModifiedTime().toInstant() + "@"
                + (identity == null ? "" : identity);
    }
}
