package dev.midad.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The manifest's map: a map like any other, whose next version shares every bucket an edit did not touch. */
class FileBucketsTest {
    private static Map<String, String> files(int count) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < count; i++) {
            files.put("2024/06/مقال-" + i + "/index.html", "hash" + i);
        }
        return files;
    }

    @Test
    void itIsTheMapItWasMadeOf() {
        Map<String, String> files = files(20_000);
        FileBuckets<String> buckets = FileBuckets.of(files);

        assertEquals(files, buckets);
        assertEquals(buckets, files);
        assertEquals(files.hashCode(), buckets.hashCode());
        assertEquals(20_000, buckets.size());
        assertEquals(FileBuckets.bucketsFor(20_000, FileBuckets.PER_BUCKET), buckets.bucketCount());
        assertEquals("hash7", buckets.get("2024/06/مقال-7/index.html"));
        assertNull(buckets.get("nothing.html"));
        assertFalse(buckets.containsKey(7));
        assertSame(buckets, FileBuckets.of(buckets));
        Map<String, String> seen = new HashMap<>();
        buckets.forEach(seen::put);
        assertEquals(files, seen);
        assertThrows(
                UnsupportedOperationException.class, () -> buckets.bucket(0).put("x", "y"));
    }

    @Test
    void aNewVersionSharesTheBucketsNoChangeTouched() {
        FileBuckets<String> before = FileBuckets.of(files(20_000));
        String edited = "2024/06/مقال-5/index.html";
        String added = "search/new-shard.json";
        String removed = "2024/06/مقال-9/index.html";

        FileBuckets<String> after = before.with(
                Map.of(edited, "new", "2024/06/مقال-6/index.html", "hash6", added, "h"), List.of(removed, "none"));

        Map<String, String> expected = new HashMap<>(files(20_000));
        expected.put(edited, "new");
        expected.put(added, "h");
        expected.remove(removed);
        assertEquals(expected, after);
        assertEquals(expected.size(), after.size());
        Set<Integer> touched = Set.of(
                FileBuckets.bucketOf(edited, before.bucketCount()),
                FileBuckets.bucketOf(added, before.bucketCount()),
                FileBuckets.bucketOf(removed, before.bucketCount()));
        for (int i = 0; i < before.bucketCount(); i++) {
            if (touched.contains(i)) {
                assertNotSame(before.bucket(i), after.bucket(i), "bucket " + i);
            } else {
                assertSame(before.bucket(i), after.bucket(i), "bucket " + i);
            }
        }
        assertEquals("hash5", before.get(edited), "the earlier version is unchanged");
        assertSame(before, before.with(Map.of("2024/06/مقال-1/index.html", "hash1"), List.of("none")));
    }

    /** What one addition changes: a thousand search shards, a few pages. The pages' buckets stay as they were. */
    @Test
    void searchShardsChangeBucketsOfTheirOwn() {
        Map<String, String> files = new HashMap<>(files(20_000));
        for (int i = 0; i < 20_000; i++) {
            files.put("search/terms/" + Integer.toHexString(i) + ".json", "t" + i);
            files.put("en/search/docs/" + i + ".json", "d" + i);
        }
        FileBuckets<String> before = FileBuckets.of(files);
        Map<String, String> changed = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            changed.put("search/terms/" + Integer.toHexString(i * 17) + ".json", "new");
        }
        changed.put("en/search/docs/7.json", "new");
        FileBuckets<String> after = before.with(changed, List.of());

        int count = before.bucketCount();
        int searchBuckets = 0;
        for (int i = 0; i < count; i++) {
            boolean search = before.bucket(i).keySet().stream().anyMatch(key -> key.contains("search/"));
            boolean pages = before.bucket(i).keySet().stream().anyMatch(key -> !key.contains("search/"));
            assertTrue(!(search && pages), "bucket " + i + " mixes search shards and pages");
            searchBuckets += search ? 1 : 0;
            if (pages) {
                assertSame(before.bucket(i), after.bucket(i), "bucket " + i + " of pages");
            }
        }
        assertEquals(count / 8, searchBuckets);
        assertTrue(FileBuckets.bucketOf("2024/06/search/index.html", count) >= count / 8, "an article named search");
    }

    @Test
    void bucketsReadBackMustHoldTheirOwnKeys() {
        FileBuckets<String> made = FileBuckets.of(files(5_000));
        List<Map<String, String>> buckets = new ArrayList<>();
        for (int i = 0; i < made.bucketCount(); i++) {
            buckets.add(made.bucket(i));
        }
        assertEquals(made, FileBuckets.ofBuckets(buckets));

        List<Map<String, String>> swapped = new ArrayList<>(buckets); // two buckets of pages
        int last = buckets.size() - 1;
        swapped.set(last - 1, buckets.get(last));
        swapped.set(last, buckets.get(last - 1));
        assertThrows(IllegalArgumentException.class, () -> FileBuckets.ofBuckets(swapped));
        assertThrows(IllegalArgumentException.class, () -> FileBuckets.ofBuckets(buckets.subList(0, 3)));
        assertTrue(FileBuckets.ofBuckets(List.of(Map.of())).isEmpty());
    }
}
