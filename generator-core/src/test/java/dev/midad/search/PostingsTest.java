package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Postings updated in place of their bytes equal postings coded afresh from the merged ids. */
class PostingsTest {

    @Test
    void anUpdateEqualsThePostingsCodedAfreshWhateverItChanges() {
        Random random = new Random(5);
        for (int round = 0; round < 5_000; round++) {
            TreeMap<Integer, Integer> before = new TreeMap<>();
            int id = 0;
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                id += 1 + (random.nextInt(4) == 0 ? random.nextInt(50_000) : random.nextInt(8)); // 1–3-byte varints
                before.put(id, 1 + random.nextInt(15));
            }
            TreeMap<Integer, Integer> updates = new TreeMap<>();
            int changes = random.nextInt(6);
            for (int c = 0; c < changes; c++) {
                int at = switch (random.nextInt(4)) {
                    case 0 -> before.isEmpty() ? 0 : before.lastKey() + 1 + random.nextInt(3); // a newest article
                    case 1 -> before.isEmpty() ? 0 : randomKey(before, random); // an edit or a deletion
                    case 2 -> random.nextInt(Math.max(1, id + 2)); // anywhere
                    default -> before.isEmpty() ? 0 : before.firstKey(); // the oldest
                };
                updates.put(at, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(15));
            }
            TreeMap<Integer, Integer> after = new TreeMap<>(before);
            updates.forEach((at, weight) -> {
                if (weight == 0) {
                    after.remove(at);
                } else {
                    after.put(at, weight);
                }
            });
            Postings old = before.isEmpty() ? null : coded(before);
            Postings.IntList list = new Postings.IntList();
            updates.forEach((at, weight) -> {
                list.add(at);
                list.add(weight);
            });
            Postings updated = Postings.update(old, list);
            if (after.isEmpty()) {
                assertNull(updated, "round " + round);
                continue;
            }
            Postings expected = coded(after);
            assertArrayEquals(expected.bytes(), updated.bytes(), "round " + round + ": " + before + " with " + updates);
            assertEquals(expected.count(), updated.count());
            if (old != null) {
                int same = Postings.sameLeading(old, updated);
                int[] was = old.decode();
                int[] now = updated.decode();
                int leading = 0;
                while (leading < Math.min(old.count(), updated.count())
                        && was[2 * leading] == now[2 * leading]
                        && was[2 * leading + 1] == now[2 * leading + 1]) {
                    leading++;
                }
                assertEquals(leading, same, "round " + round + ": the postings both begin with");
                int from = random.nextInt(updated.count() + 1);
                assertArrayEquals(java.util.Arrays.copyOfRange(now, 2 * from, now.length), updated.decodeFrom(from));
            }
        }
    }

    @Test
    void aNewNewestIdAppendsToTheBytesAsTheyAre() {
        TreeMap<Integer, Integer> common = new TreeMap<>();
        for (int id = 0; id < 1_000; id++) {
            common.put(id * 3, 1 + id % 15);
        }
        Postings old = coded(common);
        Postings.IntList newest = new Postings.IntList();
        newest.add(5_000);
        newest.add(4);
        Postings updated = Postings.update(old, newest);
        assertEquals(1_001, updated.count());
        assertEquals(1_000, Postings.sameLeading(old, updated), "every posting before it is the same");
    }

    @Test
    void removingAPostingCodesTheNextFromTheOneBefore() {
        Postings.IntList removal = new Postings.IntList();
        removal.add(10);
        removal.add(0);
        Postings updated = Postings.update(coded(new TreeMap<>(Map.of(1, 5, 10, 3, 20, 2, 25, 1))), removal);
        assertArrayEquals(new int[] {1, 5, 20, 2, 25, 1}, updated.decode());
    }

    private static Postings coded(Map<Integer, Integer> postings) {
        Postings.Builder builder = new Postings.Builder();
        postings.forEach(builder::add);
        return builder.build();
    }

    private static int randomKey(TreeMap<Integer, Integer> map, Random random) {
        return map.keySet().stream()
                .skip(random.nextInt(map.size()))
                .findFirst()
                .orElseThrow();
    }
}
