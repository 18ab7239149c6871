package dev.midad.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.midad.text.Digests;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the manifest on disk says about each file, however the file came into the output. */
class ManifestTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenFileIsKnownByTheXxh3Of128BitsOfItsBytesAsTheReferenceToolPrintsIt() {
        // `printf '' | xxhsum -H2` and `printf abc | xxhsum -H2` (xxHash's own command-line tool)
        assertEquals("99aa06d3014798d86001c324468d497f", Manifest.hash(new byte[0]));
        assertEquals("06b05ab6733a618578af5f94892f3950", Manifest.hash(bytes("abc")));
    }

    @Test
    void writtenStreamedAndCopiedFilesRoundTripWithTheirHashes() throws Exception {
        Path out = dir.resolve("site");
        Path image = Files.writeString(dir.resolve("a.webp"), "webp bytes", StandardCharsets.UTF_8);
        String page = "<p>كييف — ISW</p>\u0001"; // the control character is dropped on the way out
        try (StagedOutput output = new StagedOutput(out)) {
            output.write("index.html", bytes("<p>home</p>"), "test");
            output.writeText("written/index.html", page, "test");
            try (Writer streamed = output.open("streamed/index.html", "test")) {
                streamed.write(page, 0, 8);
                streamed.write(page.substring(8));
            }
            output.copyImmutable(image, Digests.sha256Hex(bytes("webp bytes")), "images/a.webp", "images");
            output.commit();
        }
        String kept = Manifest.hash(bytes("<p>كييف — ISW</p>"));
        assertEquals(
                Map.of(
                        "index.html",
                        Manifest.hash(bytes("<p>home</p>")),
                        "written/index.html",
                        kept,
                        "streamed/index.html",
                        kept,
                        "images/a.webp",
                        Digests.sha256Hex(bytes("webp bytes"))),
                Map.copyOf(Manifest.read(out).hashes()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
