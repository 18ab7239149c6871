package dev.midad.importer;

/** Character clean-up shared by the importers. */
final class Texts {
    private Texts() {}

    /**
     * True for characters no article should contain: C0 and C1 control characters other than tab and line
     * feed, DEL, lone surrogates, U+FFFE and U+FFFF. They creep in from Word and old databases and make
     * feeds invalid XML.
     */
    static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
    }

    /** {@code text} without {@link #isControl control characters} (a carriage return before a line feed is dropped too). */
    static String stripControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = isControl(c) || (Character.isSurrogate(c) && !validPair(text, i));
            if (drop) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    out.append('\n');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code text} without the bidi controls that embed, override or isolate (U+202A–U+202E, U+2066–U+2069):
     * left unbalanced in a title or a name they reverse what follows ("gpj.exe" shows as "exe.jpg"), in every
     * page and feed reader that shows it. The marks (LRM, RLM, ALM) stay: they change no order by themselves.
     */
    static String stripBidiControls(String text) {
        return text.replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
    }

    /** How many characters {@link #stripControls} would drop (a CR of a CRLF pair not counted). */
    static int countControls(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((isControl(c) && c != '\r') || (Character.isSurrogate(c) && !validPair(text, i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** {@code text} without white space (including no-break and other Unicode spaces) at either end. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
