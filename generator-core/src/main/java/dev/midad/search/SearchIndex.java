package dev.midad.search;

import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.problem.Problem;
import dev.midad.render.RenderMemo;
import dev.midad.text.Digests;
import dev.midad.text.PackedText;
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
 * A term in more than {@link #BLOCK} articles (a common word of a large archive) is too long to download whole
 * for every query: its shard holds {@code {"n": count, "h": head, "b": [first id of each block], "f": name}}
 * instead, where the head is its {@link #HEAD} best postings as {@code [id, weight, …]} by weight, then newest
 * (enough for the first page of a one-word query, exactly), and {@code search/blocks/<name>-<i>.json} holds
 * its postings in blocks of {@link #BLOCK}, ids ascending ({@code {"e"|"s": {term: postings}}}), so a query
 * that also has a rarer word fetches only the blocks holding that word's articles.
 *
 * <p>A query downloads one shard per term and one small file per result shown. Ids go oldest first, so a new
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
    /**
     * Postings a term's shard entry holds whole; a longer list goes into blocks of this many. A block is about
     * 2.5 KB, what a multi-word query fetches per article of its rarest word.
     */
    static final int BLOCK = 512;
    /** The best postings a blocked term keeps in its shard: the search page shows at most this many results. */
    static final int HEAD = 20;
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
    /**
     * word as written → the numbers of its exact term (first) and stems, empty for a stop word; a word is
     * analysed once per build and every term is one String, numbered in {@link #terms}.
     */
    private final Map<String, int[]> memo = new HashMap<>();

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    /** One article's counts being taken: per term number, title, summary and body counts. */
    private final Counts exactCounts = new Counts();

    private final Counts stemCounts = new Counts();
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
        /** What the build cache restored this entry from, or null when it was analysed in this JVM. */
        private Saved restoredFrom;

        private Entry(String[] exact, byte[] exactWeights, String[] stems, byte[] stemWeights) {
            this.exact = exact;
            this.exactWeights = exactWeights;
            this.stems = stems;
            this.stemWeights = stemWeights;
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

    /**
     * What one article added to the index, as the build cache keeps it between builds: {@code terms} holds a
     * line per term, its weight as one character ({@code 'a' + weight}) then the term, first the exact terms
     * and then, after an empty line, the stems; packed, as all of them are built before the cache is written.
     */
    public record Saved(ArticleView article, PackedText terms) {}

    private static final String KIND = "search";

    /** How many articles {@code round} analysed (the others' terms were reused). */
    public static int analysed(RenderMemo.Round round) {
        return round.computed(KIND);
    }

    /** Every article's terms that {@code memo} holds, for the build cache (see {@link #restore}). */
    public static List<Saved> saved(RenderMemo memo) {
        List<Saved> saved = new ArrayList<>();
        memo.derivedOf(KIND).forEach((article, value) -> {
            Entry entry = (Entry) value;
            if (entry.restoredFrom != null && entry.restoredFrom.article() == article) {
                saved.add(entry.restoredFrom); // the very value restored: the cache sees it unchanged
                return;
            }
            StringBuilder terms = new StringBuilder();
            lines(terms, entry.exact, entry.exactWeights);
            terms.append('\n');
            lines(terms, entry.stems, entry.stemWeights);
            saved.add(new Saved(article, PackedText.of(terms.toString())));
        });
        saved.sort(Comparator.comparing((Saved s) -> s.article().url()));
        return saved;
    }

    private static void lines(StringBuilder into, String[] terms, byte[] weights) {
        for (int i = 0; i < terms.length; i++) {
            into.append((char) ('a' + weights[i])).append(terms[i]).append('\n');
        }
    }

    /**
     * Gives {@code memo} the terms a build in another JVM saved, so that articles whose view the model restored
     * unchanged are not analysed again (one term string per distinct term, as a build makes them).
     */
    public static void restore(RenderMemo memo, List<Saved> saved) {
        Map<String, String> distinct = new HashMap<>();
        List<String> terms = new ArrayList<>();
        List<Byte> weights = new ArrayList<>();
        for (Saved one : saved) {
            String text = one.terms().text();
            String[][] parts = new String[2][];
            byte[][] partWeights = new byte[2][];
            int part = 0;
            int at = 0;
            while (part < 2) {
                int end = text.indexOf('\n', at);
                if (end < 0 || end == at) { // the empty line between exact terms and stems, or the end
                    parts[part] = terms.toArray(String[]::new);
                    partWeights[part] = new byte[weights.size()];
                    for (int i = 0; i < weights.size(); i++) {
                        partWeights[part][i] = weights.get(i);
                    }
                    terms.clear();
                    weights.clear();
                    part++;
                    at = end + 1;
                    if (end < 0) {
                        break;
                    }
                    continue;
                }
                weights.add((byte) (text.charAt(at) - 'a'));
                String term = text.substring(at + 1, end);
                terms.add(distinct.computeIfAbsent(term, t -> t));
                at = end + 1;
            }
            if (part == 2) {
                Entry entry = new Entry(parts[0], partWeights[0], parts[1], partWeights[1]);
                entry.restoredFrom = one;
                memo.restoreDerived(KIND, one.article(), entry);
            }
        }
    }

    /** One term's postings: id, weight, id, weight, … with ids ascending. */
    private static final class Postings extends IntList {
        void add(int id, int weight) {
            add(id);
            add(weight);
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
        return write(articles, filePrefix, out, problems, round, BLOCK);
    }

    /** {@link #write} with postings blocked past {@code block} (small in tests, to exercise the blocks). */
    static int write(
            List<ArticleView> articles,
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            RenderMemo.Round round,
            int block)
            throws IOException {
        List<ArticleView> oldestFirst = new ArrayList<>(articles);
        oldestFirst.sort(Comparator.comparingLong((ArticleView a) -> a.date().epochMilli())
                .thenComparing(ArticleView::url));
        SearchIndex index = new SearchIndex();
        int files = 0;
        for (int id = 0; id < oldestFirst.size(); id++) {
            ArticleView article = oldestFirst.get(id);
            round.derived(KIND, article, index::entry).post(id, index);
            files += write(out, filePrefix + FOLDER + "docs/" + id + ".json", docJson(article), problems);
        }
        return files + index.writeTerms(filePrefix, out, problems, block);
    }

    private int writeTerms(String filePrefix, SiteOutput out, List<Problem> problems, int block) throws IOException {
        Map<String, Map<String, Postings>> exactShards = byShard(exact);
        Map<String, Map<String, Postings>> stemShards = byShard(stems);
        TreeSet<String> shards = new TreeSet<>(exactShards.keySet());
        shards.addAll(stemShards.keySet());
        int files = 0;
        for (String shard : shards) {
            StringBuilder json = new StringBuilder("{\"e\":");
            List<Blocked> blocked = new ArrayList<>();
            terms(json, "e", exactShards.getOrDefault(shard, Map.of()), block, blocked);
            json.append(",\"s\":");
            terms(json, "s", stemShards.getOrDefault(shard, Map.of()), block, blocked);
            files += write(
                    out,
                    filePrefix + FOLDER + "terms/" + shard + ".json",
                    json.append("}\n").toString(),
                    problems);
            for (Blocked term : blocked) {
                Postings postings = term.postings();
                for (int i = 0, from = 0; from < postings.size; i++, from += 2 * block) {
                    StringBuilder part =
                            new StringBuilder("{\"").append(term.kind()).append("\":{");
                    string(part, term.term());
                    part.append(':');
                    deltas(part, postings, from, Math.min(postings.size, from + 2 * block));
                    String file = filePrefix + FOLDER + "blocks/" + term.name() + "-" + i + ".json";
                    files += write(out, file, part.append("}}\n").toString(), problems);
                }
            }
        }
        return files;
    }

    /** A term whose postings go into blocks: {@code kind} "e" or "s", {@code name} its blocks' file name. */
    private record Blocked(String kind, String term, String name, Postings postings) {}

    private static int write(SiteOutput out, String file, String json, List<Problem> problems) throws IOException {
        try {
            out.write(file, json.getBytes(StandardCharsets.UTF_8), "search index");
        } catch (SiteOutput.CollisionException e) {
            problems.add(e.problem());
        }
        return 1;
    }

    private Entry entry(ArticleView article) {
        count(article.title(), TITLE);
        count(article.summary(), SUMMARY);
        StringBuilder body =
                new StringBuilder(Jsoup.parseBodyFragment(article.contentHtml()).text());
        if (article.category() != null) {
            body.append(' ').append(article.category().name());
        }
        for (Link tag : article.tags()) {
            body.append(' ').append(tag.name());
        }
        int length = count(body.toString(), BODY);
        int exact = exactCounts.touched.size;
        int stem = stemCounts.touched.size;
        String[] exactTerms = new String[exact];
        String[] stemTerms = new String[stem];
        return new Entry(
                exactTerms, exactCounts.weights(terms, exactTerms, length),
                stemTerms, stemCounts.weights(terms, stemTerms, length));
    }

    /** Counts the terms of {@code text} into {@code field}; returns the number of words. */
    private int count(String text, int field) {
        List<String> words = Analyser.words(text);
        for (String word : words) {
            int[] numbered = memo.computeIfAbsent(word, this::numbered);
            if (numbered.length == 0) {
                continue;
            }
            exactCounts.add(numbered[0], field);
            for (int i = 1; i < numbered.length; i++) {
                stemCounts.add(numbered[i], field);
            }
        }
        return words.size();
    }

    private int[] numbered(String word) {
        Analyser.Terms analysed = analyser.terms(word);
        if (analysed == null) {
            return new int[0];
        }
        int[] numbered = new int[1 + analysed.stems().size()];
        numbered[0] = number(analysed.exact());
        for (int i = 0; i < analysed.stems().size(); i++) {
            numbered[i + 1] = number(analysed.stems().get(i));
        }
        return numbered;
    }

    private int number(String term) {
        return numbers.computeIfAbsent(term, t -> {
            terms.add(t);
            return terms.size() - 1;
        });
    }

    /** Per term number, how often it occurs in one article's title, summary and body; reset per article. */
    private static final class Counts {
        private int[] counts = new int[3 * 1024];
        private final IntList touched = new IntList();

        void add(int term, int field) {
            if (3 * term + 3 > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(3 * term + 3, 2 * counts.length));
            }
            int at = 3 * term;
            if (counts[at] == 0 && counts[at + 1] == 0 && counts[at + 2] == 0) {
                touched.add(term);
            }
            counts[at + field]++;
        }

        /** The touched terms into {@code into} and their weights; then back to zero for the next article. */
        byte[] weights(List<String> names, String[] into, int length) {
            byte[] weights = new byte[touched.size];
            int[] one = new int[3];
            for (int i = 0; i < touched.size; i++) {
                int at = 3 * touched.values[i];
                into[i] = names.get(touched.values[i]);
                System.arraycopy(counts, at, one, 0, 3);
                weights[i] = (byte) weight(one, length);
                counts[at] = counts[at + 1] = counts[at + 2] = 0;
            }
            touched.size = 0;
            return weights;
        }
    }

    /** A growing int array. */
    private static class IntList {
        int[] values = new int[4];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }
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

    /** The terms of one shard as a JSON object; those longer than {@code block} go to {@code blocked}. */
    private static void terms(
            StringBuilder json, String kind, Map<String, Postings> terms, int block, List<Blocked> blocked) {
        json.append('{');
        String separator = "";
        for (Map.Entry<String, Postings> term : terms.entrySet()) { // a TreeMap: sorted, so bytes are stable
            json.append(separator);
            string(json, term.getKey());
            json.append(':');
            Postings postings = term.getValue();
            if (postings.size <= 2 * block) {
                deltas(json, postings, 0, postings.size);
            } else {
                String name = blockName(kind, term.getKey());
                blocked.add(new Blocked(kind, term.getKey(), name, postings));
                json.append("{\"n\":").append(postings.size / 2).append(",\"h\":");
                head(json, postings);
                json.append(",\"b\":[");
                for (int i = 0; i < postings.size; i += 2 * block) {
                    json.append(i == 0 ? "" : ",").append(postings.values[i]);
                }
                json.append("],\"f\":");
                string(json, name);
                json.append('}');
            }
            separator = ",";
        }
        json.append('}');
    }

    /** Postings {@code from} (inclusive) to {@code to} (exclusive, in values) as {@code [Δid, weight, …]}. */
    private static void deltas(StringBuilder json, Postings postings, int from, int to) {
        json.append('[');
        int previous = 0;
        for (int i = from; i < to; i += 2) {
            int id = postings.values[i];
            json.append(i == from ? "" : ",").append(id - previous).append(',').append(postings.values[i + 1]);
            previous = id;
        }
        json.append(']');
    }

    /**
     * The {@link #HEAD} best postings, by weight and then newest first, as {@code [id, weight, …]}: picked in one
     * pass from the newest down (a common word has tens of thousands of postings; sorting them all was a tenth
     * of a rebuild).
     */
    private static void head(StringBuilder json, Postings postings) {
        int[] best = new int[Math.min(HEAD, postings.size / 2)]; // posting indexes, best first
        int count = 0;
        for (int i = postings.size / 2 - 1; i >= 0; i--) {
            int weight = postings.values[2 * i + 1];
            if (count == best.length && weight <= postings.values[2 * best[count - 1] + 1]) {
                continue; // not better than the last kept: a newer one with its weight is already in
            }
            int at = Math.min(count, best.length - 1);
            while (at > 0 && postings.values[2 * best[at - 1] + 1] < weight) { // after equal weights: newer first
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
            count = Math.min(count + 1, best.length);
        }
        json.append('[');
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append(postings.values[2 * best[i]])
                    .append(',')
                    .append(postings.values[2 * best[i] + 1]);
        }
        json.append(']');
    }

    /** A file name for a blocked term: portable (hex), short, and the same in every build. */
    private static String blockName(String kind, String term) {
        return Digests.sha256Hex((kind + ":" + term).getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
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
