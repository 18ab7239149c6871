package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index files: their format, what they hold (and leave out), and their bytes across builds. */
class SearchIndexTest {

    private static JsonObject json(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** Decoded postings of a term: doc id → weight. */
    private static Map<Integer, Integer> postings(Path out, String kind, String term) throws IOException {
        Path shard = out.resolve(shardFile(out, term));
        if (!Files.exists(shard)) {
            return new TreeMap<>();
        }
        JsonObject terms = json(shard).getJsonObject(kind);
        return terms.containsKey(term) ? decode(terms.getJsonArray(term)) : new TreeMap<>();
    }

    /** The shard file of {@code term} in the index under {@code out}, named at the depth its meta.json says. */
    private static String shardFile(Path out, String term) throws IOException {
        int depth = json(out.resolve("search/meta.json")).getInt("depth");
        return "search/terms/" + Analyser.shardOf(term, depth) + ".json";
    }

    /** Postings {@code [Δid, weight, …]} as doc id → weight. */
    private static Map<Integer, Integer> decode(JsonArray list) {
        Map<Integer, Integer> decoded = new TreeMap<>();
        int id = 0;
        for (int i = 0; i < list.size(); i += 2) {
            int delta = list.getInt(i);
            assertTrue(i == 0 ? delta >= 0 : delta > 0, "ids ascending");
            id += delta;
            decoded.put(id, list.getInt(i + 1));
        }
        return decoded;
    }

    private static String titleOf(Path out, int id) throws IOException {
        return json(out.resolve("search/docs/" + id + ".json")).getString("t");
    }

    private static Map<String, byte[]> indexFiles(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out.resolve("search"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void oneDocumentPerPublishedArticleOldestFirstWithWhatAResultShows(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Site.load(TestSites.small(tmp.resolve("site")), TestSites.options()).build(out);
        try (Stream<Path> docs = Files.list(out.resolve("search/docs"))) {
            assertEquals(3, docs.count(), "three published articles: no draft, no future article");
        }
        JsonObject first = json(out.resolve("search/docs/0.json"));
        assertEquals("بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية", first.getString("t"));
        assertEquals("سياسة", first.getString("s"));
        assertEquals("20 يونيو 2024", first.getString("d"));
        assertTrue(first.getString("u").startsWith("/2024/06/%D8%A8"), first.getString("u"));
        assertTrue(first.getString("x").contains("ISW"));
        assertEquals("صادرات الحبوب من أوديسا", titleOf(out, 2));
        assertTrue(Files.exists(out.resolve("search/index.html")), "the search page");
    }

    @Test
    void draftsAreNeverIndexedEvenWhenShown(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Site.load(TestSites.small(tmp.resolve("site")), TestSites.options().withDrafts(true))
                .build(out);
        assertTrue(Files.exists(out.resolve("2024/09")), "the draft is shown");
        assertEquals(Map.of(), postings(out, "e", "مسوده"));
        try (Stream<Path> docs = Files.list(out.resolve("search/docs"))) {
            assertEquals(3, docs.count());
        }
    }

    @Test
    void exactTermsAndStemsWithTitleAndSummaryWeighingMore(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Site.load(TestSites.small(tmp.resolve("site")), TestSites.options()).build(out);
        int tag = postings(out, "e", "روسيا").get(0);
        assertTrue(tag >= 1 && tag < SearchIndex.MAX_WEIGHT, "a tag counts as body text: " + tag);
        int titleAndTag = postings(out, "e", "الناتو").get(1);
        assertTrue(titleAndTag > tag, "the title counts more: " + titleAndTag + " vs " + tag);
        assertEquals(Map.of(1, titleAndTag), postings(out, "s", "ناتو"));
        assertTrue(postings(out, "e", "isw").get(0) > tag, "summary, and the body");
        assertEquals(List.of(0), new ArrayList<>(postings(out, "s", "كوريا").keySet()), "لكوريا has the stem");
        assertEquals(Map.of(), postings(out, "e", "في"), "stop words are left out");
    }

    @Test
    void weightGrowsWithTheCountAndTheFieldAndShrinksWithTheLength() {
        int[] once = {0, 0, 1};
        assertTrue(SearchIndex.weight(once, 50) > SearchIndex.weight(once, 1000));
        assertTrue(SearchIndex.weight(new int[] {0, 0, 5}, 300) > SearchIndex.weight(once, 300));
        assertTrue(SearchIndex.weight(new int[] {1, 0, 0}, 300) > SearchIndex.weight(new int[] {0, 1, 0}, 300));
        assertTrue(SearchIndex.weight(new int[] {0, 1, 0}, 300) > SearchIndex.weight(once, 300));
        assertEquals(1, SearchIndex.weight(once, 100_000));
        assertEquals(SearchIndex.MAX_WEIGHT, SearchIndex.weight(new int[] {0, 0, 1000}, 300));
    }

    @Test
    void aShortArticleMentioningAWordOnceIsNotBuriedUnderLongOnesWithItInTheTitle() {
        // the benchmark's case: a 45-word brief against 600-word stories with the acronym in the title only
        assertTrue(SearchIndex.weight(new int[] {0, 0, 1}, 45) > SearchIndex.weight(new int[] {1, 0, 0}, 600));
        // but within one length the title wins
        assertTrue(SearchIndex.weight(new int[] {1, 0, 0}, 45) > SearchIndex.weight(new int[] {0, 0, 1}, 45));
    }

    @Test
    void sameContentSameBytesAndANewArticleLeavesOtherFilesAlone(@TempDir Path tmp) throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        Site.load(site, TestSites.options()).build(tmp.resolve("a"));
        Site.load(site, TestSites.options()).build(tmp.resolve("b"));
        Map<String, byte[]> a = indexFiles(tmp.resolve("a"));
        Map<String, byte[]> b = indexFiles(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((file, bytes) -> assertArrayEquals(bytes, b.get(file), file));

        TestSites.write(site, "articles/2024/10/fourth.md", """
                ---
                title: مصفاة جديدة
                date: 2024-10-01
                ---
                افتتاح مصفاة.
                """);
        Site.load(site, TestSites.options()).build(tmp.resolve("c"));
        Map<String, byte[]> c = indexFiles(tmp.resolve("c"));
        List<String> changed = new ArrayList<>();
        a.forEach((file, bytes) -> {
            if (!java.util.Arrays.equals(bytes, c.get(file))) {
                changed.add(file);
            }
        });
        assertTrue(postings(tmp.resolve("a"), "e", "مصفاه").isEmpty());
        assertEquals(Set.of(3), postings(tmp.resolve("c"), "e", "مصفاه").keySet());
        assertTrue(c.containsKey("search/docs/3.json"), "the newest article takes the next id");
        assertEquals(a.get("search/meta.json").length, c.get("search/meta.json").length);
        for (String file : changed) { // older documents and unrelated shards keep their bytes
            assertTrue(file.startsWith("search/terms/"), file);
            JsonObject shard = json(tmp.resolve("c").resolve(file));
            assertTrue(
                    shard.values().stream()
                            .flatMap(kind -> kind.asJsonObject().values().stream())
                            .anyMatch(list -> decode(list.asJsonArray()).containsKey(3)),
                    file + " holds a term of the new article");
        }
        assertNotEquals(a.size(), c.size());
    }
}
