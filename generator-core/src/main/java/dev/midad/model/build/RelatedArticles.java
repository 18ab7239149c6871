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
 * changes only recent articles' lists. Remembers the previous build's lists and reuses them while no article's
 * address or tags changed.
 */
final class RelatedArticles {
    /** Related articles are searched among this many articles of each shared tag, the nearest in time. */
    private static final int RELATED_SCAN_PER_TAG = 200;

    /** The previous build's related articles (by URL) and the articles' tags it was computed from. */
    private Map<String, List<String>> relatedUrls = Map.of();

    private List<Object> relatedInput = List.of();

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
     * {@link #related}, or the previous build's lists when no article's address or tags changed, when the
     * supplier is called. What the lists are computed from is digested from now on, on a thread of its own
     * (100,000 articles: 0.3 s of SHA-256), while the caller builds the rest of the model; {@code views} and
     * {@code tagsByUrl} must not change meanwhile.
     */
    java.util.function.Supplier<Map<String, List<ArticleView>>> begin(
            List<ArticleView> views, Map<String, List<String>> tagsByUrl, int count) {
        if (count == 0) {
            return () -> of(views, tagsByUrl, count, List.of());
        }
        java.util.concurrent.CompletableFuture<List<Object>> input =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> input(views, tagsByUrl, count), task -> {
                    Thread thread = new Thread(task, "midad-related-input");
                    thread.setDaemon(true);
                    thread.start();
                });
        return () -> of(views, tagsByUrl, count, input.join());
    }

    private Map<String, List<ArticleView>> of(
            List<ArticleView> views, Map<String, List<String>> tagsByUrl, int count, List<Object> input) {
        if (count == 0) {
            relatedUrls = Map.of();
            relatedInput = List.of();
            return Map.of();
        }
        if (!input.equals(relatedInput)) {
            Map<String, List<String>> urls = new HashMap<>();
            related(views, tagsByUrl, count)
                    .forEach((url, list) ->
                            urls.put(url, list.stream().map(ArticleView::url).toList()));
            relatedUrls = urls;
            relatedInput = input;
        }
        Map<String, ArticleView> byUrl = new HashMap<>();
        views.forEach(v -> byUrl.put(v.url(), v));
        Map<String, List<ArticleView>> related = new HashMap<>();
        relatedUrls.forEach(
                (url, list) -> related.put(url, list.stream().map(byUrl::get).toList()));
        return related;
    }

    /**
     * What the lists are computed from, as the count asked and the SHA-256 of every article's address and tags
     * in order: the build cache keeps 32 bytes, not every address again (100,000 articles: ~13 MB).
     */
    private static List<Object> input(List<ArticleView> views, Map<String, List<String>> tagsByUrl, int count) {
        java.security.MessageDigest digest = Digests.sha256();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest), 1 << 15))) {
            for (ArticleView view : views) {
                // every string and list after its length: no two inputs give the same bytes
                List<String> tags = tagsByUrl.get(view.url());
                write(out, view.url());
                out.writeInt(tags.size());
                for (String tag : tags) {
                    write(out, tag);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a stream into a digest does not fail
        }
        return List.of(count, java.util.HexFormat.of().formatHex(digest.digest()));
    }

    private static void write(java.io.DataOutputStream out, String text) throws java.io.IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Map<String, List<ArticleView>> related(
            List<ArticleView> views, Map<String, List<String>> tagsByUrl, int wanted) {
        // Articles are named by their position in views (newest first): no hashing of URLs while ranking.
        int count = views.size();
        List<List<String>> tagsOf = new ArrayList<>(count);
        Map<String, List<Integer>> byTag = new HashMap<>();
        for (int i = 0; i < count; i++) {
            List<String> tags = tagsByUrl.get(views.get(i).url());
            tagsOf.add(tags);
            for (String tag : tags) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> positions = new HashMap<>(); // each tag's articles, newest first
        byTag.forEach((tag, tagged) ->
                positions.put(tag, tagged.stream().mapToInt(Integer::intValue).toArray()));
        // each article's list depends on nothing but the lists above: ranked in chunks, on every core
        @SuppressWarnings("unchecked")
        List<ArticleView>[] lists = new List[count];
        int chunks =
                Math.max(1, Math.min(count / 64, 8 * java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int[] shared = new int[count]; // per chunk: how many tags each candidate shares, reset after each article
            for (int i = (int) ((long) count * chunk / chunks); i < (long) count * (chunk + 1) / chunks; i++) {
                lists[i] = rank(i, views, tagsOf, positions, shared, wanted);
            }
        });
        Map<String, List<ArticleView>> related = new HashMap<>();
        for (int i = 0; i < count; i++) {
            related.put(views.get(i).url(), lists[i]);
        }
        return related;
    }

    /** The related articles of the one at {@code i} of {@code views}; {@code shared} is all zeros, and left so. */
    private static List<ArticleView> rank(
            int i,
            List<ArticleView> views,
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
        ArticleView[] picked = new ArticleView[kept];
        for (int k = 0; k < kept; k++) {
            picked[k] = views.get(best[k]);
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
