package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.midad.problem.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per folder of {@code src/test/resources/hostile/}: the folder's {@code site/} files (exact bytes:
 * other encodings, BOMs, CRLF, control characters) are added to a site that has already been built, and the
 * next build must do what {@code expect.txt} says. In every case the site's own files are left untouched; when
 * the build fails, the previously built site is left exactly as it was and nothing is left next to it.
 *
 * <p>{@code expect.txt} lines ({@code \\uXXXX} escapes allowed):
 * <pre>
 * outcome: fails | builds
 * count: N                      exact number of problems
 * problem: TEXT                 some problem (as printed: "file:line:column: message") contains TEXT
 * output-has: FILE :: TEXT      the built FILE contains TEXT
 * output-lacks: TEXT            no built file contains TEXT
 * well-formed-xml: FILE         the built FILE parses as XML 1.0
 * </pre>
 */
class HostileFixturesTest {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyHostileFixture() throws IOException, URISyntaxException {
        Path root = Path.of(HostileFixturesTest.class.getResource("/hostile").toURI());
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(root)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no fixtures under " + root);
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(
                        dir.getFileName().toString(),
                        () -> run(dir, tmp.resolve(dir.getFileName().toString()))));
    }

    private void run(Path fixture, Path work) throws Exception {
        List<String[]> expect = expectations(fixture.resolve("expect.txt"));
        Path out = work.resolve("out");
        Path site = Sites.builtSmallSite(work, out);
        Map<String, String> previous = Sites.fingerprint(out);
        copyTree(fixture.resolve("site"), site);
        Map<String, String> content = Sites.fingerprint(site);

        String outcome = single(expect, "outcome");
        if (outcome.equals("fails")) {
            List<Problem> problems = Sites.failingBuild(site, out);
            for (String[] line : expect) {
                switch (line[0]) {
                    case "problem" -> Sites.assertProblem(problems, line[1]);
                    case "problem-lacks" ->
                        assertEquals(
                                List.of(),
                                problems.stream()
                                        .filter(p -> p.toString().contains(line[1]))
                                        .toList(),
                                "no problem may say " + line[1]);
                    case "count" ->
                        assertEquals(
                                Integer.parseInt(line[1]),
                                problems.size(),
                                "number of problems:" + Sites.describe(problems));
                    default -> {}
                }
            }
            assertEquals(previous, Sites.fingerprint(out), "the previous site changed");
        } else if (outcome.equals("builds")) {
            Sites.build(site, out);
            for (String[] line : expect) {
                switch (line[0]) {
                    case "output-has" -> {
                        String[] parts = line[1].split(" :: ", 2);
                        String text = Files.readString(out.resolve(parts[0]), StandardCharsets.UTF_8);
                        assertTrue(text.contains(parts[1]), parts[0] + " lacks " + parts[1]);
                    }
                    case "output-lacks" -> {
                        for (Path file : Sites.files(out)) {
                            if (file.toString().matches(".*\\.(jpg|png|webp)$")) {
                                continue; // resized images and social cards: binary
                            }
                            String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
                            assertFalse(
                                    text.contains(line[1]),
                                    file + " contains U+" + Integer.toHexString(line[1].codePointAt(0)) + " (" + line[1]
                                            + ")");
                        }
                    }
                    case "well-formed-xml" -> Sites.parseXml(out.resolve(line[1]));
                    default -> {}
                }
            }
            assertOutputInside(work, out);
        } else {
            fail("outcome must be 'fails' or 'builds', not " + outcome);
        }
        assertEquals(content, Sites.fingerprint(site), "the build wrote into the site's own files");
        Sites.assertNoLeftovers(out);
    }

    /** Nothing was written anywhere in the work folder except the site, the output, its manifest and addresses. */
    private static void assertOutputInside(Path work, Path out) throws IOException {
        try (Stream<Path> entries = Files.list(work)) {
            assertEquals(
                    List.of(".out.addresses", ".out.manifest", "out", "site"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static List<String[]> expectations(Path file) throws IOException {
        List<String[]> result = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                fail(file + ": not 'key: value': " + line);
            }
            result.add(new String[] {line.substring(0, colon), unescape(line.substring(colon + 2))});
        }
        return result;
    }

    private static String single(List<String[]> expect, String key) {
        return expect.stream()
                .filter(l -> l[0].equals(key))
                .map(l -> l[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("expect.txt has no " + key));
    }

    private static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(sb).toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.write(target, Files.readAllBytes(file));
            }
        }
    }
}
