package dev.midad.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The left-to-right runs of a one-line text, by the same rule {@link BidiIsolation} applies in bodies: for
 * templates, which isolate them in headlines, card titles and menu items.
 */
public final class TextRuns {
    private TextRuns() {}

    /** A piece of plain text: a left-to-right run ({@code ltr}) or the text between two runs. */
    public record Piece(String text, boolean ltr) {}

    /**
     * A one-line text of a right-to-left page (headline, card title, menu item) cut into its left-to-right
     * runs and the text between them, so that each run can be isolated and kept whole: "F-16" must neither
     * read "16-F" nor break at its hyphen. A text without right-to-left letters is one piece, as it reads in
     * its own direction anyway.
     */
    public static List<Piece> of(String text) {
        boolean hasRtl = text.codePoints()
                .map(Character::getDirectionality)
                .anyMatch(d -> d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
        return hasRtl ? split(text) : List.of(new Piece(text, false));
    }

    /** {@code value} as the runs {@link BidiIsolation#LTR_RUN} finds and the text around them, in order. */
    static List<Piece> split(String value) {
        Matcher m = BidiIsolation.LTR_RUN.matcher("");
        List<Piece> pieces = new ArrayList<>();
        int last = 0;
        for (int start = BidiIsolation.nextRun(m, value, 0);
                start >= 0;
                start = BidiIsolation.nextRun(m, value, last)) {
            if (start > last) {
                pieces.add(new Piece(value.substring(last, start), false));
            }
            pieces.add(new Piece(m.group(), true));
            last = m.end();
        }
        if (last < value.length() || pieces.isEmpty()) {
            pieces.add(new Piece(value.substring(last), false));
        }
        return pieces;
    }
}
