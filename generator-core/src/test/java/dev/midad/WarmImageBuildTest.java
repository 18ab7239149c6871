package dev.midad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.write.Changes;
import dev.midad.write.Manifest;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with a warm image cache puts the cached copies into the site without reading them: each published
 * copy is the cache entry itself (a hard link, where the file system has them, as here), the manifest holds the
 * real hash of every file, and the site is byte for byte what a build with a cold cache writes; a changed
 * photo shows in the changes list as exactly its own copies.
 */
class WarmImageBuildTest {
    @TempDir
    Path work;

    @Test
    void warmBuildsLinkTheCachedCopiesAndKeepTheManifestRight() throws Exception {
        Path site = work.resolve("site");
        TestSites.write(site, "site.yaml", """
                title: بوابة الاختبار
                base_url: https://test.example/
                locale: ar-EG
                images:
                  cache: ../image-cache
                """);
        Path images = Files.createDirectories(site.resolve("static/images"));
        TestSites.jpeg(images.resolve("port.jpg"), 1600, 900, Color.BLUE);
        TestSites.jpeg(images.resolve("ship.jpg"), 1400, 800, Color.GREEN);
        for (String name : List.of("port", "ship")) {
            TestSites.write(site, "articles/2024/06/" + name + ".md", """
                    ---
                    title: خبر %s
                    date: 2024-06-20T10:00:00+03:00
                    slug: %s
                    image: /images/%s.jpg
                    image_alt: صورة
                    ---
                    فقرة.
                    """.formatted(name, name, name));
        }
        Path out = work.resolve("target/site");
        Site.load(site, TestSites.options()).build(out); // cold: encodes every copy

        Manifest before = Manifest.read(out);
        BuildResult warm = Site.load(site, TestSites.options()).build(out);
        List<Path> copies = copies(out);
        assertEquals(12 + 11, copies.size(), "10 resized copies of each photo, its 16:9 crop, a 4:3 one of port");
        Map<String, String> hashes = Manifest.read(out).hashes();
        List<Path> entries = entries(work.resolve("image-cache"));
        for (Path copy : copies) {
            String file = out.relativize(copy).toString().replace('\\', '/');
            assertTrue(
                    entries.stream().anyMatch(e -> sameFile(e, copy)),
                    file + " is a cache entry itself, not a copy read and written again");
            assertEquals(sha256(copy), hashes.get(file), file + ": the manifest has the real hash");
            assertSamePermissions(out.resolve("index.html"), copy);
        }
        assertEquals(warm.files(), warm.unchanged(), "nothing changed");
        assertEquals(
                List.of(), Changes.between(before, Manifest.read(out), null).changed());

        // a cache of an earlier version: no index of entries, files readable by their owner only
        Files.delete(work.resolve("image-cache/entries.tsv"));
        if (posix()) {
            for (Path entry : entries) {
                Files.setPosixFilePermissions(
                        entry, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
        Site.load(site, TestSites.options()).build(out);
        for (Path copy : copies(out)) {
            assertSamePermissions(out.resolve("index.html"), copy); // a web server reads them as the pages
        }

        Path fresh = work.resolve("fresh");
        Site.load(site, TestSites.options()).build(fresh); // same cache: byte-identical
        TestSites.assertSameFiles(fresh, out, "warm build");

        TestSites.jpeg(images.resolve("ship.jpg"), 1400, 800, Color.RED); // a new photo under the same name
        Manifest beforeEdit = Manifest.read(out);
        Site.load(site, TestSites.options()).build(out);
        Changes changes = Changes.between(beforeEdit, Manifest.read(out), null);
        assertTrue(changes.deleted().stream().allMatch(f -> f.startsWith("images/ship-")), changes.toJson());
        assertTrue(changes.added().stream().allMatch(f -> f.startsWith("images/ship-")), changes.toJson());
        assertEquals(changes.deleted().size(), changes.added().size(), "new names for each copy of the photo");
        assertTrue(!changes.added().isEmpty(), changes.toJson());
        for (Path copy : copies(out)) {
            assertEquals(
                    sha256(copy),
                    Manifest.read(out).hashes().get(out.relativize(copy).toString()));
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix");
    }

    private static void assertSamePermissions(Path page, Path copy) throws Exception {
        if (posix()) {
            assertEquals(Files.getPosixFilePermissions(page), Files.getPosixFilePermissions(copy), copy.toString());
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The resized copies and crops in the site (named with the image's hash). */
    private static List<Path> copies(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("images"))) {
            return files.filter(f -> f.getFileName().toString().matches(".*-[0-9x]+\\.[0-9a-f]{10}\\.(jpg|webp)"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> entries(Path cache) throws Exception {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(cache)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".tsv"))
                    .forEach(found::add);
        }
        return found;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
