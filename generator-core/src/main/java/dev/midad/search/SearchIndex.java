package dev.midad.search;

import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.problem.Problem;
import dev.midad.render.RenderMemo;
import dev.midad.write.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;

/**
 * The static search index of one edition, read by the theme's {@code assets/search.js}:
 * <ul>
 *   <li>{@code search/terms/<shard>.json}: every term whose first characters make {@link Analyser#shardOf}, as
 *       {@code {"e": {exact term: postings}, "s": {stem: postings}}}; postings are {@code [id, weight, Δid,
 *       weight, …]}, ids ascending and delta-coded;</li>
 *   <li>{@code search/docs/<id>.json}: what a result shows ({@code u}rl, {@code t}itle, {@code s}ection,
 *       {@code d}ate as the site writes it, {@code x} summary).</li>
 * </ul>
 * A query downloads one shard per term and one small file per result shown. Ids go oldest first, so a new
 * article takes the next id and leaves the other files' bytes as they were. A weight is 8 for a term in the
 * title or summary plus 1–7 for the body: BM25's saturating term frequency over the body's length against a
 * fixed reference length (not the site's average, which would change every weight whenever an article is
 * added). The browser ranks exact terms above stems and newer articles (higher ids) above older on ties.
 */
public final class SearchIndex {
    /** The index's folder in an edition's output. */
    public static final String FOLDER = "search/";

    static final int HEAD_WEIGHT = 8;
    static final int MAX_BODY_WEIGHT = 7;
    /** BM25's usual constants; the reference length is a typical news story's, in words. */
    private static final double K1 = 1.2;

    private static final double B = 0.75;
    private static final double REFERENCE_LENGTH = 300;

    private final Analyser analyser = new Analyser();
    private final Map<String, Analyser.Terms> memo = new HashMap<>();
    /** term → postings, for exact terms and for stems. */
    private final Map<String, List<Integer>> exact = new HashMap<>();

    private final Map<String, List<Integer>> stems = new HashMap<>();

    private SearchIndex() {}

    /** What one article adds to the index: the weight of each of its exact terms and stems. */
    record Entry(Map<String, Integer> exact, Map<String, Integer> stems) {}

    /**
     * Writes the index of {@code articles} (the published ones: the caller leaves drafts out) under
     * {@code filePrefix + "search/"}; a file another output already claimed becomes a problem. Each article's
     * terms are kept in {@code round}, so a rebuild analyses only the articles that changed.
     *
     * @return the number of files written
     */
    public static int write(
            List<ArticleView> articles,
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            RenderMemo.Round round)
            throws IOException {
        List<ArticleView> oldestFirst = new ArrayList<>(articles);
        oldestFirst.sort(Comparator.comparingLong((ArticleView a) -> a.date().epochMilli())
                .thenComparing(ArticleView::url));
        SearchIndex index = new SearchIndex();
        Map<String, byte[]> files = new TreeMap<>();
        for (int id = 0; id < oldestFirst.size(); id++) {
            ArticleView article = oldestFirst.get(id);
            Entry entry = round.derived("search", article, index::entry);
            post(id, entry.exact(), index.exact);
            post(id, entry.stems(), index.stems);
            files.put(FOLDER + "docs/" + id + ".json", utf8(docJson(article)));
        }
        Map<String, Map<String, List<Integer>>> exactShards = byShard(index.exact);
        Map<String, Map<String, List<Integer>>> stemShards = byShard(index.stems);
        TreeMap<String, Boolean> shards = new TreeMap<>();
        exactShards.keySet().forEach(shard -> shards.put(shard, true));
        stemShards.keySet().forEach(shard -> shards.put(shard, true));
        for (String shard : shards.keySet()) {
            files.put(
                    FOLDER + "terms/" + shard + ".json",
                    utf8(shardJson(
                            exactShards.getOrDefault(shard, Map.of()), stemShards.getOrDefault(shard, Map.of()))));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try {
                out.write(filePrefix + file.getKey(), file.getValue(), "search index");
            } catch (SiteOutput.CollisionException e) {
                problems.add(e.problem());
            }
        }
        return files.size();
    }

