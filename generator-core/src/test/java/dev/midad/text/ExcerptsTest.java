package dev.midad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcerptsTest {
    private static final Locale AR = Locale.forLanguageTag("ar");

    @Test
    void shortTextIsKeptWhole() {
        assertEquals("خبر قصير.", Excerpts.cut("  خبر   قصير. ", 50, AR));
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithEllipsis() {
        String text = "صرح معهد دراسات الحرب أن زيارة الديكتاتور الروسي بوتين إلى كوريا الشمالية تعتبر بادرة";
        String cut = Excerpts.cut(text, 30, AR);
        assertTrue(cut.endsWith("…"), cut);
        String kept = cut.substring(0, cut.length() - 1);
        assertTrue(text.startsWith(kept), cut);
        assertTrue(text.charAt(kept.length()) == ' ', "cut inside a word: " + cut);
        assertTrue(kept.length() <= 30);
    }

    @Test
    void aParagraphThatIntroducesAListEndsWithAnEllipsisNotAColon() {
        assertEquals(
                "عرضت الحكومة مشروع موازنة عام 2026 على البرلمان، وتتضمن…",
                Excerpts.summary("عرضت الحكومة مشروع موازنة عام 2026 على البرلمان، وتتضمن:", AR));
    }

    @Test
    void readingTimeRoundsUpAndIsAtLeastOneMinute() {
        assertEquals(1, Excerpts.readingMinutes(""));
        assertEquals(1, Excerpts.readingMinutes("كلمة ".repeat(180)));
        assertEquals(2, Excerpts.readingMinutes("كلمة ".repeat(181)));
    }

    @Test
    void wordsAreCountedAsSplittingAtWhitespaceRunsCounts() {
        String[] pieces = {
            "كلمة",
            "a",
            "1",
            " ",
            " ",
            "\t",
            "\n",
            "\r",
            "\u000B",
            "\f",
            "\u00A0",
            "\u2003",
            "\u3000",
            "\u001C",
            "\u0085",
            "\u200B",
            "\uD83D\uDE00",
            ""
        };
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertEquals(s.isBlank() ? 0 : s.strip().split("\\s+").length, Excerpts.words(s), s);
        }
    }

    @Test
    void opensWithComparesAsCollapsingWhitespaceRunsDoes() {
        String[] pieces = {"كلمة", "a", "ab", " ", "  ", "\t", "\n", "\u000B", "\u00A0", "\u2003", "\u001C", "…", ""};
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            String text = random(pieces, random, 10);
            String summary = switch (random.nextInt(3)) {
                case 0 -> text.strip() + "…";
                case 1 -> text.substring(0, random.nextInt(text.length() + 1)) + random(pieces, random, 1);
                default -> random(pieces, random, 5);
            };
            String lead = summary.endsWith("…") ? summary.substring(0, summary.length() - 1) : summary;
            boolean expected = text.strip().replaceAll("\\s+", " ").startsWith(lead.replaceAll("\\s+", " "));
            assertEquals(expected, Excerpts.opensWith(text, summary), "[" + text + "] [" + summary + "]");
        }
    }

    private static String random(String[] pieces, Random random, int most) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
