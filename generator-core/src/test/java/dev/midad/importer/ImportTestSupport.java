package dev.midad.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.midad.BuildOptions;
import dev.midad.content.FrontMatter;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shared helpers of the importer tests. */
final class ImportTestSupport {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    /** The founding seed, seen from the generator-core module folder (surefire's working directory). */
    static final Path SEED = Path.of("..", "seeds", "000_4fb5cd68fdc15878.txt");

    static final Path SEED_IN_CONTENT = Path.of("..", "content", "articles", "2024", "06", "putin-north-korea.md");

    private ImportTestSupport() {}

    static Path fixture(String name) {
        try {
            return Path.of(
                    ImportTestSupport.class.getResource("/importer/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportOptions options() {
        return ImportOptions.defaults().withTimeZone(KYIV);
    }

    static BuildOptions buildOptions() {
        return BuildOptions.defaults().withClock(CLOCK);
    }

    static void writeSiteYaml(Path site) throws IOException {
        Files.createDirectories(site);
        Files.writeString(site.resolve("site.yaml"), """
                title: بوابة أوكرانيا
                base_url: https://ukraine-portal.example/
                locale: ar-EG
                time_zone: Europe/Kyiv
                author: فريق التحرير
                """, StandardCharsets.UTF_8);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The file split and parsed by the engine itself; fails the test on any problem. */
    static FrontMatter parse(Path file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        FrontMatter front = FrontMatter.split(file, read(file), problems);
        assertEquals(List.of(), problems, "front matter of " + file);
        assertNotNull(front, "front matter of " + file);
        return front;
    }

    /** The paragraphs of a Markdown body: blank-line separated blocks, stripped. */
    static List<String> paragraphs(String body) {
        return Arrays.stream(body.strip().split("\n\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
