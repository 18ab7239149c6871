package dev.midad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/midad's choice of JVM flags for a large site's build with its cache, run against a stand-in {@code java}
 * that records its arguments and exits with the statuses it is given: the parallel collector tried first, a
 * declined full build (status 75) run again with a full build's flags, anything else passed through.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    private static final Path LAUNCHER =
            Path.of("..", "bin", "midad").toAbsolutePath().normalize();

    @TempDir
    Path work;

    Path site;
    Path calls;
    Path statuses;

    @BeforeEach
    void largeSiteWithACacheAndAStandInJava() throws IOException {
        site = work.resolve("site");
        Files.createDirectories(site.resolve("articles"));
        for (int i = 0; i < 2_000; i++) { // 2,000 Markdown files or more: a large site's flags
            Files.writeString(site.resolve("articles/" + i + ".md"), "", StandardCharsets.UTF_8);
        }
        Path state = site.resolve("target/.midad-cache/site/state.bin");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "a cache", StandardCharsets.UTF_8);
        calls = work.resolve("calls.txt");
        statuses = work.resolve("statuses.txt");
        Path java = work.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(work.resolve("jdk/release"), "JAVA_VERSION=\"17.0.9\"\n", StandardCharsets.UTF_8);
        // records its arguments; makes the class archive it is asked for; exits with the next status given
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "%1$s"
                for arg in "$@"; do
                  case $arg in -XX:ArchiveClassesAtExit=*) : > "${arg#*=}" ;; esac
                done
                status=$(head -n 1 "%2$s" 2>/dev/null)
                tail -n +2 "%2$s" > "%2$s.rest" 2>/dev/null; mv "%2$s.rest" "%2$s"
                exit ${status:-0}
                """.formatted(calls, statuses), StandardCharsets.UTF_8);
        java.toFile().setExecutable(true);
        Files.writeString(work.resolve("midad-cli.jar"), "a jar", StandardCharsets.UTF_8);
    }

    @Test
    void aDeclinedFullBuildRunsAgainWithAFullBuildsFlagsAndOtherStatusesPassThrough() throws Exception {
        // no class archive for this jar yet: a new Midad, its cache most likely stale: a full build's flags at once
        assertEquals(0, launch(List.of(), "build", site.toString()));
        List<String> first = calls();
        assertEquals(1, first.size());
        assertFullBuild(first.get(0));

        assertEquals(0, launch(List.of(75, 0), "build", site.toString()));
        List<String> declined = calls();
        assertEquals(2, declined.size(), "tried, declined, run again: " + declined);
        assertTrue(declined.get(0).contains("-XX:+UseParallelGC"), declined.get(0));
        assertTrue(declined.get(0).contains("-Dmidad.fullBuildStatus=75"), declined.get(0));
        assertTrue(declined.get(0).contains("-XX:SharedArchiveFile="), declined.get(0));
        assertFullBuild(declined.get(1));

        assertEquals(0, launch(List.of(0), "build", site.toString()));
        assertEquals(1, calls().size(), "an incremental build runs once");

        assertEquals(1, launch(List.of(1), "build", site.toString()));
        assertEquals(1, calls().size(), "a build that failed is not run again");

        assertEquals(0, launch(List.of(0), "build", site.toString(), "--clean"));
        List<String> clean = calls();
        assertEquals(1, clean.size());
        assertFullBuild(clean.get(0));
    }

    @Test
    void aFullBuildOfFewerThan20000FilesUsesTheFirstCompilerOnlyALargerOneBoth() throws Exception {
        assertEquals(0, launch(List.of(0), "build", site.toString(), "--clean"));
        String smaller = calls().get(0);
        assertFullBuild(smaller);
        assertTrue(smaller.contains("-XX:TieredStopAtLevel=1"), smaller);

        for (int i = 2_000; i < 20_000; i++) {
            Files.writeString(site.resolve("articles/" + i + ".md"), "", StandardCharsets.UTF_8);
        }
        assertEquals(0, launch(List.of(0), "build", site.toString(), "--clean"));
        String larger = calls().get(0);
        assertFullBuild(larger);
        assertFalse(larger.contains("TieredStopAtLevel"), larger);
    }

    private static void assertFullBuild(String call) {
        assertTrue(call.contains("-XX:+UseSerialGC") && call.contains("-XX:MaxNewSize=256m"), call);
        assertFalse(call.contains("UseParallelGC") || call.contains("fullBuildStatus"), call);
    }

    /** Runs bin/midad with {@code exits} as the stand-in java's statuses, one per run; returns its status. */
    private int launch(List<Integer> exits, String... args) throws Exception {
        Files.deleteIfExists(calls);
        Files.write(statuses, exits.stream().map(String::valueOf).toList(), StandardCharsets.UTF_8);
        List<String> command = new java.util.ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", work.resolve("jdk").toString());
        env.put("MIDAD_JAR", work.resolve("midad-cli.jar").toString());
        env.put("XDG_CACHE_HOME", work.resolve("xdg").toString());
        env.remove("MIDAD_JAVA_OPTS");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        return process.exitValue();
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
    }
}
