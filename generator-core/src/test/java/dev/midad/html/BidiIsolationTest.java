package dev.midad.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.i18n.Messages;
import java.time.format.DecimalStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class BidiIsolationTest {

    private static final Messages MESSAGES = new Messages(Map.of(), "ar", DecimalStyle.STANDARD);

    /** The model-time chain of {@link HtmlStage}, as an article of direction {@code rtl} gets it. */
    private static String apply(String html, boolean rtl) {
        return HtmlStage.view("", MESSAGES, rtl).apply(html);
    }

    @Test
    void isolatesTheSeedsAcronymInsideArabicParentheses() {
        String html = "<p>صرح معهد دراسات الحرب ( ISW ) أن زيارة الديكتاتور الروسي بوتين</p>";
        assertEquals(
                "<p>صرح معهد دراسات الحرب ( <bdi>ISW</bdi> ) أن زيارة الديكتاتور الروسي بوتين</p>", apply(html, true));
    }

    @Test
    void isolatesMultiWordLatinRunsNumbersWithUnitsAndUrls() {
        String html =
                "<p>قال Jens Stoltenberg إن مقاتلات F-16 ستصل، والمسافة 5 km، والتقرير على https://example.org/report.</p>";
        String out = apply(html, true);
        assertTrue(out.contains("<bdi>Jens Stoltenberg</bdi> إن"), out);
        assertTrue(out.contains("<bdi>F-16</bdi> ستصل"), out);
        assertTrue(out.contains("<bdi>5 km</bdi>"), out);
        assertTrue(out.contains("<bdi>https://example.org/report.</bdi>"), out);
    }

    @Test
    void englishAndUkrainianQuotesGetTheirOwnDirection() {
        String html = "<blockquote><p>\"We will not give up,\" said the minister.</p></blockquote>"
                + "<p>«Слава Україні» هتف المتظاهرون في ساحة الاستقلال بالعاصمة كييف.</p>"
                + "<p>قال الوزير: <q>We will not give up</q>.</p>";
        String out = apply(html, true);
        // mostly English: laid out left to right
        assertTrue(out.contains("<p dir=\"ltr\">\"We will not give up,\" said the minister.</p>"), out);
        // an Arabic sentence that starts with a Ukrainian quote stays right to left (dir=auto would flip it)
        assertTrue(out.contains("<p dir=\"rtl\">«<bdi>Слава Україні</bdi>» هتف المتظاهرون"), out);
        // an inline English quote inside an Arabic paragraph is isolated, not the whole paragraph flipped
        assertTrue(out.contains("<p>قال الوزير: <q><bdi>We will not give up</bdi></q>.</p>"), out);
    }

    @Test
    void leavesCodeLinksAndLtrArticlesAlone() {
        String html = "<p>استخدم <code>mvn site</code> أو <a href=\"/x/\">NATO</a></p>";
        assertEquals(html, apply(html, true));
        String english = "<p>NATO and ISW</p>";
        assertEquals(english, apply(english, false));
    }

    /** Left-to-right runs found by {@link BidiIsolation#nextRun} are exactly those of {@code find()}. */
    @Test
    void runScanningFindsWhatThePatternFinds() {
        // every UTF-16 unit at the start, in the middle and at the end of a run, between Arabic letters
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            all.append("ب")
                    .append(ch)
                    .append(" a")
                    .append(ch)
                    .append("b ")
                    .append(ch)
                    .append("x ");
        }
        assertSameRuns(all.toString());
        String[] pieces = {
            "ب",
            "ت",
            "ا",
            "،",
            " ",
            " ",
            " ",
            "\u00A0",
            "\t",
            "\n",
            "a",
            "Z",
            "h",
            "http://",
            "https://",
            "ftp:",
            "NATO",
            "F-16",
            "5",
            "12,5",
            "3.",
            ".",
            ",",
            "-",
            "_",
            "/",
            ":",
            "'",
            "’",
            "é",
            "ǅ",
            "ª",
            "Ａ",
            "\u0301",
            "Слава",
            "Ω",
            "١٢",
            "\uD83D\uDE00",
            "\uD835\uDC00",
            "\uD800",
            "\uDC00",
            "«",
            "»",
            "(",
            ")",
            "%"
        };
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameRuns(text.toString());
        }
    }

    private static void assertSameRuns(String text) {
        List<String> expected = new ArrayList<>();
        Matcher find = BidiIsolation.LTR_RUN.matcher(text);
        while (find.find()) {
            expected.add(find.start() + "-" + find.end());
        }
        List<String> actual = new ArrayList<>();
        Matcher m = BidiIsolation.LTR_RUN.matcher("");
        for (int start = BidiIsolation.nextRun(m, text, 0);
                start >= 0;
                start = BidiIsolation.nextRun(m, text, m.end())) {
            assertEquals(start, m.start());
            actual.add(m.start() + "-" + m.end());
        }
        assertEquals(expected, actual, text);
    }
}
