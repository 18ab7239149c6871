package dev.midad.text;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The build's hashes: SHA-256 for cache keys and for names others compute too (the search index's blocks, which
 * the browser finds by the SHA-256 of a word); XXH3-128 where a build hashes every byte it reads or writes only
 * to see whether it changed (sources, output files); and the stamp that stands in for a file's hash where
 * reading the file would cost more than it saves.
 */
public final class Digests {
    private static final Hasher128 XXH3 = Hashing.xxh3_128(); // stateless, thread-safe

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
     * XXH3-128 of {@code content} in lower-case hex, as xxhsum -H2 prints it. Under the first JIT compiler alone
     * (what {@code bin/midad} runs a build with its cache and a full build below 20,000 files with), which has
     * no SHA-256 intrinsic, SHA-256 hashes ~160 MB/s and XXH3 ~5.7 GB/s. Not meant to resist a crafted collision.
     */
    public static String xxh3Hex(byte[] content) {
        return hex(XXH3.hashBytesTo128Bits(content));
    }

    /** A 128-bit hash in lower-case hex, the high half first. */
    private static String hex(HashValue128 hash) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(hash.getMostSignificantBits()) + hex.toHexDigits(hash.getLeastSignificantBits());
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
