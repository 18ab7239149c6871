package dev.midad.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.midad.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of the image cache go into the site without being read: hard-linked (or copied) with the hash the
 * cache knows, and the manifest, the changes list and the modification times of unchanged files stay right —
 * without ever changing the cache entry's own time.
 */
class ImmutableCopiesTest {
    @TempDir
    Path dir;

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_500_000_000_000L);

    @Test
    void aStagedBuildLinksTheEntryAndRecordsTheGivenHash() throws Exception {
        Path entry = entry("a.webp", "webp bytes");
        assumeTrue(linksWork(), "this file system has no hard links");
        Path out = dir.resolve("site");
        build(out, Map.of("images/a-320.webp", entry));

        Path published = out.resolve("images/a-320.webp");
        assertTrue(Files.isSameFile(entry, published), "a hard link, not a copy");
        assertEquals(
                Digests.sha256Hex("webp bytes".getBytes(StandardCharsets.UTF_8)),
                Manifest.read(out).hashes().get("images/a-320.webp"));
    }

    @Test
    void anUnchangedLinkKeepsItsTimeAndTheEntryItsOwn() throws Exception {
        Path entry = entry("a.webp", "webp bytes");
        FileTime entryTime = Files.getLastModifiedTime(entry);
        Path out = dir.resolve("site");
        // the previous build copied the same bytes (no links there): its file is a copy, not the entry
        build(out, Map.of("images/a-320.webp", entry));
        Path copied = out.resolve("images/a-320.webp");
        Files.delete(copied);
        Files.copy(entry, copied);
        Files.setLastModifiedTime(copied, LONG_AGO);
        Manifest before = Manifest.read(out);

        build(out, Map.of("images/a-320.webp", entry));

        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("images/a-320.webp")), "unchanged: old time");
        assertEquals(entryTime, Files.getLastModifiedTime(entry), "the cache entry's time is its own");
        assertArrayEquals(Files.readAllBytes(entry), Files.readAllBytes(out.resolve("images/a-320.webp")));
        Changes changes = Changes.between(before, Manifest.read(out), null);
        assertEquals(List.of(), changes.changed());
        assertEquals(List.of(), changes.added());

        // and the next build, where the previous file is the link itself, keeps that time too
        build(out, Map.of("images/a-320.webp", entry));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("images/a-320.webp")));
        assertEquals(entryTime, Files.getLastModifiedTime(entry));
    }

    @Test
    void anotherEntryUnderTheSameNameIsAChangeAndAMissingOneADeletion() throws Exception {
        Path first = entry("a.webp", "first");
        Path second = entry("b.webp", "second");
        Path out = dir.resolve("site");
        build(out, Map.of("images/a.webp", first, "images/gone.webp", first));
        Manifest before = Manifest.read(out);

        build(out, Map.of("images/a.webp", second, "images/new.webp", first));

        Changes changes = Changes.between(before, Manifest.read(out), null);
        assertEquals(List.of("images/a.webp"), changes.changed());
        assertEquals(List.of("images/new.webp"), changes.added());
        assertEquals(List.of("images/gone.webp"), changes.deleted());
        assertEquals("second", Files.readString(out.resolve("images/a.webp"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(out.resolve("images/gone.webp")));
    }

    @Test
    void inPlaceRebuildsReadOnlyWhatChanged() throws Exception {
        Path first = entry("a.webp", "first");
        Path second = entry("b.webp", "second");
        Path out = dir.resolve("site");
        Manifest built = build(out, Map.of("images/a.webp", first, "images/b.webp", first));
        Files.delete(first); // an unchanged entry is not read: even a missing one goes unnoticed
        try (InPlaceOutput output = new InPlaceOutput(out, built, null)) {
            output.write("index.html", "<p>1</p>".getBytes(StandardCharsets.UTF_8), "test");
            output.copyImmutable(first, hash("first"), "images/a.webp", "images");
            output.copyImmutable(second, hash("second"), "images/b.webp", "images");
            output.commit();
            Changes changes = Changes.between(built, output.manifest(), null);
            assertEquals(List.of("images/b.webp"), changes.changed());
            assertEquals(1, output.unchangedCount() - 1, "index.html and images/a.webp kept");
        }
        assertEquals("second", Files.readString(out.resolve("images/b.webp"), StandardCharsets.UTF_8));
        assertEquals("first", Files.readString(out.resolve("images/a.webp"), StandardCharsets.UTF_8));
    }

    private Manifest build(Path out, Map<String, Path> images) throws IOException {
        try (StagedOutput output = new StagedOutput(out)) {
            output.write("index.html", "<p>1</p>".getBytes(StandardCharsets.UTF_8), "test");
            for (Map.Entry<String, Path> image : images.entrySet()) {
                output.copyImmutable(
                        image.getValue(),
                        Digests.sha256Hex(Files.readAllBytes(image.getValue())),
                        image.getKey(),
                        "images");
            }
            output.commit();
            return output.manifest();
        }
    }

    private Path entry(String name, String bytes) throws IOException {
        Path entry = Files.createDirectories(dir.resolve("cache")).resolve(name);
        Files.writeString(entry, bytes, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(entry, FileTime.fromMillis(1_600_000_000_000L));
        return entry;
    }

    private static String hash(String text) {
        return Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private boolean linksWork() {
        try {
            Path probe = Files.createLink(dir.resolve("probe"), dir.resolve("cache/a.webp"));
            Files.delete(probe);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
