package dev.midad.postprocess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BidiIsolationTest {

    @Test
    void isolatesTheSeedsAcronymInsideArabicParentheses() {
        String html = "<p>صرح معهد دراسات الحرب ( ISW ) أن زيارة الديكتاتور الروسي بوتين</p>";
        assertEquals("<p>صرح معهد دراسات الحرب ( <bdi>ISW</bdi> ) أن زيارة الديكتاتور الروسي بوتين</p>",
                BidiIsolation.apply(html, true));
    }

    @Test
    void isolatesMultiWordLatinRunsNumbersWithUnitsAndUrls() {
        String html = "<p>قال Jens Stoltenberg إن مقاتلات F-16 ستصل، والمسافة 5 km، والتقرير على https://example.org/report.</p>";
        String out = BidiIsolation.apply(html, true);
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
        String out = BidiIsolation.apply(html, true);
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
        assertEquals(html, BidiIsolation.apply(html, true));
        String english = "<p>NATO and ISW</p>";
        assertEquals(english, BidiIsolation.apply(english, false));
    }
}
