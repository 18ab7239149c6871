package dev.midad.search;

import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.problem.Problem;
import dev.midad.render.RenderMemo;
import dev.midad.text.Digests;
import dev.midad.text.PackedText;
import dev.midad.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import org.jsoup.Jsoup;

/**
 * The static search index of one edition, read by the theme's {@code assets/search.js}:
 * <ul>
 *   <li>{@code search/meta.json}: {@code {"depth": n}}, how many first characters of a term name its shard
 *       ({@link #shardDepth}: fewer for a smaller archive, which then writes a few dozen shards, not
 *       hundreds);</li>
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
 *
 * <p>Given what the last published build wrote ({@link SearchMemory}), a build regenerates only the shards of
 * the terms that the changed ids' articles had or have, and the docs of those ids, and keeps every other file
 * as it is: an edit, or a new newest article, touches a few hundred shards, not every one. When most ids
 * changed (an old article deleted shifts every newer id) the index is written whole, with the same bytes.
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

    /**
     * Archives below this many articles name shards by one character, below {@link #DEPTH_3} by two, larger
     * ones by three: a small site writes tens of shard files (and cache parts) where three characters made one
     * per few terms (the benchmark's 10 articles: 80 shards instead of 614, at most 102 terms in one; 1,000:
     * 402 instead of 1,711, at most 222 terms and 12.7 KB), and a large one keeps shards small to download.
     */
    static final int DEPTH_2 = 100;

    static final int DEPTH_3 = 2_000;

    private static final char[] KINDS = {'e', 's'};
    private static final String KIND = "search";

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
    /** Term number → postings, for exact terms and for stems. */
    private final Postings.Table exact = new Postings.Table();

    private final Postings.Table stems = new Postings.Table();
    /** What {@link #analyse} made last, and the saved form it returned (posted without unpacking it). */
    private Entry analysed;

    private Saved analysedSaved;

    private SearchIndex() {}

    /** What one article adds to the index: its exact terms and stems by number, with their weights. */
    private record Entry(int[] exact, byte[] exactWeights, int[] stems, byte[] stemWeights) {}

    /**
     * What one article added to the index, as builds keep it: {@code terms} holds a line per term, its weight as
     * one character ({@code 'a' + weight}) then the term, first the exact terms and then, after an empty line,
     * the stems; packed (deflated), as every article's are held from the index's writing to the build cache's.
     */
    public record Saved(ArticleView article, PackedText terms) {}

    /** A saved entry's terms as strings: exact terms, then stems, each with its weight. */
    record Terms(List<String> exact, byte[] exactWeights, List<String> stems, byte[] stemWeights) {
        List<String> of(char kind) {
            return kind == 'e' ? exact : stems;
        }

        byte[] weightsOf(char kind) {
            return kind == 'e' ? exactWeights : stemWeights;
        }
    }

    /** How many first characters name the shard of a term in an index of {@code articles} articles. */
    static int shardDepth(int articles) {
        return articles < DEPTH_2 ? 1 : articles < DEPTH_3 ? 2 : 3;
    }

    /** How many articles {@code round} analysed (the others' terms were reused). */
    public static int analysed(RenderMemo.Round round) {
        return round.computed(KIND);
    }

    /**
     * Every article's saved terms that {@code memo} holds, for the build cache (see {@link #restore}), in no set
     * order: the cache stores each with its article's file.
     */
    public static List<Saved> saved(RenderMemo memo) {
        List<Saved> saved = new ArrayList<>();
        memo.derivedOf(KIND).forEach((article, value) -> {
            if (value instanceof Saved one && one.article() == article) {
                saved.add(one);
            }
        });
        return saved;
    }

    /**
     * Gives {@code memo} the terms a build in another JVM saved, so that articles whose view the model restored
     * unchanged are not analysed again; they are not even unpacked unless the index is written whole.
     */
    public static void restore(RenderMemo memo, List<Saved> saved) {
        for (Saved one : saved) {
            memo.restoreDerived(KIND, one.article(), one);
        }
    }

    /** The terms {@code saved} holds. */
    static Terms terms(Saved saved) {
        String text = saved.terms().text();
        List<String> exact = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        Postings.IntList exactWeights = new Postings.IntList();
        Postings.IntList stemWeights = new Postings.IntList();
        boolean inStems = false;
        for (int at = 0; at < text.length(); ) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            if (end == at) { // the empty line between exact terms and stems
                inStems = true;
            } else {
                (inStems ? stemWeights : exactWeights).add(text.charAt(at) - 'a');
                (inStems ? stems : exact).add(text.substring(at + 1, end));
            }
            at = end + 1;
        }
        return new Terms(exact, bytes(exactWeights), stems, bytes(stemWeights));
    }

    private static byte[] bytes(Postings.IntList values) {
        byte[] bytes = new byte[values.size];
        for (int i = 0; i < values.size; i++) {
            bytes[i] = (byte) values.values[i];
        }
        return bytes;
    }

    /**
     * Writes the index of {@code articles} (the published ones: the caller leaves drafts out) under
     * {@code filePrefix + "search/"}; a file another output already claimed becomes a problem. Each article's
     * terms are kept in {@code round}, so a rebuild analyses only the articles that changed; with what
     * {@code memory} says the last published build wrote there, only the files of the changed articles' terms
     * are written, the others kept ({@link SiteOutput#keep}). Postings grow article by article in compact
     * form and each shard is written, packed for the memory and released in turn.
     *
     * @param memory what the last published build wrote, to compare with and to be told what this one writes
     *               (see {@link SearchMemory#commit}); null to write the index whole and remember nothing
     * @return the number of files written or kept
     */
    public static int write(
            List<ArticleView> articles,
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            RenderMemo.Round round,
            SearchMemory memory)
            throws IOException {
        return write(articles, filePrefix, out, problems, round, memory, BLOCK, SearchIndex::shardDepth);
    }

    /**
     * {@link #write} with postings blocked past {@code block} and shards named by {@code depthOf} the number
     * of articles (in tests: small blocks and deep shards on a small site, to exercise them).
     */
    static int write(
            List<ArticleView> articles,
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            RenderMemo.Round round,
            SearchMemory memory,
            int block,
            IntUnaryOperator depthOf)
            throws IOException {
        List<ArticleView> oldestFirst = new ArrayList<>(articles);
        oldestFirst.sort(Comparator.comparingLong((ArticleView a) -> a.date().epochMilli())
                .thenComparing(ArticleView::url));
        SearchMemory.Edition last = memory == null ? null : memory.committed(filePrefix);
        int depth = depthOf.applyAsInt(oldestFirst.size());
        int files = write(out, filePrefix + FOLDER + "meta.json", "{\"depth\":" + depth + "}\n", problems);
        if (last != null && last.block == block && depthOf.applyAsInt(last.byId.size()) == depth) {
            int updated = update(last, oldestFirst, filePrefix, out, problems, round, memory, block, depth);
            if (updated >= 0) {
                return files + updated;
            }
        }
        SearchIndex index = new SearchIndex();
        List<Saved> byId = new ArrayList<>(oldestFirst.size());
        for (int id = 0; id < oldestFirst.size(); id++) {
            ArticleView article = oldestFirst.get(id);
            Saved saved = round.derived(KIND, article, index::analyse);
            if (saved == index.analysedSaved) {
                index.post(id, index.analysed);
            } else {
                index.post(id, terms(saved));
            }
            index.analysed = null;
            index.analysedSaved = null;
            byId.add(saved);
            files += write(out, docFile(filePrefix, id), docJson(article), problems);
        }
        Map<String, SearchMemory.Shard> shards = new HashMap<>();
        files += index.writeShards(filePrefix, out, problems, block, depth, shards);
        if (memory != null) {
            memory.written(filePrefix, new SearchMemory.Edition(block, List.copyOf(byId), shards, null, shards.size()));
        }
        return files;
    }

    /**
     * Writes the index again from {@code last}, regenerating only the shards of the terms the changed ids
     * (another article, or the same one changed) had and have, with their docs, and keeping the other files;
     * -1, before anything is claimed, when it is not worth it (most ids changed) or a shard's postings cannot
     * be read.
     */
    private static int update(
            SearchMemory.Edition last,
            List<ArticleView> now,
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            RenderMemo.Round round,
            SearchMemory memory,
            int block,
            int depth)
            throws IOException {
        int before = last.byId.size();
        int after = now.size();
        BitSet changed = new BitSet();
        for (int id = 0; id < Math.max(before, after); id++) {
            if (id >= before || id >= after || last.byId.get(id).article() != now.get(id)) {
                changed.set(id);
            }
        }
        if (changed.cardinality() > Math.max(8, after / 2)) {
            return -1;
        }
        // by shard and term, the postings of the changed ids that differ: (id, weight), weight 0 where it is gone
        TreeMap<String, Change> changes = new TreeMap<>();
        SearchIndex index = new SearchIndex();
        Saved[] byId = new Saved[after];
        for (int id = changed.nextSetBit(0); id >= 0; id = changed.nextSetBit(id + 1)) {
            Terms was = id < before ? terms(last.byId.get(id)) : null;
            Terms is = null;
            if (id < after) {
                byId[id] = round.derived(KIND, now.get(id), index::analyse);
                is = terms(byId[id]);
            }
            for (char kind : KINDS) {
                Map<String, Integer> old = new HashMap<>();
                if (was != null) {
                    for (int i = 0; i < was.of(kind).size(); i++) {
                        old.put(was.of(kind).get(i), (int) was.weightsOf(kind)[i]);
                    }
                }
                if (is != null) {
                    for (int i = 0; i < is.of(kind).size(); i++) {
                        String term = is.of(kind).get(i);
                        int weight = is.weightsOf(kind)[i];
                        Integer had = old.remove(term);
                        if (had == null || had != weight) { // an edit leaves most terms' weights alone
                            change(changes, depth, kind, term, id, weight);
                        }
                    }
                }
                for (String term : old.keySet()) {
                    change(changes, depth, kind, term, id, 0);
                }
            }
        }
        for (int id = 0; id < after; id++) {
            if (!changed.get(id)) {
                byId[id] = last.byId.get(id);
            }
        }
        Map<String, ShardTerms> touched = new ConcurrentHashMap<>();
        try {
            changes.keySet().parallelStream().forEach(name -> {
                SearchMemory.Shard shard = last.shards.get(name);
                try {
                    touched.put(name, shard == null ? ShardTerms.empty() : shard.terms(last.parts));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            memory.unreadable(e.getCause().getMessage()); // said in one line: a damaged cache costs time
            return -1; // a shard's postings are lost: the index is written whole, as without a memory
        }
        Map<String, SearchMemory.Shard> shards = new HashMap<>(last.shards);
        int files = 0;
        int written = 0;
        for (Map.Entry<String, Change> change : changes.entrySet()) {
            String name = change.getKey();
            ShardTerms old = touched.get(name);
            ShardTerms next = old.copy();
            // a changed blocked term's blocks that hold the same postings as before are kept
            Map<String, BitSet> keptBlocks = new HashMap<>();
            for (char kind : KINDS) {
                for (Map.Entry<String, Postings.IntList> term :
                        change.getValue().of(kind).entrySet()) {
                    Postings was = old.of(kind).get(term.getKey());
                    Postings updated = Postings.update(was, term.getValue());
                    if (updated == null) {
                        next.of(kind).remove(term.getKey());
                    } else {
                        next.of(kind).put(term.getKey(), updated);
                    }
                    keptBlocks.put(kind + term.getKey(), sameBlocks(was, updated, block));
                }
            }
            if (next.isEmpty()) {
                shards.remove(name); // its files are not claimed: the output drops them
                continue;
            }
            List<SearchMemory.Blocked> blocked = new ArrayList<>();
            files += writeShard(
                    filePrefix,
                    out,
                    problems,
                    block,
                    name,
                    next,
                    (kind, term, i) -> {
                        BitSet same = keptBlocks.get(kind + term);
                        return same == null || same.get(i); // null: not changed, every block as it was
                    },
                    blocked);
            shards.put(name, new SearchMemory.Shard(name, null, blocked, next.pack()));
            written++;
        }
        for (SearchMemory.Shard shard : last.shards.values()) {
            if (!changes.containsKey(shard.name)) {
                files += keep(out, termsFile(filePrefix, shard.name), problems);
                for (SearchMemory.Blocked term : shard.blocked) {
                    for (int i = 0; i < term.count(); i++) {
                        files += keep(out, blockFile(filePrefix, term.name(), i), problems);
                    }
                }
            }
        }
        for (int id = 0; id < after; id++) {
            String file = docFile(filePrefix, id);
            files += changed.get(id) ? write(out, file, docJson(now.get(id)), problems) : keep(out, file, problems);
        }
        memory.written(filePrefix, new SearchMemory.Edition(block, List.of(byId), shards, last.parts, written));
        return files;
    }

    /** What the changed ids do to one shard's terms: per term, the postings it gains (none: it only loses). */
    private static final class Change {
        final TreeMap<String, Postings.IntList> exact = new TreeMap<>();
        final TreeMap<String, Postings.IntList> stems = new TreeMap<>();

        TreeMap<String, Postings.IntList> of(char kind) {
            return kind == 'e' ? exact : stems;
        }
    }

    private static void change(TreeMap<String, Change> changes, int depth, char kind, String term, int id, int weight) {
        Postings.IntList updates = changes.computeIfAbsent(Analyser.shardOf(term, depth), s -> new Change())
                .of(kind)
                .computeIfAbsent(term, t -> new Postings.IntList());
        updates.add(id);
        updates.add(weight);
    }

    /** Whether a blocked term's block is as the last build wrote it (kept, not written). */
    private interface KeptBlocks {
        boolean kept(char kind, String term, int block);
    }

    /** The blocks of {@code now} that the last build wrote with the same postings, from {@code was}. */
    private static BitSet sameBlocks(Postings was, Postings now, int block) {
        BitSet same = new BitSet();
        if (was == null || now == null || was.count() <= block || now.count() <= block) {
            return same; // the last build wrote no blocks, or this one writes none
        }
        // the blocks of postings both begin with are the same without decoding them (a new newest article's
        // id changes a common word's last block only)
        int first = Postings.sameLeading(was, now) / block;
        same.set(0, first);
        int[] before = was.decodeFrom(first * block);
        int[] after = now.decodeFrom(first * block);
        for (int from = 0, i = first; from < after.length && from < before.length; from += 2 * block, i++) {
            int to = from + 2 * block;
            if (Arrays.equals(before, from, Math.min(before.length, to), after, from, Math.min(after.length, to))) {
                same.set(i);
            }
        }
        return same;
    }

    private static String docFile(String filePrefix, int id) {
        return filePrefix + FOLDER + "docs/" + id + ".json";
    }

    private static String termsFile(String filePrefix, String shard) {
        return filePrefix + FOLDER + "terms/" + shard + ".json";
    }

    private static String blockFile(String filePrefix, String name, int i) {
        return filePrefix + FOLDER + "blocks/" + name + "-" + i + ".json";
    }

    /** Writes every shard from the postings, each packed into {@code into} and released once written. */
    private int writeShards(
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            int block,
            int depth,
            Map<String, SearchMemory.Shard> into)
            throws IOException {
        TreeMap<String, Postings.IntList[]> byShard = new TreeMap<>(); // exact and stem term numbers
        for (int term = 0; term < terms.size(); term++) {
            boolean isExact = exact.has(term);
            boolean isStem = stems.has(term);
            if (isExact || isStem) {
                Postings.IntList[] numbered = byShard.computeIfAbsent(Analyser.shardOf(terms.get(term), depth), s ->
                        new Postings.IntList[] {new Postings.IntList(), new Postings.IntList()});
                if (isExact) {
                    numbered[0].add(term);
                }
                if (isStem) {
                    numbered[1].add(term);
                }
            }
        }
        int files = 0;
        while (!byShard.isEmpty()) {
            Map.Entry<String, Postings.IntList[]> shard = byShard.pollFirstEntry();
            ShardTerms shardTerms = ShardTerms.empty();
            Postings.IntList[] numbered = shard.getValue();
            for (int i = 0; i < numbered[0].size; i++) {
                shardTerms.exact.put(terms.get(numbered[0].values[i]), exact.take(numbered[0].values[i]));
            }
            for (int i = 0; i < numbered[1].size; i++) {
                shardTerms.stems.put(terms.get(numbered[1].values[i]), stems.take(numbered[1].values[i]));
            }
            List<SearchMemory.Blocked> blocked = new ArrayList<>();
            files += writeShard(
                    filePrefix, out, problems, block, shard.getKey(), shardTerms, (k, t, i) -> false, blocked);
            into.put(shard.getKey(), new SearchMemory.Shard(shard.getKey(), null, blocked, shardTerms.pack()));
        }
        return files;
    }

    /** A term whose postings go into blocks: {@code kind} 'e' or 's', {@code name} its blocks' file name. */
    private record ToBlock(char kind, String term, String name, int[] pairs) {}

    /** Writes one shard's file and its blocked terms' blocks, but for the leading ones {@code kept} keeps. */
    private static int writeShard(
            String filePrefix,
            SiteOutput out,
            List<Problem> problems,
            int block,
            String name,
            ShardTerms shard,
            KeptBlocks kept,
            List<SearchMemory.Blocked> blocked)
            throws IOException {
        StringBuilder json = new StringBuilder("{\"e\":");
        List<ToBlock> toBlock = new ArrayList<>();
        terms(json, 'e', shard.exact, block, toBlock);
        json.append(",\"s\":");
        terms(json, 's', shard.stems, block, toBlock);
        int files = write(out, termsFile(filePrefix, name), json.append("}\n").toString(), problems);
        for (ToBlock term : toBlock) {
            int[] pairs = term.pairs();
            int count = 0;
            for (int from = 0; from < pairs.length; from += 2 * block, count++) {
                String file = blockFile(filePrefix, term.name(), count);
                if (kept.kept(term.kind(), term.term(), count)) {
                    files += keep(out, file, problems);
                    continue;
                }
                StringBuilder part =
                        new StringBuilder("{\"").append(term.kind()).append("\":{");
                string(part, term.term());
                part.append(':');
                deltas(part, pairs, from, Math.min(pairs.length, from + 2 * block));
                files += write(out, file, part.append("}}\n").toString(), problems);
            }
            blocked.add(new SearchMemory.Blocked(term.name(), count));
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

    private static int keep(SiteOutput out, String file, List<Problem> problems) throws IOException {
        try {
            out.keep(file, "search index");
        } catch (SiteOutput.CollisionException e) {
            problems.add(e.problem());
        }
        return 1;
    }

    /** Analyses {@code article} (see {@link #analysed}, which the caller posts). */
    private Saved analyse(ArticleView article) {
        Entry entry = entry(article);
        StringBuilder text = new StringBuilder();
        lines(text, entry.exact(), entry.exactWeights());
        text.append('\n');
        lines(text, entry.stems(), entry.stemWeights());
        analysed = entry;
        analysedSaved = new Saved(article, PackedText.of(text.toString()));
        return analysedSaved;
    }

    private void lines(StringBuilder into, int[] numbered, byte[] weights) {
        for (int i = 0; i < numbered.length; i++) {
            into.append((char) ('a' + weights[i]))
                    .append(terms.get(numbered[i]))
                    .append('\n');
        }
    }

    private void post(int id, Entry entry) {
        for (int i = 0; i < entry.exact().length; i++) {
            exact.add(entry.exact()[i], id, entry.exactWeights()[i]);
        }
        for (int i = 0; i < entry.stems().length; i++) {
            stems.add(entry.stems()[i], id, entry.stemWeights()[i]);
        }
    }

    private void post(int id, Terms saved) {
        for (int i = 0; i < saved.exact().size(); i++) {
            exact.add(number(saved.exact().get(i)), id, saved.exactWeights()[i]);
        }
        for (int i = 0; i < saved.stems().size(); i++) {
            stems.add(number(saved.stems().get(i)), id, saved.stemWeights()[i]);
        }
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
        int[] exactTerms = exactCounts.terms();
        int[] stemTerms = stemCounts.terms();
        return new Entry(exactTerms, exactCounts.weights(length), stemTerms, stemCounts.weights(length));
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
        private final Postings.IntList touched = new Postings.IntList();

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

        /** The numbers of the terms touched since the last {@link #weights}. */
        int[] terms() {
            return Arrays.copyOf(touched.values, touched.size);
        }

        /** The touched terms' weights, in {@link #terms}' order; then back to zero for the next article. */
        byte[] weights(int length) {
            byte[] weights = new byte[touched.size];
            int[] one = new int[3];
            for (int i = 0; i < touched.size; i++) {
                int at = 3 * touched.values[i];
                System.arraycopy(counts, at, one, 0, 3);
                weights[i] = (byte) weight(one, length);
                counts[at] = counts[at + 1] = counts[at + 2] = 0;
            }
            touched.size = 0;
            return weights;
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

    /** The terms of one shard as a JSON object; those longer than {@code block} go to {@code blocked}. */
    private static void terms(
            StringBuilder json, char kind, Map<String, Postings> terms, int block, List<ToBlock> blocked) {
        json.append('{');
        String separator = "";
        for (Map.Entry<String, Postings> term : terms.entrySet()) { // a TreeMap: sorted, so bytes are stable
            json.append(separator);
            string(json, term.getKey());
            json.append(':');
            Postings postings = term.getValue();
            if (postings.count() <= block) {
                postings.appendDeltas(json);
            } else {
                int[] pairs = postings.decode();
                String name = blockName(String.valueOf(kind), term.getKey());
                blocked.add(new ToBlock(kind, term.getKey(), name, pairs));
                json.append("{\"n\":").append(postings.count()).append(",\"h\":");
                head(json, pairs);
                json.append(",\"b\":[");
                for (int i = 0; i < pairs.length; i += 2 * block) {
                    json.append(i == 0 ? "" : ",").append(pairs[i]);
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
    private static void deltas(StringBuilder json, int[] pairs, int from, int to) {
        json.append('[');
        int previous = 0;
        for (int i = from; i < to; i += 2) {
            int id = pairs[i];
            json.append(i == from ? "" : ",").append(id - previous).append(',').append(pairs[i + 1]);
            previous = id;
        }
        json.append(']');
    }

    /**
     * The {@link #HEAD} best postings, by weight and then newest first, as {@code [id, weight, …]}: picked in one
     * pass from the newest down (a common word has tens of thousands of postings; sorting them all was a tenth
     * of a rebuild).
     */
    private static void head(StringBuilder json, int[] pairs) {
        int[] best = new int[Math.min(HEAD, pairs.length / 2)]; // posting indexes, best first
        int count = 0;
        for (int i = pairs.length / 2 - 1; i >= 0; i--) {
            int weight = pairs[2 * i + 1];
            if (count == best.length && weight <= pairs[2 * best[count - 1] + 1]) {
                continue; // not better than the last kept: a newer one with its weight is already in
            }
            int at = Math.min(count, best.length - 1);
            while (at > 0 && pairs[2 * best[at - 1] + 1] < weight) { // after equal weights: newer first
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
            count = Math.min(count + 1, best.length);
        }
        json.append('[');
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append(pairs[2 * best[i]])
                    .append(',')
                    .append(pairs[2 * best[i] + 1]);
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
