package dev.midad.image;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;

/**
 * The bundled card fonts (SIL Open Font License, see fonts/OFL.txt): Noto Kufi Arabic Bold for Arabic script,
 * a Latin subset of Noto Sans Bold for Latin letters and digits. A physical font has no fallback of its
 * own, so every character gets the font that has its glyph.
 */
final class CardFonts {
    static final Font ARABIC = load("NotoKufiArabic-Bold.ttf");
    static final Font LATIN = load("NotoSans-Bold-Latin.ttf");

    private CardFonts() {}

    private static Font load(String name) {
        try (InputStream in = CardFonts.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the card font " + name + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the card font " + name + " cannot be read", e);
        }
    }

    /** {@code text} with a font per character run (Latin letters and digits in Noto Sans), right-to-left. */
    static AttributedString styled(String text, float size) {
        AttributedString styled = new AttributedString(text);
        Font arabic = ARABIC.deriveFont(size);
        Font latin = LATIN.deriveFont(size);
        styled.addAttribute(TextAttribute.RUN_DIRECTION, TextAttribute.RUN_DIRECTION_RTL);
        int start = 0;
        while (start < text.length()) {
            boolean useLatin = isLatin(text, start);
            int end = start + 1;
            while (end < text.length() && isLatin(text, end) == useLatin) {
                end++;
            }
            styled.addAttribute(TextAttribute.FONT, useLatin ? latin : arabic, start, end);
            start = end;
        }
        return styled;
    }

    /**
     * Latin letters, European digits and what the Arabic font cannot show go to the Latin font; punctuation
     * and spaces between two Latin characters too ("F-16", "NATO 2024"), so a Latin run is set in one font.
     */
    private static boolean isLatin(String text, int index) {
        char c = text.charAt(index);
        if (strongLatin(c) || !ARABIC.canDisplay(c)) {
            return true;
        }
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.COMMON) {
            return false;
        }
        return index > 0
                && index + 1 < text.length()
                && strongLatin(text.charAt(index - 1))
                && strongLatin(text.charAt(index + 1));
    }

    private static boolean strongLatin(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN || (c >= '0' && c <= '9');
    }
}
