package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.midad.BuildException;
import dev.midad.BuildResult;
import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Helpers shared by the robustness tests: a known good site, fingerprints of folders, strict XML parsing. */
final class Sites {
    private Sites() {}

    /** The small test site, built once into {@code out}; returns the site folder. */
    static Path builtSmallSite(Path tmp, Path out) throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        Site.load(site, TestSites.options()).build(out);
        return site;
    }

    static BuildResult build(Path site, Path out) throws BuildException {
        return Site.load(site, TestSites.options()).build(out);
    }

    /** Loads and builds, expecting failure; the exception's problems. */
    static List<Problem> failingBuild(Path site, Path out) {
        BuildException e = assertThrows(BuildException.class, () -> build(site, out), "the build should have failed");
        return e.problems();
    }

    /** Every problem on its own line, for assertion messages. */
    static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /** Asserts some problem's text contains {@code expected}. */
    static void assertProblem(List<Problem> problems, String expected) {
        if (problems.stream().noneMatch(p -> p.toString().contains(expected))) {
            fail("no problem contains: " + expected + "\nproblems:" + describe(problems));
        }
    }

    /** Relative path → SHA-256 of every file under {@code dir}, with modification times (a rewrite shows). */
    static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                result.put(
                        dir.relativize(file).toString(),
                        sha256(Files.readAllBytes(file)) + " "
                                + Files.getLastModifiedTime(file).toMillis());
            }
        }
        return result;
    }

    /** Asserts that nothing but the output folder, its manifest and addresses sit next to it (no staging, lock, retired). */
    static void assertNoLeftovers(Path out) throws IOException {
        String name = out.getFileName().toString();
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            List<String> left = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + name))
                    .filter(n -> !n.equals("." + name + ".manifest") && !n.equals("." + name + ".addresses"))
                    .toList();
            assertEquals(List.of(), left, "left next to the output folder");
        }
    }

    /** Parses {@code file} as XML 1.0 with DTDs off: fails on any character XML forbids. */
    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** Every regular file under {@code dir}, relative. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
