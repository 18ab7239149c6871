package dev.midad.text;

/**
 * Direction of plain text in an RTL (or LTR) publication. Feed readers, social cards and search results show
 * titles without the page's {@code dir}; a title that begins with a Latin run ("NATO تعقد قمتها") would then
 * be laid out left-to-right. Wrapping such text in a Unicode isolate of the site's direction fixes that; all
 * other text is left untouched.
 */
public final class Bidi {
    static final char RLI = '\u2067';
    static final char LRI = '\u2066';
    static final char PDI = '\u2069';

    private Bidi() {}

    /** {@code text} wrapped in RLI…PDI (or LRI…PDI for an LTR site) only when its first strong character is of the other direction. */
    public static String isolate(String text, boolean rtlSite) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Boolean firstStrongRtl = firstStrongIsRtl(text);
        if (firstStrongRtl == null || firstStrongRtl == rtlSite) {
            return text;
        }
        return (rtlSite ? RLI : LRI) + text + PDI;
    }

    /** True for R/AL, false for L, null when the text has no strong character. */
    public static Boolean firstStrongIsRtl(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
        }
        return null;
    }

    /** Default direction of a language: rtl for Arabic, Hebrew, Persian, Urdu and other RTL scripts. */
    public static String directionOfLanguage(String language) {
        String primary = language.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
        return switch (primary) {
            case "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb" -> "rtl";
            default -> "ltr";
        };
    }
}
