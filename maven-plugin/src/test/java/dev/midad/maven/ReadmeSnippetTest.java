package dev.midad.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pom.xml the README tells a new user to paste is the one the {@code readme-snippet} integration test builds
 * (with {@code mvn midad:init site}, on the Maven that runs the build), so the README's promise is tested.
 */
class ReadmeSnippetTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmesPomIsTheOneTheIntegrationTestBuilds() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### Maven plugin");
        assertTrue(section >= 0, "README has no 'Maven plugin' section");
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(section), "no xml block in the README's 'Maven plugin' section");
        String version = version(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
        String tested = Files.readString(
                        ROOT.resolve("maven-plugin/src/it/readme-snippet/pom.xml"), StandardCharsets.UTF_8)
                .replace("@project.version@", version);
        assertEquals(tested, block.group(1));
    }

    private static String version(String parentPom) {
        Matcher m = Pattern.compile("<artifactId>midad-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(parentPom);
        assertTrue(m.find(), "no version in the parent pom");
        return m.group(1);
    }
}
