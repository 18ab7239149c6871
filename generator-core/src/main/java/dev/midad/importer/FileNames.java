package dev.midad.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * ASCII file names for imported articles. The address of an article comes from its {@code slug:}, never from
 * its file name, so file names only need to be safe everywhere (zip on Windows, git's quoted paths, shells,
 * CI logs) and recognisable: Arabic is transliterated letter by letter, roughly, and readably.
 */
final class FileNames {
    /** Longest name part (before ".md" and any id prefix). */
    static final int MAX_LENGTH = 60;

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ا', "a"),
            Map.entry('أ', "a"),
            Map.entry('إ', "i"),
            Map.entry('آ', "a"),
            Map.entry('ٱ', "a"),
            Map.entry('ء', ""),
            Map.entry('ؤ', "u"),
            Map.entry('ئ', "i"),
            Map.entry('ب', "b"),
            Map.entry('ت', "t"),
            Map.entry('ث', "th"),
            Map.entry('ج', "j"),
            Map.entry('ح', "h"),
            Map.entry('خ', "kh"),
            Map.entry('د', "d"),
            Map.entry('ذ', "dh"),
            Map.entry('ر', "r"),
            Map.entry('ز', "z"),
            Map.entry('س', "s"),
            Map.entry('ش', "sh"),
            Map.entry('ص', "s"),
            Map.entry('ض', "d"),
            Map.entry('ط', "t"),
            Map.entry('ظ', "z"),
            Map.entry('ع', "a"),
            Map.entry('غ', "gh"),
            Map.entry('ف', "f"),
            Map.entry('ق', "q"),
            Map.entry('ك', "k"),
            Map.entry('ل', "l"),
            Map.entry('م', "m"),
            Map.entry('ن', "n"),
            Map.entry('ه', "h"),
            Map.entry('و', "w"),
            Map.entry('ي', "y"),
            Map.entry('ى', "a"),
            Map.entry('ة', "a"),
            Map.entry('پ', "p"),
            Map.entry('چ', "ch"),
            Map.entry('ژ', "zh"),
            Map.entry('گ', "g"),
            Map.entry('ک', "k"),
            Map.entry('ی', "y"),
            Map.entry('ڤ', "v"));

    private FileNames() {}

    /**
     * Lower-case ASCII letters, digits and single hyphens for {@code text}, at most {@link #MAX_LENGTH}
     * characters, cut at a hyphen; empty when nothing usable remains.
     */
    static String ascii(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == 0x0640
                    || type == Character.NON_SPACING_MARK
                    || type == Character.FORMAT
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            String letters;
            if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
                letters = String.valueOf((char) Character.toLowerCase(cp));
            } else if (Character.isDigit(cp)) {
                letters = String.valueOf(Character.digit(cp, 10));
            } else if (cp <= 0xFFFF && LETTERS.containsKey((char) cp)) {
                letters = LETTERS.get((char) cp);
            } else if (Character.isLetter(cp)) {
                String stripped = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                        .replaceAll("[^A-Za-z]", "")
                        .toLowerCase(Locale.ROOT);
                letters = stripped;
            } else {
                hyphen = true;
                continue;
            }
            if (letters.isEmpty()) {
                continue;
            }
            if (hyphen && out.length() > 0) {
                out.append('-');
            }
            hyphen = false;
            out.append(letters);
        }
        String name = out.toString();
        if (name.length() > MAX_LENGTH) {
            int cut = name.lastIndexOf('-', MAX_LENGTH);
            name = name.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
        }
        return name.replaceAll("-+$", "");
    }
}
