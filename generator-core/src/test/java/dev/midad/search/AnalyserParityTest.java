package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser analyses a query with {@code templates/assets/search.js}; the build analysed the articles with
 * {@link Analyser}. Both run over every word of the sample site and the seed (plus hand-picked hard cases) and
 * must give the same terms and shards, or a query would miss what the index holds. Needs {@code node}.
 */
class AnalyserParityTest {
    static final Path SCRIPT = Path.of("..", "templates", "assets", "search.js");
    /** Hard cases: tashkeel, tatweel, every digit system, Persian letters, hyphens, marks, odd scripts. */
    static final List<String> EXTRA = List.of(
            "مُحَمَّدٌ",
            "الحكـــومة",
            "٢٠٢٤",
            "۲۰۲۴",
            "کییف",
            "ٱلرحمن",
            "F-16",
            "COVID-19",
            "G7",
            "NATO-led",
            "-x",
            "x-",
            "a--b",
            "الـNATO",
            "2025م",
            "Ünïcödé",
            "ΣΟΦΙΑ",
            "İstanbul",
            "ﻻ",
            "e\u0301t\u0301e",
            "كوفيد-19",
            "وللحكومة",
            "فبالاتفاق",
            "حكومتكما",
            "وزرائهم",
            "ـــ",
            "\uD83D\uDE00x");

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path root : List.of(Path.of("..", "content"), Path.of("..", "seeds"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt"))
                        .sorted()
                        .map(AnalyserParityTest::text)
                        .forEach(texts::add);
            }
        }
        texts.add(String.join(" ", EXTRA));
        return texts;
    }

    private static String javaLine(Analyser analyser, String word) {
        Analyser.Terms terms = analyser.terms(word);
        return terms == null
                ? "-"
                : terms.exact() + "\t" + String.join(",", terms.stems()) + "\t" + Analyser.shardOf(terms.exact(), 1)
                        + "\t" + Analyser.shardOf(terms.exact(), 2) + "\t" + Analyser.shardOf(terms.exact(), 3);
    }

    @Test
    void browserAndBuildGiveTheSameTermsForEveryWord(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(hasNode(), "node is not installed");
        List<String> texts = corpus();
        Analyser analyser = new Analyser();
        TreeSet<String> words = new TreeSet<>();
        List<String> expected = new ArrayList<>();
        for (String text : texts) {
            List<String> split = Analyser.words(text);
            words.addAll(split);
            expected.add(String.join(" ", split));
        }
        for (String word : words) {
            expected.add(javaLine(analyser, word));
        }
        assertTrue(words.size() > 1500, "a big word list: " + words.size());
        Path input = tmp.resolve("input.json");
        StringBuilder json = new StringBuilder("{\"texts\":[");
        appendAll(json, texts);
        json.append("],\"words\":[");
        appendAll(json, new ArrayList<>(words));
        json.append("]}");
        Files.writeString(input, json, StandardCharsets.UTF_8);
        Path runner = tmp.resolve("run.js");
        Files.writeString(runner, """
                const a = require(process.argv[2]);
                const input = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
                const out = input.texts.map(t => a.words(t).join(' '));
                for (const w of input.words) {
                  const t = a.terms(w);
                  out.push(t === null ? '-' : t.exact + '\\t' + t.stems.join(',') + '\\t' + a.shardOf(t.exact, 1)
                    + '\\t' + a.shardOf(t.exact, 2) + '\\t' + a.shardOf(t.exact, 3));
                }
                require('fs').writeFileSync(process.argv[4], out.join('\\n'), 'utf8');
                """, StandardCharsets.UTF_8);
        Path output = tmp.resolve("output.txt");
        List<String> actual = runNode(runner, output, input.toString());
        assertEquals(expected.size(), actual.size(), "one line per text and per word");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differences.add("java: " + expected.get(i) + "\n  js: " + actual.get(i));
            }
        }
        assertEquals(List.of(), differences);
    }

    private static void appendAll(StringBuilder json, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            StringBuilder s = new StringBuilder();
            SearchIndex.string(s, values.get(i));
            json.append(s);
        }
    }

    /**
     * Runs {@code runner} with node as {@code node runner search.js ARGS… output} and returns the lines it wrote
     * into {@code output}; fails the test when node fails.
     */
    static List<String> runNode(Path runner, Path output, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("node", runner.toString(), SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        command.add(output.toString());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
        assertEquals(0, node.exitValue(), log);
        return List.of(Files.readString(output, StandardCharsets.UTF_8).split("\n", -1));
    }

    static boolean hasNode() {
        return runs("node", "--version");
    }

    /** True when {@code command} is installed and exits with 0 (a tool a test needs, such as node). */
    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
