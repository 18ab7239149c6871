package dev.midad.model.build;

import dev.midad.model.ArticleView;
import dev.midad.text.Digests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * "Related articles": the articles sharing most tags with an article (as many as site.yaml's {@code related:}
 * asks), ties to the one nearest in time: an archive's article gets the coverage around it, and a new article
 * changes only recent articles' lists. Remembers the previous build's lists: reuses them while no article's
 * address or tags changed, and ranks again only the lists new articles can enter when all that changed is
 * articles added newer than every other (a publish: 100,000 articles, 4 s of ranking saved).
 */
final class RelatedArticles {
    /** Related articles are searched among this many articles of each shared tag, the nearest in time. */
    private static final int RELATED_SCAN_PER_TAG = 200;

    /** The previous build's related articles (by URL) and the articles' tags it was computed from. */
    private Map<String, List<String>> relatedUrls = Map.of();

    private List<Object> relatedInput = List.of();

    /** How many lists the last build ranked (the others were the previous build's). */
    private int lastRanked;

    /** The lists of the last build, by article address, for the build cache. */
    Map<String, List<String>> urls() {
        return relatedUrls;
    }

    /** What the lists of the last build were computed from (compared by value, for the build cache). */
    List<Object> input() {
        return relatedInput;
    }

    /** Takes on lists a builder in another JVM computed from {@code input}. */
    void restore(Map<String, List<String>> urls, List<Object> input) {
        relatedUrls = urls;
        relatedInput = input;
    }

    /**
     * The lists for {@code views} (newest first), when the supplier is called: the previous build's when no
     * article's address or tags changed, those of the previous build with the lists a newest article can enter
     * ranked again when articles were only added, newer than all before (a publish), else all ranked. What the
     * lists are computed from is digested from now on, on a thread of its own (100,000 articles: 0.3 s of
     * SHA-256), while the caller builds the rest of the model; {@code views} and {@code tagsByUrl} must not
     * change meanwhile.
     */
    java.util.function.Supplier<Map<String, List<ArticleView>>> begin(
            List<ArticleView> views, Map<String, List<String>> tagsByUrl, int count) {
        List<String> urls = views.stream().map(ArticleView::url).toList();
        java.util.function.Supplier<Map<String, List<String>>> lists = beginByUrl(urls, tagsByUrl, count);
        return () -> {
            Map<String, ArticleView> byUrl = new HashMap<>();
            views.forEach(v -> byUrl.put(v.url(), v));
            Map<String, List<ArticleView>> related = new HashMap<>();
            lists.get()
                    .forEach((url, list) ->
                            related.put(url, list.stream().map(byUrl::get).toList()));
            return related;
        };
    }

