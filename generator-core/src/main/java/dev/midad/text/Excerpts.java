package dev.midad.text;

import java.text.BreakIterator;
import java.util.Locale;

/** Plain-text summaries and reading time. */
public final class Excerpts {
    /** Arabic is read more slowly than English; 180 words a minute is a common newsroom figure. */
    static final int WORDS_PER_MINUTE = 180;

    static final int SUMMARY_LENGTH = 220;

    private Excerpts() {}

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
        return readingMinutes(words(text));
    }

    /** The reading time of a text of {@code words} words (see {@link #words}). */
    public static int readingMinutes(int words) {
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    /**
     * Whether {@code text} opens with {@code summary} (without its closing "…", spaces counted as one): a
     * summary cut from the lead paragraph, not worth showing above it as a standfirst.
     */
    public static boolean opensWith(String text, String summary) {
        String lead = summary.endsWith("…") ? summary.substring(0, summary.length() - 1) : summary;
        // compared as it goes: the body is thousands of characters, the summary a few hundred
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (to > from && Character.isWhitespace(text.codePointBefore(to))) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        int i = from;
        int j = 0;
        while (j < lead.length()) {
            if (i >= to) {
                return false;
            }
            boolean leadSpace = isSpace(lead.charAt(j));
            if (leadSpace != isSpace(text.charAt(i))) {
                return false;
            }
            if (leadSpace) { // a run of spaces counts as one on either side
                while (j < lead.length() && isSpace(lead.charAt(j))) {
                    j++;
                }
                while (i < to && isSpace(text.charAt(i))) {
                    i++;
                }
            } else if (lead.charAt(j++) != text.charAt(i++)) {
                return false;
            }
        }
        return true;
    }

    /** What the regex {@code \\s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * What {@code text.strip().split("\\s+").length} counts (0 for blank text), without the regex and the
     * word strings: the stripped text starts and ends with a non-space, so its words are one more than its
     * runs of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return).
     */
    public static int words(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return 0;
        }
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || (c >= '\t' && c <= '\r');
            if (space && !inSpace) {
                words++;
            }
            inSpace = space;
        }
        return words;
    }
}
