package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import dev.midad.problem.Problem;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never lose the site: a build that fails or is killed halfway leaves the previous site exactly as it was,
 * and the next build cleans up after it; a mistaken output folder is never replaced; content is never written.
 */
class AtomicOutputTest {
    @TempDir
    Path tmp;

    /** A build that fails while rendering (some pages already written to staging) changes nothing. */
    @Test
    void buildFailingHalfwayLeavesThePreviousSite() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Map<String, String> before = Sites.fingerprint(out);
        manyArticles(site, 60);
        // One article's page fails to render; the others (and every list page) render into staging first.
        TestSites.write(site, "templates/article.ftlh", """
                <#if article.title == "خبر رقم 42">${article.noSuchField.boom}</#if>
                <!DOCTYPE html><title>${article.title}</title>
                """);
        List<Problem> problems = Sites.failingBuild(site, out);
        Sites.assertProblem(problems, "templates/article.ftlh:1");
        assertEquals(before, Sites.fingerprint(out), "the previous site changed");
        Sites.assertNoLeftovers(out);
    }

    /**
     * The real thing: a build in another JVM is killed with SIGKILL while it is writing pages. The previous
     * site is untouched, another build cannot interfere while it runs, and the next build removes its staging
     * folder and succeeds.
     */
    @Test
    void buildKilledHalfwayLeavesThePreviousSite() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Map<String, String> before = Sites.fingerprint(out);
        manyArticles(site, 400);
        // Slow every article page down so the build is surely still writing when it is killed.
        TestSites.write(site, "templates/article.ftlh", """
                <#list 1..200000 as i></#list><!DOCTYPE html><title>${article.title}</title>
                """);

        Process build = new ProcessBuilder(
                        javaBinary(),
                        "-cp",
                        testClassPath(),
                        "dev.midad.cli.Main",
                        "build",
                        site.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("build.log").toFile())
                .start();
        Optional<Path> staging = Optional.empty();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline) && build.isAlive()) {
                staging = stagingFolder(out);
                if (staging.isPresent() && countFiles(staging.get()) >= 50) {
                    break;
                }
                Thread.sleep(20);
            }
            assertTrue(
                    build.isAlive(),
                    "the build finished before it could be killed:\n" + Files.readString(tmp.resolve("build.log")));
            assertTrue(staging.isPresent(), "the build never started writing");

            // While it runs, a second build of the same output is refused instead of deleting its staging folder.
            List<Problem> refused = Sites.failingBuild(site, out);
            Sites.assertProblem(refused, "another build is writing " + out + " right now");
        } finally {
            build.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the build
            assertTrue(build.waitFor(60, TimeUnit.SECONDS));
        }
        assertNotEquals(0, build.exitValue());
        int written = countFiles(staging.get());
        System.out.printf(
                "killed the build after it had written %d files into %s%n",
                written, staging.get().getFileName());
        assertTrue(written >= 50, "killed halfway, not before it wrote anything");
        assertEquals(before, Sites.fingerprint(out), "the previous site changed");

        Files.delete(site.resolve("templates/article.ftlh"));
        Sites.build(site, out);
        assertTrue(Files.isRegularFile(out.resolve("2023/01/a399/index.html")), "the next build succeeds");
        assertFalse(Files.exists(staging.get()), "the killed build's staging folder is removed");
        Sites.assertNoLeftovers(out);
    }

    /**
     * A kill in the instant between the two renames of the swap leaves no output folder, only the previous site
     * under its retired name. The next build puts it back before doing anything else, even if it then fails.
     */
    @Test
    void buildKilledBetweenTheTwoRenamesIsRepairedByTheNextBuild() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Map<String, String> before = Sites.fingerprint(out);
        Path retired = tmp.resolve(".out.retired-12345");
        Files.move(out, retired); // the state right after the first rename
        Files.createDirectories(tmp.resolve(".out.staging-999")); // and the new site, never moved in

        // The next build fails too, while rendering: the previous site was put back before it started.
        TestSites.write(site, "templates/home.ftlh", "${noSuchVariable}");
        Sites.assertProblem(Sites.failingBuild(site, out), "templates/home.ftlh:1");
        assertEquals(before, Sites.fingerprint(out), "the previous site is back, unchanged");
        Sites.assertNoLeftovers(out);
    }

    @Test
    void outputFolderThatIsNotASiteIsNeverReplaced() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));

        Path documents = tmp.resolve("documents");
        TestSites.write(documents, "thesis.docx", "years of work");
        Sites.assertProblem(Sites.failingBuild(site, documents), "is not empty and does not look like a built site");
        assertEquals("years of work", Files.readString(documents.resolve("thesis.docx")));

        Path checkout = tmp.resolve("gh-pages");
        TestSites.write(checkout, "index.html", "<p>old</p>");
        TestSites.write(checkout, ".git/HEAD", "ref: refs/heads/gh-pages\n");
        Sites.assertProblem(Sites.failingBuild(site, checkout), "is a git working copy");
        assertTrue(Files.isRegularFile(checkout.resolve(".git/HEAD")));

        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "notes");
        Sites.assertProblem(Sites.failingBuild(site, file), "exists and is not a folder");
        assertEquals("notes", Files.readString(file));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Sites.build(site, empty);
        assertTrue(Files.isRegularFile(empty.resolve("index.html")), "an empty folder is fine");
    }

    /** Building never writes into the site: successful, failing and refused builds alike. */
    @Test
    void buildNeverWritesContentFiles() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "static/images/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Map<String, String> content = Sites.fingerprint(site);
        Sites.build(site, site.resolve("target/site"));
        Sites.failingBuild(site, site); // the site folder itself
        Sites.failingBuild(site, site.resolve("static")); // inside a content folder
        Sites.failingBuild(site, site.resolve("articles/2024"));
        TestSites.write(site, "articles/broken.md", "---\ntitle: [\n---\n");
        content.put("articles/broken.md", Sites.fingerprint(site).get("articles/broken.md"));
        Sites.failingBuild(site, site.resolve("target/site"));
        Map<String, String> after = Sites.fingerprint(site);
        after.keySet().removeIf(k -> k.startsWith("target"));
        assertEquals(content, after);
    }

    /** A symbolic link in static/ could publish any file of the machine (a key, /etc/passwd): refused. */
    @Test
    void symbolicLinksAreNeverPublished() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "private key");
        Files.createDirectories(site.resolve("static"));
        Files.createSymbolicLink(site.resolve("articles/leak.md"), secret);
        Sites.assertProblem(
                Sites.failingBuild(site, out),
                "articles/leak.md: is a link to a file outside the site folder: copy the file into the site instead");
        Files.delete(site.resolve("articles/leak.md"));
        Files.createSymbolicLink(site.resolve("static/leak.txt"), secret);
        Sites.assertProblem(
                Sites.failingBuild(site, out), "static/leak.txt: is a symbolic link; only real files are published");
        for (Path file : Sites.files(out)) {
            assertFalse(Files.readString(out.resolve(file), StandardCharsets.ISO_8859_1)
                    .contains("private key"));
        }
    }

    /**
     * An article that is a link to a file inside the site is published, a dangling link is not content, and
     * every link that leaves the site is named, in file order.
     */
    @Test
    void articleLinksInsideTheSiteArePublishedAndEveryOneOutsideIsNamed() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        int before = Sites.build(site, out).articles();
        Path shared = Files.createDirectories(site.resolve("shared"));
        Files.writeString(
                shared.resolve("story.md"),
                "---\ntitle: خبر مشترك\ndate: 2024-03-01T10:00:00+03:00\n---\nنص الخبر.\n",
                StandardCharsets.UTF_8);
        Files.createSymbolicLink(site.resolve("articles/shared-story.md"), shared.resolve("story.md"));
        Files.createSymbolicLink(site.resolve("articles/gone.md"), site.resolve("nowhere.md"));
        assertEquals(before + 1, Sites.build(site, out).articles(), "the linked article, not the dangling link");

        Path secret = Files.writeString(tmp.resolve("secret.txt"), "private key");
        Files.createSymbolicLink(site.resolve("articles/z-leak.md"), secret);
        Files.createSymbolicLink(site.resolve("articles/a-leak.md"), secret);
        List<String> problems =
                Sites.failingBuild(site, out).stream().map(Problem::toString).toList();
        assertEquals(
                List.of(
                        "articles/a-leak.md: is a link to a file outside the site folder: copy the file into the site instead",
                        "articles/z-leak.md: is a link to a file outside the site folder: copy the file into the site instead"),
                problems.stream().filter(p -> p.contains("leak")).toList());
    }

    /** Two builds of one output folder in one JVM: the second is refused, the first is unaffected. */
    @Test
    void oneBuildAtATimePerOutputFolder() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        try (StagedOutput first = new StagedOutput(out)) {
            IOException e = assertThrows(IOException.class, () -> new StagedOutput(out));
            assertTrue(e.getMessage().contains("another build is writing"), e.getMessage());
            first.write("index.html", "<p>new</p>".getBytes(StandardCharsets.UTF_8), "test");
            first.commit();
        }
        assertEquals("<p>new</p>", Files.readString(out.resolve("index.html")));
        Sites.build(site, out); // the lock is released
        Sites.assertNoLeftovers(out);
    }

    private static void manyArticles(Path site, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            TestSites.write(
                    site,
                    "articles/2023/01/a" + i + ".md",
                    "---\ntitle: خبر رقم " + i
                            + "\ndate: 2023-01-01T10:00:00\ntags: [وسم" + (i % 7) + "]\nslug: a" + i
                            + "\n---\nنص الخبر " + i
                            + ".\n");
        }
    }

    private static Optional<Path> stagingFolder(Path out) throws IOException {
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(".out.staging-"))
                    .findFirst();
        }
    }

    private static int countFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // changing under our feet
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire puts the real class path in a property; java.class.path may be a manifest-only jar. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
