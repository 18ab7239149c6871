package dev.midad.text;

import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns titles and names into URL slugs that keep Arabic letters.
 *
 * <p>Tashkeel, tatweel and Quranic annotation marks are dropped, every run of punctuation or white space
 * becomes one hyphen, Latin letters are lower-cased. Slugs are capped at 200 bytes once percent-encoded, the
 * limit WordPress applies, so slugs of migrated articles can match the old URLs.
 */
public final class Slugs {
    /** WordPress caps the percent-encoded slug at 200 characters. */
    static final int MAX_ENCODED_LENGTH = 200;

    private Slugs() {}

    /** The slug for {@code text}; empty when nothing usable remains (e.g. only punctuation). */
    public static String slugify(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder slug = new StringBuilder(normalized.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (isDropped(cp)) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingHyphen = true;
            }
        }
        return PortableNames.slug(cap(slug.toString()));
    }

    /** Arabic diacritics (tashkeel), superscript alef, tatweel, Quranic marks and other combining marks. */
    private static boolean isDropped(int cp) {
        int type = Character.getType(cp);
        return cp == 0x0640
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.FORMAT;
    }

    private static String cap(String slug) {
        if (encodedLength(slug) <= MAX_ENCODED_LENGTH) {
            return slug;
        }
        StringBuilder kept = new StringBuilder();
        int length = 0;
        for (int i = 0; i < slug.length(); ) {
            int cp = slug.codePointAt(i);
            int cpLength = encodedLength(new String(Character.toChars(cp)));
            if (length + cpLength > MAX_ENCODED_LENGTH) {
                break;
            }
            kept.appendCodePoint(cp);
            length += cpLength;
            i += Character.charCount(cp);
        }
        String result = kept.toString();
        int lastHyphen = result.lastIndexOf('-');
        // Cut at a word boundary when one is reasonably close, as WordPress users would expect.
        if (lastHyphen > result.length() / 2) {
            result = result.substring(0, lastHyphen);
        }
        return result.replaceAll("-+$", "");
    }

    private static int encodedLength(String s) {
        int length = 0;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            length += UrlPaths.isUnreserved(b) ? 1 : 3;
        }
        return length;
    }

    /** Built on first use only: loading ICU's transliteration rules costs about half a second. */
    private static final class Latin {
        static final Transliterator TO_LATIN =
                Transliterator.getInstance("Arabic-Latin; Latin-ASCII; [:^ASCII:] Remove; Lower");
    }

    /** Arabic (and any other script) written in plain ASCII Latin, e.g. for sites that want Latin URLs. */
    public static String transliterate(String text) {
        synchronized (Latin.TO_LATIN) { // ICU transliterators are not thread-safe
            return Latin.TO_LATIN.transliterate(text);
        }
    }
}
