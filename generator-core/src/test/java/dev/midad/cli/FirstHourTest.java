package dev.midad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets in the first hour: init, help, the preview's port, what a build and new say. */
class FirstHourTest {
    @TempDir
    Path tmp;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initWritesASiteThatBuildsAtOnce() throws Exception {
        Path site = tmp.resolve("news");
        assertEquals(0, run("init", site.toString()), err());
        assertTrue(out().contains("midad build"), out());
        assertTrue(TestSites.read(site, "site.yaml").contains("# "), "site.yaml explains itself in comments");
        assertEquals(0, run("build", site.toString(), tmp.resolve("out").toString()), err());
        assertTrue(err().isEmpty(), "a new site builds without a warning: " + err());
        assertTrue(out().contains("1 article,"), out());
        assertTrue(Files.isRegularFile(tmp.resolve("out/about/index.html")));
        try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
            assertEquals(1, files.filter(p -> p.endsWith("welcome/index.html")).count());
        }
        assertEquals(0, run("check", site.toString()), err());
        // a second init never touches the site
        String before = TestSites.read(site, "site.yaml");
        assertEquals(1, run("init", site.toString()));
        assertTrue(err().contains("site.yaml: already exists"), err());
        assertEquals(before, TestSites.read(site, "site.yaml"));
    }

    @Test
    void helpAndVersion() {
        for (String flag : new String[] {"--help", "-h", "help"}) {
            assertEquals(0, run(flag), flag);
            assertTrue(out().contains("midad init") && out().contains("midad serve"), out());
            assertTrue(out().contains("default port 8080"), "usage shows defaults: " + out());
            assertTrue(out().contains("site/target/site"), "usage shows defaults: " + out());
        }
        assertEquals(0, run("help", "serve"));
        assertTrue(out().startsWith("midad serve") && !out().contains("midad build"), out());
        assertEquals(2, run("help", "publish"));
        assertEquals(0, run("--version"));
        assertTrue(out().matches("midad \\S+\\R"), out());
        assertEquals(0, run("build", "--help"), "--help anywhere prints help");
    }

    @Test
    void portMayBeWrittenWithASpace() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String[] args = {"serve", site.toString(), tmp.resolve("out").toString(), "--port", String.valueOf(port)};
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        Thread serving = new Thread(() -> Main.run(args, logStream, logStream));
        serving.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> home = null;
            for (int i = 0; i < 300 && (home == null || home.statusCode() != 200); i++) {
                try {
                    home = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            assertTrue(home != null && home.statusCode() == 200, "nothing served on port " + port + ": " + log);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertEquals(2, run("serve", site.toString(), "--port", "http"));
        assertTrue(err().contains("--port needs a port number"), err());
    }

    @Test
    void buildCountsDraftsLeftOutAndNewSaysItMadeADraft() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        assertEquals(0, run("build", site.toString(), tmp.resolve("out").toString()), err());
        assertTrue(out().contains("articles, 1 draft not published,"), out());
        assertEquals(0, run("build", site.toString(), tmp.resolve("out").toString(), "--drafts"), err());
        assertFalse(out().contains("not published"), out());
        assertEquals(0, run("new", "خبر جديد", site.toString(), "--category", "سياسة"), err());
        assertTrue(out().contains("created the draft") && out().contains("draft: true"), out());
        try (Stream<Path> files = Files.walk(site.resolve("articles"))) {
            Path created = files.filter(p -> p.getFileName().toString().equals("خبر-جديد.md"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(Files.readString(created).contains("category: سياسة"), "--category with a space");
        }
    }

    @Test
    void checkSaysProblemsWithoutClaimingABuildFailed() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/a.md", "---\ntitle: أ\n---\n");
        assertEquals(1, run("check", site.toString()));
        assertTrue(err().contains("articles/a.md"), err());
        assertFalse(err().contains("not built"), err());
    }

    @Test
    void importWithWarningsOnlySucceeds() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        // no dateline with a date: imported as a draft, with a warning to check it
        TestSites.write(tmp, "in/article.txt", "عنوان الخبر\n\nنص الخبر بلا تاريخ.\n");
        assertEquals(0, run("import", tmp.resolve("in/article.txt").toString(), site.toString()), out() + err());
        assertTrue(out().contains("1 problem"), out());
        TestSites.write(tmp, "in2/empty.txt", "");
        assertEquals(1, run("import", tmp.resolve("in2").toString(), site.toString()), out() + err());
        assertTrue(out().contains("could not be imported"), out());
    }
}
