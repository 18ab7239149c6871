package dev.midad.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build written in place says what it changed from what it wrote, not by comparing every file's hash: the
 * list must be the one {@link Changes#between} the two manifests gives, whatever came, went or stayed.
 */
class InPlaceChangesTest {
    @TempDir
    Path dir;

    private static final ZonedDateTime NEXT = ZonedDateTime.parse("2030-01-01T09:00+02:00[Africa/Cairo]");

    @Test
    void theChangesOfAnInPlaceCommitAreThoseBetweenItsManifests() throws Exception {
        Path out = dir.resolve("site");
        Path source = Files.writeString(dir.resolve("logo.svg"), "<svg/>", StandardCharsets.UTF_8);
        try (StagedOutput output = new StagedOutput(out)) {
            output.write("index.html", bytes("<p>home</p>"), "test");
            output.write("kept.html", bytes("<p>kept</p>"), "test");
            output.write("same.html", bytes("<p>same</p>"), "test");
            output.write("gone/index.html", bytes("<p>gone</p>"), "test");
            output.write("b-changed.html", bytes("<p>old</p>"), "test");
            output.write("a-changed.html", bytes("<p>old</p>"), "test");
            output.copy(source, "logo.svg", "test");
            output.commit();
        }
        Manifest before = Manifest.read(out);
        Changes changes;
        Manifest after;
        try (InPlaceOutput output = new InPlaceOutput(out, before, null)) {
            output.write("index.html", bytes("<p>home</p>"), "test"); // same bytes written again
            output.keep("kept.html", "test");
            output.writeText("same.html", "<p>same</p>", "test");
            output.write("b-changed.html", bytes("<p>new</p>"), "test");
            output.write("a-changed.html", bytes("<p>new</p>"), "test");
            output.write("new/z.html", bytes("<p>z</p>"), "test");
            output.write("new/a.html", bytes("<p>a</p>"), "test");
            output.copy(source, "logo.svg", "test");
            output.commit();
            after = output.manifest();
            changes = output.changes(NEXT);
        }

        assertEquals(Changes.between(before, after, NEXT), changes);
        assertEquals(List.of("new/a.html", "new/z.html"), changes.added());
        assertEquals(List.of("a-changed.html", "b-changed.html"), changes.changed());
        assertEquals(List.of("gone/index.html"), changes.deleted());
    }

    @Test
    void anInPlaceCommitThatOnlyAddsKeepsEveryOtherFileInItsManifest() throws Exception {
        Path out = dir.resolve("site");
        try (StagedOutput output = new StagedOutput(out)) {
            output.write("index.html", bytes("<p>home</p>"), "test");
            output.write("a.html", bytes("<p>a</p>"), "test");
            output.commit();
        }
        Manifest before = Manifest.read(out);
        try (InPlaceOutput output = new InPlaceOutput(out, before, null)) {
            output.keep("index.html", "test");
            output.keep("a.html", "test");
            output.write("search/new-shard.json", bytes("{}"), "test");
            output.commit();

            assertEquals(
                    3,
                    output.manifest().hashes().size(),
                    output.manifest().hashes().toString());
            assertEquals(
                    before.hashes().get("a.html"), output.manifest().hashes().get("a.html"));
            assertEquals(List.of("search/new-shard.json"), output.changes(null).added());
            assertEquals(Changes.between(before, output.manifest(), null), output.changes(null));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