    private Entry entry(ArticleView article) {
        Map<String, int[]> exactCounts = new HashMap<>();
        Map<String, int[]> stemCounts = new HashMap<>();
        count(article.title() + " " + article.summary(), 0, exactCounts, stemCounts);
        StringBuilder body =
                new StringBuilder(Jsoup.parseBodyFragment(article.contentHtml()).text());
        if (article.category() != null) {
            body.append(' ').append(article.category().name());
        }
        for (Link tag : article.tags()) {
            body.append(' ').append(tag.name());
        }
        int length = count(body.toString(), 1, exactCounts, stemCounts);
        return new Entry(weights(exactCounts, length), weights(stemCounts, length));
    }

    private static Map<String, Integer> weights(Map<String, int[]> counts, int length) {
        Map<String, Integer> weights = new HashMap<>();
        counts.forEach(
                (term, count) -> weights.put(term, (count[0] > 0 ? HEAD_WEIGHT : 0) + bodyWeight(count[1], length)));
        return weights;
    }

    /** Counts the terms of {@code text} into {@code field} (0 head, 1 body); returns the number of words. */
    private int count(String text, int field, Map<String, int[]> exactCounts, Map<String, int[]> stemCounts) {
        List<String> words = Analyser.words(text);
        for (String word : words) {
            Analyser.Terms terms = memo.computeIfAbsent(word, analyser::terms);
            if (terms == null) {
                continue;
            }
            exactCounts.computeIfAbsent(terms.exact(), t -> new int[2])[field]++;
            for (String stem : terms.stems()) {
                stemCounts.computeIfAbsent(stem, t -> new int[2])[field]++;
            }
        }
        return words.size();
    }

    /** 1–7 for a term found {@code count} times in a body of {@code length} words; 0 when absent. */
    static int bodyWeight(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double saturated = count / (count + K1 * (1 - B + B * length / REFERENCE_LENGTH));
        return (int) Math.max(1, Math.min(MAX_BODY_WEIGHT, Math.round(MAX_BODY_WEIGHT * saturated * 1.5)));
    }

    private static void post(int id, Map<String, Integer> weights, Map<String, List<Integer>> into) {
        weights.forEach((term, weight) -> {
            List<Integer> postings = into.computeIfAbsent(term, t -> new ArrayList<>());
            postings.add(id);
            postings.add(weight);
        });
    }

    /** shard → term → postings, both sorted (so the bytes are stable). */
    private static Map<String, Map<String, List<Integer>>> byShard(Map<String, List<Integer>> terms) {
        Map<String, Map<String, List<Integer>>> shards = new TreeMap<>();
        terms.forEach((term, postings) -> shards.computeIfAbsent(Analyser.shardOf(term), s -> new TreeMap<>())
                .put(term, postings));
        return shards;
    }

    private static String shardJson(Map<String, List<Integer>> exact, Map<String, List<Integer>> stems) {
        StringBuilder json = new StringBuilder("{\"e\":");
        terms(json, exact);
        json.append(",\"s\":");
        terms(json, stems);
        return json.append("}\n").toString();
    }

    private static void terms(StringBuilder json, Map<String, List<Integer>> terms) {
        json.append('{');
        String separator = "";
        for (Map.Entry<String, List<Integer>> term : terms.entrySet()) { // a TreeMap: sorted, so bytes are stable
            json.append(separator);
            string(json, term.getKey());
            json.append(":[");
            List<Integer> postings = term.getValue();
            int previous = 0;
            for (int i = 0; i < postings.size(); i += 2) {
                int id = postings.get(i);
                json.append(i == 0 ? "" : ",").append(id - previous).append(',').append(postings.get(i + 1));
                previous = id;
            }
            json.append(']');
            separator = ",";
        }
        json.append('}');
    }

    private static String docJson(ArticleView article) {
        StringBuilder json = new StringBuilder("{\"u\":");
        string(json, article.url());
        json.append(",\"t\":");
        string(json, article.title());
        json.append(",\"s\":");
        string(json, article.category() == null ? "" : article.category().name());
        json.append(",\"d\":");
        string(json, article.date().text());
        json.append(",\"x\":");
        string(json, article.summary());
        return json.append("}\n").toString();
    }

    /**
     * A JSON string literal (RFC 8259: quote, backslash and control characters escaped; {@code < > &} too, so a
     * file served with the wrong type still holds no markup — the browser only ever sets it as text).
     */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
