package dev.midad.content;

import java.text.BreakIterator;
import java.util.Locale;

/** Plain-text summaries and reading time. */
public final class Excerpts {
    /** Arabic is read more slowly than English; 180 words a minute is a common newsroom figure. */
    static final int WORDS_PER_MINUTE = 180;
    static final int SUMMARY_LENGTH = 220;

    private Excerpts() {
    }

    /** {@code text} cut at a word boundary no later than {@code max} characters, with "…" when cut. */
    public static String cut(String text, int max, Locale locale) {
        String clean = text.strip().replaceAll("\\s+", " ");
        if (clean.length() <= max) {
            return clean;
        }
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(clean);
        int boundary = words.preceding(max);
        if (boundary <= 0) {
            boundary = max;
        }
        return clean.substring(0, boundary).strip().replaceAll("[\\s،,.؛:]+$", "") + "…";
    }

    /** The first paragraph, cut; one that introduces a list (ends with a colon) ends with "…" instead. */
    public static String summary(String firstParagraph, Locale locale) {
        String cut = cut(firstParagraph, SUMMARY_LENGTH, locale);
        return cut.endsWith(":") ? cut.replaceAll("[\\s:]+$", "") + "…" : cut;
    }

    public static int readingMinutes(String text) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
