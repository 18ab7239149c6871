package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.model.ArticleView;
import dev.midad.problem.Problem;
import dev.midad.render.RenderMemo;
import dev.midad.write.InPlaceOutput;
import dev.midad.write.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A term in many articles goes into blocks and keeps only its best postings in its shard, so that a query in a
 * large archive downloads little. The browser's results must not change: the same queries run through
 * {@code search.js} against the index written whole and written with tiny blocks, and give the same ids.
 * Needs {@code node}.
 */
class BlockedPostingsTest {
    private static final String[] COMMON = {"الحكومة", "الوزارة", "المفاوضات", "الاقتصاد"};
    private static final String[] RARE = {"المصفاة", "الزلزال", "المنتدى", "الأرشيف", "القمح"};

    /** 60 articles: every one has the common words in changing proportions and fields, a few a rare one. */
    static Path site(Path dir) throws Exception {
        Path site = TestSites.small(dir);
        for (int i = 0; i < 60; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < COMMON.length; w++) {
                if ((i + w) % (w + 1) == 0) {
                    body.append((COMMON[w] + " ").repeat(1 + (i * 7 + w) % 5)).append("وقال المتحدث. ");
                }
            }
            if (i % 7 == 3) {
                body.append("وزار الوفد ").append(RARE[i % RARE.length]).append(' ');
            }
            body.append("كلمات أخرى في الخبر ".repeat(1 + i % 9));
            String title = (i % 4 == 0 ? COMMON[i % COMMON.length] : "خبر") + " رقم " + i;
            TestSites.write(site, "articles/2023/%02d/b%02d.md".formatted(1 + i % 12, i), """
                    ---
                    title: %s
                    date: 2023-%02d-%02dT10:00:00+03:00
                    ---
                    %s
                    """.formatted(
                            title, 1 + i % 12, 1 + i % 28, body));
        }
        return site;
    }

    @Test
    void blockedIndexGivesTheSameResultsAsTheWholeOne(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(AnalyserParityTest.hasNode(), "node is not installed");
        Path site = site(tmp.resolve("site"));
        Path whole = tmp.resolve("whole");
        Site loaded = Site.load(site, TestSites.options());
        loaded.build(whole);
        Path blocked = tmp.resolve("blocked");
        loaded.build(blocked); // then only its index is written again, blocked
        List<ArticleView> articles = loaded.model().articles();
        List<Problem> problems = new ArrayList<>();
        try (InPlaceOutput out = new InPlaceOutput(blocked, Manifest.read(blocked), Set.of())) {
            SearchIndex.write(articles, "", out, problems, RenderMemo.none(), null, 3, n -> 3);
            out.commit();
        }
        assertEquals(List.of(), problems);
        assertFalse(Files.exists(whole.resolve("search/blocks")), "a small site needs no blocks");
        try (var blocks = Files.list(blocked.resolve("search/blocks"))) {
            assertTrue(blocks.count() > 20, "common words are blocked");
        }

        List<String> queries = new ArrayList<>();
        for (String common : COMMON) {
            queries.add(common + " "); // one common word: its head
            queries.add(common.substring(2)); // the bare word, being typed: prefixes too
            for (String rare : RARE) {
                queries.add(rare + " " + common + " "); // a rare word: candidates, blocks
            }
        }
        for (int i = 1; i < COMMON.length; i++) {
            queries.add(COMMON[i - 1] + " " + COMMON[i] + " "); // all words blocked: the rarest's blocks
        }
        queries.add(RARE[0] + " " + RARE[1] + " ");
        queries.add("حكومة " + RARE[2] + " ");
        List<String> fromWhole = run(tmp, whole, queries);
        List<String> fromBlocked = run(tmp, blocked, queries);
        assertEquals(queries.size(), fromWhole.size());
        assertTrue(fromWhole.stream().filter(r -> !r.isEmpty()).count() > queries.size() - 2, "queries find");
        assertTrue(fromWhole.stream().anyMatch(r -> r.split(",").length == 20), "a full page of results");
        for (int i = 0; i < queries.size(); i++) {
            assertEquals(fromWhole.get(i), fromBlocked.get(i), queries.get(i));
        }
    }

    /** The ids search.js finds for each query against {@code out}'s index, one comma-separated line each. */
    private static List<String> run(Path tmp, Path out, List<String> queries) throws Exception {
        Path input = tmp.resolve("queries.txt");
        Files.writeString(input, String.join("\n", queries), StandardCharsets.UTF_8);
        Path runner = tmp.resolve("blocked.js");
        Files.writeString(runner, """
                const fs = require('fs'), path = require('path');
                const a = require(process.argv[2]);
                const root = path.join(process.argv[3], 'search');
                const load = p => Promise.resolve(fs.existsSync(path.join(root, p))
                    ? JSON.parse(fs.readFileSync(path.join(root, p), 'utf8')) : null);
                const queries = fs.readFileSync(process.argv[4], 'utf8').split('\\n');
                (async () => {
                  const lines = [];
                  for (const q of queries) lines.push((await a.createSearch(load)(q)).ids.join(','));
                  fs.writeFileSync(process.argv[5], lines.join('\\n'), 'utf8');
                })();
                """, StandardCharsets.UTF_8);
        return AnalyserParityTest.runNode(runner, tmp.resolve("ids.txt"), out.toString(), input.toString());
    }
}
