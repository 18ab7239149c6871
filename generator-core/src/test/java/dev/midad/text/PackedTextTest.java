package dev.midad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedTextTest {
    private static final String BODY = "<p>صرح معهد دراسات الحرب <bdi>ISW</bdi> أن زيارة الرئيس إلى العاصمة تعتبر"
            + " بادرة لتعزيز التعاون في مجالات الطاقة والتجارة.</p>\n<h2>ردود الفعل</h2>\n<ul><li>قال المتحدث"
            + " إن «الاتفاق» يفتح صفحة جديدة 😀</li></ul>\n";

    @Test
    void everyTextComesBackAsItWas() {
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i < 100 ? 40 : 5000);
            while (text.length() < length) {
                int c = random.nextInt(6) == 0 ? random.nextInt(0x1F700) : 0x0600 + random.nextInt(0x100);
                if (Character.isValidCodePoint(c) && !Character.isSurrogate((char) c)) {
                    text.appendCodePoint(c);
                }
            }
            assertEquals(text.toString(), PackedText.of(text.toString()).text());
        }
        assertEquals("", PackedText.of("").text());
        assertEquals(BODY, PackedText.of(BODY).text());
        assertEquals(BODY, PackedText.of(BODY).toString());
    }

    @Test
    void equalTextsPackEquallyAndOthersDo() {
        assertEquals(PackedText.of(BODY), PackedText.of(new String(BODY.toCharArray())));
        assertEquals(PackedText.of(BODY).hashCode(), PackedText.of(BODY).hashCode());
        assertNotEquals(PackedText.of(BODY), PackedText.of(BODY.replace("ISW", "IWS")));
    }

    @Test
    void anArabicBodyTakesLessThanHalfOfItsString() {
        String[] words = BODY.replaceAll("<[^>]+>", " ").strip().split("\\s+");
        Random random = new Random(1);
        StringBuilder body = new StringBuilder();
        while (body.length() < 5000) { // a typical story's length, its words in random order
            body.append(body.length() % 400 < 8 ? "</p>\n<p>" : " ").append(words[random.nextInt(words.length)]);
        }
        PackedText packed = PackedText.of(body.toString());
        long held = 2L * body.length(); // what a String holds for Arabic text: two bytes a character
        assertTrue(packed.deflated().chars().allMatch(c -> c < 256), "one character a byte");
        assertTrue(packed.deflated().length() * 2L < held, packed.deflated().length() + " vs " + held);
    }

    @Test
    void aDamagedOrTruncatedPackingIsRefusedNotMisread() {
        PackedText packed = PackedText.of(BODY);
        String damaged = packed.deflated().substring(0, packed.deflated().length() / 2);
        assertThrows(IllegalStateException.class, () -> new PackedText(damaged, packed.bytes()).text());
        assertThrows(IllegalStateException.class, () -> new PackedText(packed.deflated(), packed.bytes() + 1).text());
        assertThrows(IllegalArgumentException.class, () -> new PackedText("", -1));
    }

    @Test
    void aSpilledTextReadsBackEqualFromAnyThreadUntilTheSpillIsClosed(@TempDir Path dir) throws Exception {
        List<PackedText> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(PackedText.of(BODY.repeat(1 + i % 7) + i));
        }
        List<PackedText> kept = texts.stream()
                .map(text -> new PackedText(text.deflated(), text.bytes()))
                .toList();
        Spill spill = new Spill(dir, 0);
        assertTrue(spill.tooMuch(1) && !new Spill(dir, 1000).tooMuch(1000));
        try (Stream<Path> none = Files.list(dir)) {
            assertEquals(0, none.count(), "no file until a text is spilled");
        }
        texts.forEach(text -> text.spillTo(spill));
        texts.get(0).spillTo(spill); // once only
        long expected = kept.stream().mapToLong(PackedText::packedLength).sum();
        assertEquals(expected, spill.written());
        try (Stream<Path> one = Files.list(dir)) {
            Path file = one.filter(f -> f.getFileName().toString().startsWith(Spill.PREFIX))
                    .findFirst()
                    .orElseThrow();
            assertEquals(expected, Files.size(file));
        }
        IntStream.range(0, 2000).parallel().forEach(n -> {
            int i = n % texts.size();
            assertEquals(BODY.repeat(1 + i % 7) + i, texts.get(i).text());
            assertEquals(kept.get(i), texts.get(i));
            assertEquals(kept.get(i).hashCode(), texts.get(i).hashCode());
            assertEquals(kept.get(i).deflated(), texts.get(i).deflated());
        });
        assertNotEquals(texts.get(1), texts.get(2));
        spill.close();
        try (Stream<Path> gone = Files.list(dir)) {
            assertEquals(0, gone.count(), "closing removes the file");
        }
        assertThrows(RuntimeException.class, () -> texts.get(3).text(), "a closed spill is not read");
    }
}
