package dev.midad.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildException;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildMojoTest {

    private static final Path SITE = Path.of("/sites/news");

    @Test
    void failureMessageListsEveryProblemOnItsOwnLine() {
        Problem a = Problem.at(Path.of("articles/2024/06/a.md"), 2, "title is missing");
        Problem b = Problem.of(Path.of("articles/2024/06/b.md"), "front matter is not valid YAML");
        Problem c = Problem.of(null, "site.yaml: base_url is missing");
        BuildException e = new BuildException(List.of(a, b, c));

        String message = BuildMojo.failureMessage(SITE, e);

        assertTrue(message.startsWith("Midad could not build " + SITE + ": "), message);
        List<String> lines = message.lines().map(String::strip).toList();
        for (Problem p : List.of(a, b, c)) {
            assertEquals(
                    1,
                    lines.stream().filter(p.toString()::equals).count(),
                    () -> p + " not on its own line in:\n" + message);
        }
        // Maven appends the cause's message unless already present: it must be, or the list shows twice.
        assertTrue(message.contains(e.getMessage()), message);
    }

    @Test
    void failureMessageOfAWrappedErrorShowsIt() {
        BuildException e = new BuildException("cannot write target/site", new IOException("disk full"));

        String message = BuildMojo.failureMessage(SITE, e);

        assertTrue(message.contains("cannot write target/site"), message);
        assertEquals(1, message.split("cannot write target/site", -1).length - 1, message);
    }
}
