package dev.midad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import dev.midad.content.FrontMatter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondBuildIsIncrementalAndCleanForcesAFullOne() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        Path output = tmp.resolve("target/site");
        assertEquals(0, run("build", site.toString(), output.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Midad: full build: no build cache yet"));
        assertTrue(Files.isRegularFile(tmp.resolve("target/site-changes.json")));
        assertTrue(Files.isRegularFile(tmp.resolve("target/.midad-cache/site/state.bin")));
        out.reset();
        assertEquals(0, run("build", site.toString(), output.toString()));
        String second = out.toString(StandardCharsets.UTF_8);
        assertTrue(!second.contains("full build") && second.contains("(0 rendered, 0 rewritten)"), second);
        assertTrue(second.contains("0 added, 0 changed, 0 deleted"), second);
        out.reset();
        assertEquals(0, run("build", site.toString(), output.toString(), "--clean"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Midad: full build: --clean"));
    }

    /** The network is asked only on request, and a site with nothing to ask about asks nothing. */
    @Test
    void embedsFetchIsItsOwnCommand() throws Exception {
        assertEquals(2, run("embeds"));
        assertTrue(err().contains("midad embeds fetch [site]"), err());
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        assertEquals(0, run("embeds", "fetch", site.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Midad: every embed has its data already (0 stored)"));
        assertEquals(1, run("embeds", "fetch", tmp.resolve("no-site").toString()));
        assertTrue(err().contains("Midad: nothing was fetched."), err());
    }

    /** A JVM too small for the site: one clear line and exit code 3, no OutOfMemoryError trace. */
    @Test
    void runningOutOfMemoryIsOneClearLine() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        // one long article (about 6 MB of text, under the size limit): far more than a 24 MiB heap holds
        // once parsed, rendered and post-processed
        Files.writeString(
                site.resolve("articles/long.md"),
                "---\ntitle: طويل\ndate: 2024-01-01T10:00:00+03:00\n---\n"
                        + "كلمة عربية طويلة **مع** [رابط](https://example.com/) وشيء آخر.\n\n".repeat(60_000),
                StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx24m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "build",
                        site.toString(),
                        tmp.resolve("out").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, process.waitFor(), output);
        assertTrue(output.contains("Midad: out of memory — the Java heap is limited to"), output);
        assertTrue(!output.contains("OutOfMemoryError") && !output.contains("\tat "), output);
    }

    /** Out of memory while saving the build cache, the site is already out: the line says so, not the opposite. */
    @Test
    void runningOutOfMemoryAfterWritingTheSiteSaysTheSiteWasWritten() {
        String before = Main.outOfMemory(512L << 20, false);
        String after = Main.outOfMemory(512L << 20, true);
        for (String line : List.of(before, after)) {
            assertTrue(line.contains("limited to 512 MiB") && line.contains("MIDAD_JAVA_OPTS=-Xmx8g"), line);
        }
        assertTrue(before.contains("nothing was published (the previous output is unchanged)"), before);
        assertTrue(
                after.contains("the site was written, but not its build cache (the next build is a full one)"), after);
        assertTrue(!after.contains("nothing was published"), after);
    }

    @Test
    void buildWritesTheSiteAndSaysWhere() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        assertEquals(0, run("build", site.toString(), tmp.resolve("out").toString()));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains(" files (")
                                && l.contains(tmp.resolve("out").toString())),
                lines.toString());
        // opened as a file index.html shows unstyled: the last line says how to look at the site instead
        assertTrue(lines.get(lines.size() - 1).contains("midad serve " + site), lines.toString());
        assertTrue(Files.exists(tmp.resolve("out/index.html")));
    }

    @Test
    void buildFailureExitsOneWithEveryProblem() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/a.md", "---\ntitle: أ\n---\n");
        TestSites.write(site, "articles/b.md", "---\ndate: 2024-01-01\n---\n");
        assertEquals(1, run("build", site.toString(), tmp.resolve("out").toString()));
        assertTrue(err().contains("articles/a.md") && err().contains("articles/b.md"), err());
    }

    @Test
    void newCreatesACompleteDraftInTheSiteTimeZone() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        assertEquals(0, run("new", "زيارة بوتين: ماذا بعد؟", site.toString(), "--category=سياسة"), err());
        List<Path> created;
        try (var files = Files.walk(site.resolve("articles"))) {
            created = files.filter(p -> p.getFileName().toString().equals("زيارة-بوتين-ماذا-بعد.md"))
                    .toList();
        }
        assertEquals(1, created.size());
        String text = Files.readString(created.get(0), StandardCharsets.UTF_8);
        List<dev.midad.problem.Problem> problems = new ArrayList<>();
        FrontMatter front = FrontMatter.split(Path.of("x.md"), text, problems);
        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals("زيارة بوتين: ماذا بعد؟", front.yaml().string("title"));
        assertEquals("سياسة", front.yaml().string("category"));
        assertTrue(front.yaml().bool("draft", false));
        String offset = front.yaml()
                .dateTime("date", ZoneId.of("UTC"))
                .withZoneSameInstant(ZoneId.of("Europe/Kyiv"))
                .getOffset()
                .getId();
        assertTrue(front.yaml().string("date").endsWith(offset), front.yaml().string("date"));
        // the same title again does not overwrite
        assertEquals(1, run("new", "زيارة بوتين: ماذا بعد؟", site.toString()));
        assertTrue(err().contains("already exists"), err());
    }

    @Test
    void checkFindsBrokenInternalLinksAndAnchors() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        assertEquals(0, run("check", site.toString()), err());
        TestSites.write(site, "articles/2024/10/links.md", """
                ---
                title: روابط
                date: 2024-10-01
                ---
                [موجود](/about/) و[مفقود](/no-such-page/) و[مرساة](#لا-يوجد) ![صورة](/images/missing.png)
                """);
        assertEquals(1, run("check", site.toString()));
        String problems = err();
        assertTrue(problems.contains("/no-such-page/"), problems);
        assertTrue(problems.contains("missing.png"), problems);
        assertTrue(problems.contains("no element with id \"لا-يوجد\""), problems);
        assertTrue(!problems.contains("href=\"/about/\""), problems);
    }

    @Test
    void wrongUsageExitsTwo() {
        assertEquals(2, run());
        assertEquals(2, run("publish"));
        assertEquals(2, run("build", "--nonsense"));
    }
}
