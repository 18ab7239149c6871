package dev.midad.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.midad.text.PackedText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueCodecTest {
    record Sample(String text, ZonedDateTime at, List<Object> values, Map<String, Object> named) {}

    @Test
    void valuesComeBackEqualAndSharedOnesComeBackAsOne(@TempDir Path dir) throws Exception {
        ZoneId kyiv = ZoneId.of("Europe/Kyiv");
        // the hour that happens twice when clocks go back: only the offset tells the two apart
        LocalDateTime twice = LocalDateTime.of(2024, 10, 27, 3, 30);
        ZonedDateTime first = ZonedDateTime.ofLocal(twice, kyiv, ZoneOffset.ofHours(3));
        ZonedDateTime second = first.withLaterOffsetAtOverlap();
        String arabic = "كييف 20 يونيو 2024 — ISW و NATO ".repeat(4000); // longer than the reader's buffer
        String latin1 = "\u00e9\u00ff\u0080 packed bytes \u00a0";
        PackedText packed = PackedText.of(arabic);
        String shared = "a string long enough to be shared";
        Sample sample = new Sample(
                arabic,
                first,
                List.of(
                        second,
                        ZonedDateTime.of(2024, 6, 20, 9, 5, 7, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)),
                        LocalDate.of(2024, 6, 20),
                        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1),
                        Instant.ofEpochSecond(-5, 7),
                        latin1,
                        packed,
                        shared,
                        shared,
                        Path.of("articles", "بوتين.md"),
                        Set.of(1L),
                        1.5,
                        true),
                Map.of("empty", ""));
        BuildCache cache = new BuildCache(dir.resolve("out"));
        String part = cache.writePart(sample);

        Sample back = (Sample) cache.readPart(part);

        assertEquals(sample, back);
        assertEquals(second.getOffset(), ((ZonedDateTime) back.values().get(0)).getOffset());
        assertEquals(kyiv, back.at().getZone());
        assertEquals(arabic, ((PackedText) back.values().get(6)).text());
        assertSame(back.values().get(7), back.values().get(8));
    }

    @Test
    void equalStringsAreWrittenOnceAndComeBackAsOne(@TempDir Path dir) throws Exception {
        // front matter keys and term names repeat in every article: two copies, not the same object
        String title = new String("title".toCharArray());
        String category = new String("أخبار".toCharArray());
        List<Object> repeated = List.of(
                Map.of("title", "كييف"), Map.of(title, "NATO"), category, new String(category.toCharArray()), "");
        List<Object> distinct =
                List.of(Map.of("title", "كييف"), Map.of("titlf", "NATO"), category, "أخبات", ""); // the same lengths
        BuildCache cache = new BuildCache(dir.resolve("out"));
        String sharedPart = cache.writePart(repeated);
        String distinctPart = cache.writePart(distinct);

        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) cache.readPart(sharedPart);

        assertEquals(repeated, back);
        Object firstKey = ((Map<?, ?>) back.get(0)).keySet().iterator().next();
        Object secondKey = ((Map<?, ?>) back.get(1)).keySet().iterator().next();
        assertSame(firstKey, secondKey);
        assertSame(back.get(2), back.get(3));
        // a repeated string costs a reference (5 bytes), not its bytes again
        long shared = Files.size(cache.dir().resolve(sharedPart));
        long unshared = Files.size(cache.dir().resolve(distinctPart));
        assertEquals(true, shared < unshared, shared + " bytes, against " + unshared);
    }

    @Test
    void stringsOfManyPartsComeBackAsTheObjectsTheReaderIsGiven(@TempDir Path dir) throws Exception {
        // an article's address is in its own part and in every slice whose pages list it
        String address = "/2024/06/" + java.net.URLEncoder.encode("بوتين-كوريا-الشمالية", StandardCharsets.UTF_8) + "/";
        BuildCache cache = new BuildCache(dir.resolve("out"));
        String ownPart = cache.writePart(List.of(address, "كييف"));
        String listing = cache.writePart(List.of(List.of(new String(address.toCharArray()), "/other/")));
        SharedStrings strings = SharedStrings.of(List.of(address, "كييف", "/another/"));

        List<?> own = (List<?>) cache.readPart(ownPart, strings);
        List<?> listed = (List<?>) ((List<?>) cache.readPart(listing, strings)).get(0);

        assertSame(address, own.get(0));
        assertSame(address, listed.get(0));
        assertEquals(List.of("كييف"), own.subList(1, 2));
        assertSame(strings.find("كييف".getBytes(StandardCharsets.UTF_8), 0, 8, false), own.get(1), "UTF-8 too");
        assertEquals("/other/", listed.get(1));
        assertNull(strings.find("/other/".getBytes(StandardCharsets.ISO_8859_1), 0, 7, true), "not shared");
        assertNull(strings.find("/another/x".getBytes(StandardCharsets.ISO_8859_1), 0, 10, true), "a longer one");
        assertNull(strings.find("كييف".getBytes(StandardCharsets.UTF_8), 0, 8, true), "the same bytes as Latin-1");
        List<?> plain = (List<?>) ((List<?>) cache.readPart(listing)).get(0);
        assertEquals(address, plain.get(0));
        assertNotSame(address, plain.get(0), "without the operator, a string of its own");
    }

    @Test
    void longPackedTextsOfAPartStayInItsFileUntilUsed(@TempDir Path dir) throws Exception {
        String[] words = {"كييف", "يونيو", "قال", "معهد", "ISW", "NATO", "الحرب", "أوكرانيا", "روسيا", "الجبهة"};
        java.util.Random random = new java.util.Random(20240620);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append(words[random.nextInt(words.length)])
                    .append(random.nextInt(100))
                    .append(' ');
        }
        String body = text.toString(); // packs to well over 512 bytes
        PackedText lead = PackedText.of("ISW");
        List<Object> value = List.of(PackedText.of(body), lead, "after");
        BuildCache cache = new BuildCache(dir.resolve("out"));
        String part = cache.writePart(value);

        List<?> back = (List<?>) cache.readPart(part);

        PackedText inFile = (PackedText) back.get(0);
        assertEquals(0, inFile.heldLength(), "a long text is read where it lies");
        assertEquals(lead.packedLength(), ((PackedText) back.get(1)).heldLength(), "a short one is held");
        assertEquals("after", back.get(2)); // what follows the text it skipped is read as written
        assertEquals(body, inFile.text());
        assertEquals(PackedText.of(body), inFile);
        assertEquals(PackedText.of(body).hashCode(), inFile.hashCode());
        // the text is read from the file when used: a part is never changed once written
        Files.delete(cache.dir().resolve(part));
        assertThrows(java.io.UncheckedIOException.class, inFile::text);
    }

    @Test
    void aFlippedByteOrAShortFileIsRefused(@TempDir Path dir) throws Exception {
        BuildCache cache = new BuildCache(dir.resolve("out"));
        String part = cache.writePart(List.of("كييف ".repeat(20_000), 42));
        Path file = cache.dir().resolve(part);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertEquals(
                "the cache is damaged (its checksum does not match)",
                assertThrows(BuildCache.Unusable.class, () -> cache.readPart(part))
                        .getMessage());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertEquals(
                "the cache is cut short",
                assertThrows(BuildCache.Unusable.class, () -> cache.readPart(part))
                        .getMessage());
    }
}
