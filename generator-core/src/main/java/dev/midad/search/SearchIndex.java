package dev.midad.search;

import dev.midad.Problem;
import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.write.SiteOutput;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * article takes the next id and leaves the other files' bytes as they were; weights are 8 for a term in the
 * title or summary plus its count in the body (at most 7), and the browser ranks exact terms above stems and
 * newer articles (higher ids) above older on ties.
 */
public final class SearchIndex {
    /** The index's folder in an edition's output. */
    public static final String FOLDER = "search/";
    static final int HEAD_WEIGHT = 8;
    static final int MAX_BODY_COUNT = 7;

    private final Analyser analyser = new Analyser();
    private final Map<String, Analyser.Terms> memo = new HashMap<>();
    /** shard → term → postings, for exact terms and for stems. */
    private final Map<String, Map<String, List<Integer>>> exact = new TreeMap<>();
    private final Map<String, Map<String, List<Integer>>> stems = new TreeMap<>();

    private SearchIndex() {
    }

    /**
     * Writes the index of {@code articles} (the published ones: the caller leaves drafts out) under
     * {@code filePrefix + "search/"}; a file another output already claimed becomes a problem.
     *
     * @return the number of files written
     */
    public static int write(List<ArticleView> articles, String filePrefix, SiteOutput out, List<Problem> problems)
            throws IOException {
        List<ArticleView> oldestFirst = new ArrayList<>(articles);
        oldestFirst.sort(Comparator.comparingLong((ArticleView a) -> a.date().epochMilli())
                .thenComparing(ArticleView::url));
        SearchIndex index = new SearchIndex();
        Map<String, byte[]> files = new TreeMap<>();
        for (int id = 0; id < oldestFirst.size(); id++) {
            ArticleView article = oldestFirst.get(id);
            index.add(id, article);
            files.put(FOLDER + "docs/" + id + ".json", utf8(docJson(article)));
        }
        for (String shard : index.shards()) {
            files.put(FOLDER + "terms/" + shard + ".json", utf8(index.shardJson(shard)));
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

    private void add(int id, ArticleView article) {
        Map<String, int[]> exactCounts = new HashMap<>();
        Map<String, int[]> stemCounts = new HashMap<>();
        count(article.title() + " " + article.summary(), 0, exactCounts, stemCounts);
        StringBuilder body = new StringBuilder(Jsoup.parseBodyFragment(article.contentHtml()).text());
        if (article.category() != null) {
            body.append(' ').append(article.category().name());
        }
        for (Link tag : article.tags()) {
            body.append(' ').append(tag.name());
        }
        count(body.toString(), 1, exactCounts, stemCounts);
        post(id, exactCounts, exact);
        post(id, stemCounts, stems);
    }

    private void count(String text, int field, Map<String, int[]> exactCounts, Map<String, int[]> stemCounts) {
        for (String word : Analyser.words(text)) {
            Analyser.Terms terms = memo.computeIfAbsent(word, analyser::terms);
            if (terms == null) {
                continue;
            }
            exactCounts.computeIfAbsent(terms.exact(), t -> new int[2])[field]++;
            for (String stem : terms.stems()) {
                stemCounts.computeIfAbsent(stem, t -> new int[2])[field]++;
            }
        }
    }

    private static void post(int id, Map<String, int[]> counts, Map<String, Map<String, List<Integer>>> into) {
        counts.forEach((term, count) -> {
            int weight = (count[0] > 0 ? HEAD_WEIGHT : 0) + Math.min(count[1], MAX_BODY_COUNT);
            List<Integer> postings = into.computeIfAbsent(Analyser.shardOf(term), s -> new TreeMap<>())
                    .computeIfAbsent(term, t -> new ArrayList<>());
            postings.add(id);
            postings.add(weight);
        });
    }

    private List<String> shards() {
        TreeMap<String, Boolean> all = new TreeMap<>();
        exact.keySet().forEach(s -> all.put(s, true));
        stems.keySet().forEach(s -> all.put(s, true));
        return new ArrayList<>(all.keySet());
    }

    private String shardJson(String shard) {
        StringBuilder json = new StringBuilder("{\"e\":");
        terms(json, exact.getOrDefault(shard, Map.of()));
        json.append(",\"s\":");
        terms(json, stems.getOrDefault(shard, Map.of()));
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

    /** A JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
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