    /** As {@link #begin(List, Map, int)}, by address: {@code urls} newest first, the lists by address. */
    java.util.function.Supplier<Map<String, List<String>>> beginByUrl(
            List<String> urls, Map<String, List<String>> tagsByUrl, int count) {
        if (count == 0) {
            return () -> {
                relatedUrls = Map.of();
                relatedInput = List.of();
                lastRanked = 0;
                return Map.of();
            };
        }
        int before = relatedUrls.size(); // the articles the previous lists were ranked among
        java.util.concurrent.CompletableFuture<Input> input = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> input(urls, tagsByUrl, count, before), task -> {
                    Thread thread = new Thread(task, "midad-related-input");
                    thread.setDaemon(true);
                    thread.start();
                });
        return () -> of(urls, tagsByUrl, count, input.join());
    }

    /** How many lists the last build ranked (the others were the previous build's). */
    int lastRanked() {
        return lastRanked;
    }

    private Map<String, List<String>> of(
            List<String> urls, Map<String, List<String>> tagsByUrl, int count, Input input) {
        if (input.whole().equals(relatedInput)) {
            lastRanked = 0;
            return relatedUrls;
        }
        int added = urls.size() - relatedUrls.size();
        Ranking ranking = new Ranking(urls, tagsByUrl, count);
        Map<String, List<String>> lists;
        if (added > 0 && input.oldest() != null && input.oldest().equals(relatedInput)) {
            // the previous articles, in the same order with the same tags, follow the added ones
            lists = new HashMap<>(relatedUrls);
            int[] which = ranking.reachedBy(added);
            ranking.rank(which).forEach(lists::put);
            lastRanked = which.length;
        } else {
            int[] all = java.util.stream.IntStream.range(0, urls.size()).toArray();
            lists = ranking.rank(all);
            lastRanked = all.length;
        }
        relatedUrls = lists;
        relatedInput = input.whole();
        return lists;
    }

    /**
     * What the lists are computed from: {@code whole}, the count asked and the SHA-256 of every article's address
     * and tags from the oldest to the newest (the build cache keeps 32 bytes, not every address again: 100,000
     * articles, ~13 MB); {@code oldest}, the same of the {@code before} oldest articles (null when there are
     * fewer), which equals the previous build's {@code whole} when articles were only added after them.
     */
    private record Input(List<Object> whole, List<Object> oldest) {}

    private static Input input(List<String> urls, Map<String, List<String>> tagsByUrl, int count, int before) {
        java.security.MessageDigest digest = Digests.sha256();
        List<Object> oldest = null;
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest), 1 << 15))) {
            for (int i = urls.size() - 1; i >= 0; i--) {
                if (i == urls.size() - 1 - before) {
                    out.flush();
                    oldest = List.of(count, hex((java.security.MessageDigest) digest.clone()));
                }
                // every string and list after its length: no two inputs give the same bytes
                String url = urls.get(i);
                List<String> tags = tagsByUrl.get(url);
                write(out, url);
                out.writeInt(tags.size());
                for (String tag : tags) {
                    write(out, tag);
                }
            }
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a stream into a digest does not fail
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e); // the JDK's SHA-256 can be cloned
        }
        List<Object> whole = List.of(count, hex(digest));
        return new Input(whole, before == urls.size() ? whole : oldest);
    }

    private static String hex(java.security.MessageDigest digest) {
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void write(java.io.DataOutputStream out, String text) throws java.io.IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The articles by position in {@code urls} (newest first: no hashing of addresses while ranking), each
     * tag's articles newest first.
     */
    private static final class Ranking {
        private final List<String> urls;
        private final int wanted;
        private final List<List<String>> tagsOf;
        private final Map<String, int[]> positions = new HashMap<>();

        Ranking(List<String> urls, Map<String, List<String>> tagsByUrl, int wanted) {
            this.urls = urls;
            this.wanted = wanted;
            int count = urls.size();
            tagsOf = new ArrayList<>(count);
            Map<String, List<Integer>> byTag = new HashMap<>();
            for (int i = 0; i < count; i++) {
                List<String> tags = tagsByUrl.get(urls.get(i));
                tagsOf.add(tags);
                for (String tag : tags) {
                    byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
                }
            }
            byTag.forEach((tag, tagged) -> positions.put(
                    tag, tagged.stream().mapToInt(Integer::intValue).toArray()));
        }

        /**
         * The articles whose lists can differ from the previous build's when the {@code added} newest are new:
         * those and, in each of their tags, the first {@value #RELATED_SCAN_PER_TAG} + {@code added}. Further
         * down a tag, an article's window of {@value #RELATED_SCAN_PER_TAG} holds the same articles as before
         * (all positions moved by as many), so its list is the same.
         */
        int[] reachedBy(int added) {
            java.util.BitSet reached = new java.util.BitSet(urls.size());
            reached.set(0, added);
            for (int i = 0; i < added; i++) {
                for (String tag : tagsOf.get(i)) {
                    int[] tagged = positions.get(tag);
                    for (int k = 0; k < Math.min(tagged.length, RELATED_SCAN_PER_TAG + added); k++) {
                        reached.set(tagged[k]);
                    }
                }
            }
            return reached.stream().toArray();
        }

        /** The lists of the articles at {@code which}, by address: ranked in chunks, on every core. */
        Map<String, List<String>> rank(int[] which) {
            int count = urls.size();
            @SuppressWarnings("unchecked")
            List<String>[] lists = new List[which.length];
            int chunks = Math.max(
                    1, Math.min(which.length / 64, 8 * java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(chunk -> {
                int[] shared = new int[count]; // per chunk: how many tags each candidate shares, reset after each
                for (int j = (int) ((long) which.length * chunk / chunks);
                        j < (long) which.length * (chunk + 1) / chunks;
                        j++) {
                    lists[j] = RelatedArticles.rank(which[j], urls, tagsOf, positions, shared, wanted);
                }
            });
            Map<String, List<String>> related = new HashMap<>();
            for (int j = 0; j < which.length; j++) {
                related.put(urls.get(which[j]), lists[j]);
            }
            return related;
        }
    }

    /** The related articles of the one at {@code i} of {@code urls}; {@code shared} is all zeros, and left so. */
    private static List<String> rank(
            int i,
            List<String> urls,
            List<List<String>> tagsOf,
            Map<String, int[]> positions,
            int[] shared,
            int wanted) {
        List<String> tags = tagsOf.get(i);
        int[] candidates = new int[tags.size() * RELATED_SCAN_PER_TAG];
        int found = 0;
        for (String tag : tags) {
            int[] tagged = positions.get(tag);
            int from = nearestFrom(tagged, java.util.Arrays.binarySearch(tagged, i));
            for (int k = from; k < Math.min(tagged.length, from + RELATED_SCAN_PER_TAG); k++) {
                int other = tagged[k];
                if (other != i && shared[other]++ == 0) {
                    candidates[found++] = other;
                }
            }
        }
        // the wanted most shared tags, ties to the nearer in time: insertion into a short sorted array
        int[] best = new int[wanted];
        int kept = 0;
        for (int c = 0; c < found; c++) {
            int other = candidates[c];
            int at = kept;
            while (at > 0 && ranksBefore(other, best[at - 1], i, shared)) {
                at--;
            }
            if (at < wanted) {
                System.arraycopy(best, at, best, at + 1, Math.min(kept, wanted - 1) - at);
                best[at] = other;
                kept = Math.min(kept + 1, wanted);
            }
        }
        String[] picked = new String[kept];
        for (int k = 0; k < kept; k++) {
            picked[k] = urls.get(best[k]);
        }
        for (int c = 0; c < found; c++) {
            shared[candidates[c]] = 0;
        }
        return Stream.of(picked).toList();
    }

    /**
     * Where in a tag's articles (newest first) the {@value #RELATED_SCAN_PER_TAG} nearest in time to the one at
     * {@code at} begin: half newer, half older, all from one end near the ends. A new article falls into the
     * windows of its tags' newest articles only, so it leaves older pages as they were.
     */
    private static int nearestFrom(int[] tagged, int at) {
        return Math.max(0, Math.min(at - RELATED_SCAN_PER_TAG / 2, tagged.length - RELATED_SCAN_PER_TAG));
    }

    /**
     * More shared tags first, then the article nearer in time to {@code of} (positions are in date order), then
     * the newer (the lower position).
     */
    private static boolean ranksBefore(int a, int b, int of, int[] shared) {
        if (shared[a] != shared[b]) {
            return shared[a] > shared[b];
        }
        int nearA = Math.abs(a - of);
        int nearB = Math.abs(b - of);
        return nearA != nearB ? nearA < nearB : a < b;
    }
}
