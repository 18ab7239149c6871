package dev.midad.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the W3C Nu Html Checker (vnu, from the test classpath) once over the whole built sample site.
 *
 * <p>vnu runs in a child JVM: its command-line client calls {@code System.exit}, and a separate process keeps
 * its static state out of the test JVM. It checks locally, so the test works offline. {@code --verbose}
 * lists every file it checked on stdout; the JSON report goes to stderr.
 */
class SampleSiteHtmlValidationTest {
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    static Path tmp;

    private static SiteChecks.Built site;
    private static List<Path> htmlFiles;
    private static VnuRun vnu;

    record VnuRun(int exitCode, Set<String> checked, List<Map<String, Object>> messages, String stderr) {}

    @BeforeAll
    static void buildAndValidate() throws Exception {
        site = SiteChecks.build(SiteChecks.SAMPLE_SITE, tmp.resolve("site"));
        htmlFiles = SiteChecks.files(site.out(), ".html");
        vnu = runVnu(site.out(), tmp);
    }

    static VnuRun runVnu(Path dir, Path scratch) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stdout = scratch.resolve("vnu-stdout.txt");
        Path stderr = scratch.resolve("vnu-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Dfile.encoding=UTF-8",
                        "-Dsun.stdout.encoding=UTF-8",
                        "-Dsun.stderr.encoding=UTF-8",
                        "-Xss8m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "nu.validator.client.SimpleCommandLineValidator",
                        "--format",
                        "json",
                        "--errors-only",
                        "--skip-non-html",
                        "--exit-zero-always",
                        "--verbose",
                        dir.toAbsolutePath().toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("vnu did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);

        Set<String> checked = new TreeSet<>();
        Path root = dir.toAbsolutePath();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                Path path = Path.of(line.strip());
                checked.add(path.startsWith(root) ? SiteChecks.rel(root, path) : line.strip());
            }
        }

        int start = err.indexOf("{\"");
        int end = err.lastIndexOf('}');
        if (start < 0 || end < start) {
            fail("vnu wrote no JSON report (exit code " + process.exitValue() + "):\n" + err + "\n" + out);
        }
        Object json = TinyJson.parse(err.substring(start, end + 1));
        List<Map<String, Object>> messages = new ArrayList<>();
        if (json instanceof Map<?, ?> map && map.get("messages") instanceof List<?> list) {
            for (Object o : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) o;
                messages.add(message);
            }
        } else {
            fail("unexpected vnu report: " + err);
        }
        return new VnuRun(process.exitValue(), checked, messages, err);
    }

    /** The file a vnu message is about, relative to the output folder when it is inside it. */
    static String relativeFile(Path root, Map<String, Object> message) {
        String url = String.valueOf(message.getOrDefault("url", ""));
        try {
            Path path = url.startsWith("file:") ? Path.of(URI.create(url)) : null;
            if (path != null && path.startsWith(root.toAbsolutePath())) {
                return SiteChecks.rel(root.toAbsolutePath(), path);
            }
        } catch (IllegalArgumentException e) {
            String prefix = "file:" + root.toAbsolutePath().toString().replace(File.separatorChar, '/') + "/";
            return url.startsWith(prefix) ? url.substring(prefix.length()) : url;
        }
        return url;
    }

    /** "file:line:column: message" for a vnu message, with the file relative to the output folder. */
    static String describe(Path root, Map<String, Object> message) {
        String file = relativeFile(root, message);
        Object line = message.getOrDefault("lastLine", message.get("firstLine"));
        Object column = message.getOrDefault("firstColumn", message.get("lastColumn"));
        String where = file
                + (line instanceof Double d ? ":" + d.intValue() : "")
                + (column instanceof Double c ? ":" + c.intValue() : "");
        String extract = message.get("extract") instanceof String s ? "  [" + s.replaceAll("\\s+", " ") + "]" : "";
        return where + ": " + message.get("type")
                + (message.get("subType") != null ? "/" + message.get("subType") : "") + ": "
                + message.get("message") + extract;
    }

    /**
     * AMP pages ({@code <html ⚡>}) must carry markup that plain HTML forbids: the ⚡/amp attribute and
     * {@code <style amp-boilerplate>}/{@code <style amp-custom>}. Only those messages are forgiven, and only on AMP
     * pages; any other error on an AMP page still fails. (The AMP validator itself is not on the classpath.)
     */
    static final java.util.regex.Pattern AMP_MARKUP = java.util.regex.Pattern.compile(
            "Attribute “(⚡|amp|amp-boilerplate|amp-custom)” not allowed on element “(html|style)” at this point\\.");

    @Test
    void everyHtmlFileIsValidHtml() throws IOException {
        Set<String> amp = new TreeSet<>();
        for (Path file : htmlFiles) {
            if (SiteChecks.isAmp(file)) {
                amp.add(SiteChecks.rel(site.out(), file));
            }
        }
        List<String> errors = vnu.messages().stream()
                .filter(m -> !"info".equals(m.get("type"))) // --errors-only leaves none; belt and braces
                .filter(m ->
                        !(AMP_MARKUP.matcher(String.valueOf(m.get("message"))).matches()
                                && amp.contains(relativeFile(site.out(), m))))
                .map(m -> describe(site.out(), m))
                .toList();
        if (!errors.isEmpty()) {
            fail(errors.size() + " HTML error(s) in " + htmlFiles.size() + " files:\n  " + String.join("\n  ", errors));
        }
    }

    @Test
    void structuredDataIsValidJson() throws IOException {
        // vnu does not look inside <script type="application/ld+json">; check it is JSON at all.
        List<String> problems = SiteChecks.jsonLdProblems(site);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(
                SiteChecks.read(site.out().resolve(SiteChecks.SEED_FILE)).contains("application/ld+json"),
                "the seed article has structured data");
    }

    @Test
    void vnuCheckedEveryHtmlFileOfTheOutput() {
        assertFalse(htmlFiles.isEmpty(), "the sample site produced no HTML at all");
        assertTrue(htmlFiles.size() >= 20, "suspiciously few HTML files: " + htmlFiles.size());
        Set<String> expected = new TreeSet<>(
                htmlFiles.stream().map(p -> SiteChecks.rel(site.out(), p)).toList());
        assertEquals(expected, vnu.checked(), "files vnu reports having checked (--verbose) vs. HTML files");
    }

    @Test
    void theSeedArticlePageWasChecked() throws IOException {
        Path seed = site.out().resolve(SiteChecks.SEED_FILE);
        assertTrue(Files.isRegularFile(seed), "seed article page missing: " + SiteChecks.SEED_FILE);
        assertTrue(SiteChecks.SEED_FILE.contains("2024/06/"));
        assertTrue(SiteChecks.read(seed).contains(SiteChecks.SEED_TITLE), "seed page has not its title");
        assertTrue(
                vnu.checked().contains(SiteChecks.SEED_FILE),
                "vnu did not check " + SiteChecks.SEED_FILE + "; it checked " + vnu.checked());
    }
}
