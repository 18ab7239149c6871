package dev.midad.search;

import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.problem.Problem;
import dev.midad.render.RenderMemo;
import dev.midad.write.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * article takes the next id and leaves the other files' bytes as they were. A weight (1–15) is BM25F's
 * saturating term frequency: occurrences in the title count three times, in the summary twice, in the body
 * (tags and section included) once, saturated over the body's length against a fixed reference length (not
 * the site's average, which would change every weight whenever an article is added). So the title weighs
 * more than the body within an article, yet a short article that mentions a rare word is not buried under
 * every long one with the word in its title (Pagefind's BM25 ranks the same way). The browser ranks exact
 * terms above stems (a weight never reaches 16) and newer articles (higher ids) above older on ties.
 */
public final class SearchIndex {
    /** The index's folder in an edition's output. */
    public static final String FOLDER = "search/";

    static final int MAX_WEIGHT = 15;
    /** How many body occurrences one occurrence in the title, and in the summary, counts as. */
    static final int TITLE_BOOST = 3;

    static final int SUMMARY_BOOST = 2;
    static final int TITLE = 0;
    static final int SUMMARY = 1;
    static final int BODY = 2;
    /** BM25's usual constants; the reference length is a typical news story's, in words. */
    private static final double K1 = 1.2;

    private static final double B = 0.75;
    private static final double REFERENCE_LENGTH = 300;

    private final Analyser analyser = new Analyser();
    /** word as written → its terms; every occurrence of a term then shares one String. */
    private final Map<String, Analyser.Terms> memo = new HashMap<>();
    /** term → postings, for exact terms and for stems. */
    private final Map<String, Postings> exact = new HashMap<>();

    private final Map<String, Postings> stems = new HashMap<>();

    private SearchIndex() {}

    /**
     * What one article adds to the index: its exact terms and stems with their weights, in parallel arrays
     * (kept for every article between rebuilds, so small: a reference and a byte per term).
     */
    static final class Entry {
        private final String[] exact;
        private final byte[] exactWeights;
        private final String[] stems;
        private final byte[] stemWeights;

        private Entry(Map<String, int[]> exactCounts, Map<String, int[]> stemCounts, int length) {
            exact = exactCounts.keySet().toArray(String[]::new);
            exactWeights = weights(exact, exactCounts, length);
            stems = stemCounts.keySet().toArray(String[]::new);
            stemWeights = weights(stems, stemCounts, length);
        }

        private static byte[] weights(String[] terms, Map<String, int[]> counts, int length) {
            byte[] weights = new byte[terms.length];
            for (int i = 0; i < terms.length; i++) {
                int[] count = counts.get(terms[i]);
                weights[i] = (byte) weight(count, length);
            }
            return weights;
        }

        private void post(int id, SearchIndex index) {
            post(id, exact, exactWeights, index.exact);
            post(id, stems, stemWeights, index.stems);
        }

        private static void post(int id, String[] terms, byte[] weights, Map<String, Postings> into) {
            for (int i = 0; i < terms.length; i++) {
                into.computeIfAbsent(terms[i], t -> new Postings()).add(id, weights[i]);
            }
        }
    }

    /** One term's postings as a growing int array: id, weight, id, weight, … with ids ascending. */
    private static final class Postings {
        private int[] values = new int[4];
        private int size;

        void add(int id, int weight) {
            if (size + 2 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = id;
            values[size++] = weight;
        }
    }

    /**
     * Writes the index of {@code articles} (the published ones: the caller leaves drafts out) under
     * {@code filePrefix + "search/"}; a file another output already claimed becomes a problem. Each article's
     * terms are kept in {@code round}, so a rebuild analyses only the articles that changed. Postings grow
     * article by article and each file is written as soon as it is complete, so what the build holds is the
     * postings, not every article's words.
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
        int files = 0;
        for (int id = 0; id < oldestFirst.size(); id++) {
            ArticleView article = oldestFirst.get(id);
            round.derived("search", article, index::entry).post(id, index);
            files += write(out, filePrefix + FOLDER + "docs/" + id + ".json", docJson(article), problems);
        }
        Map<String, Map<String, Postings>> exactShards = byShard(index.exact);
        Map<String, Map<String, Postings>> stemShards = byShard(index.stems);
        TreeSet<String> shards = new TreeSet<>(exactShards.keySet());
        shards.addAll(stemShards.keySet());
        for (String shard : shards) {
            String json =
                    shardJson(exactShards.getOrDefault(shard, Map.of()), stemShards.getOrDefault(shard, Map.of()));
            files += write(out, filePrefix + FOLDER + "terms/" + shard + ".json", json, problems);
        }
        return files;
    }

    private static int write(SiteOutput out, String file, String json, List<Problem> problems) throws IOException {
        try {
            out.write(file, json.getBytes(StandardCharsets.UTF_8), "search index");
        } catch (SiteOutput.CollisionException e) {
            problems.add(e.problem());
        }
        return 1;
    }

    private Entry entry(ArticleView article) {
        Map<String, int[]> exactCounts = new HashMap<>();
        Map<String, int[]> stemCounts = new HashMap<>();
        count(article.title(), TITLE, exactCounts, stemCounts);
        count(article.summary(), SUMMARY, exactCounts, stemCounts);
        StringBuilder body =
                new StringBuilder(Jsoup.parseBodyFragment(article.contentHtml()).text());
        if (article.category() != null) {
            body.append(' ').append(article.category().name());
        }
        for (Link tag : article.tags()) {
            body.append(' ').append(tag.name());
        }
        int length = count(body.toString(), BODY, exactCounts, stemCounts);
        return new Entry(exactCounts, stemCounts, length);
    }

    /** Counts the terms of {@code text} into {@code field}; returns the number of words. */
    private int count(String text, int field, Map<String, int[]> exactCounts, Map<String, int[]> stemCounts) {
        List<String> words = Analyser.words(text);
        for (String word : words) {
            Analyser.Terms terms = memo.computeIfAbsent(word, analyser::terms);
            if (terms == null) {
                continue;
            }
            exactCounts.computeIfAbsent(terms.exact(), t -> new int[3])[field]++;
            for (String stem : terms.stems()) {
                stemCounts.computeIfAbsent(stem, t -> new int[3])[field]++;
            }
        }
        return words.size();
    }

    /**
     * 1–15 for a term found {@code counts[TITLE]}, {@code counts[SUMMARY]} and {@code counts[BODY]} times in an
     * article whose body has {@code length} words.
     */
    static int weight(int[] counts, int length) {
        double frequency = TITLE_BOOST * counts[TITLE] + SUMMARY_BOOST * counts[SUMMARY] + counts[BODY];
        double saturated = frequency / (frequency + K1 * (1 - B + B * length / REFERENCE_LENGTH));
        return (int) Math.max(1, Math.min(MAX_WEIGHT, Math.round(MAX_WEIGHT * saturated)));
    }

    /** shard → term → postings, both sorted (so the bytes are stable). */
    private static Map<String, Map<String, Postings>> byShard(Map<String, Postings> terms) {
        Map<String, Map<String, Postings>> shards = new TreeMap<>();
        terms.forEach((term, postings) -> shards.computeIfAbsent(Analyser.shardOf(term), s -> new TreeMap<>())
                .put(term, postings));
        return shards;
    }

    private static String shardJson(Map<String, Postings> exact, Map<String, Postings> stems) {
        StringBuilder json = new StringBuilder("{\"e\":");
        terms(json, exact);
        json.append(",\"s\":");
        terms(json, stems);
        return json.append("}\n").toString();
    }

    private static void terms(StringBuilder json, Map<String, Postings> terms) {
        json.append('{');
        String separator = "";
        for (Map.Entry<String, Postings> term : terms.entrySet()) { // a TreeMap: sorted, so bytes are stable
            json.append(separator);
            string(json, term.getKey());
            json.append(":[");
            Postings postings = term.getValue();
            int previous = 0;
            for (int i = 0; i < postings.size; i += 2) {
                int id = postings.values[i];
                json.append(i == 0 ? "" : ",").append(id - previous).append(',').append(postings.values[i + 1]);
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
}
