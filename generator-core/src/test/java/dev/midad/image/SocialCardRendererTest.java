package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SocialCardRendererTest {
    static final String SEED = "بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية";
    static final String F16 = "أوكرانيا تعرض أولى مقاتلات F-16 بعد أكثر من عامين من المطالبات";
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static int[] glyphs(Font font, String text, int flags) {
        char[] chars = text.toCharArray();
        GlyphVector vector = font.layoutGlyphVector(FRC, chars, 0, chars.length, flags);
        return vector.getGlyphCodes(0, vector.getNumGlyphs(), null);
    }

    @Test
    void arabicIsShapedIntoJoinedForms() {
        Font font = CardFonts.ARABIC.deriveFont(48f);
        String word = "بوتين";
        int[] shaped = glyphs(font, word, Font.LAYOUT_RIGHT_TO_LEFT);
        Set<Integer> isolated = new HashSet<>();
        for (char c : word.toCharArray()) {
            // each letter alone is its isolated form
            Arrays.stream(glyphs(font, String.valueOf(c), Font.LAYOUT_RIGHT_TO_LEFT))
                    .forEach(isolated::add);
        }
        long joined = Arrays.stream(shaped).filter(g -> !isolated.contains(g)).count();
        // ب (initial), ت (medial), ي (medial), ن (final) take joined forms; only و stays as it is (it does not
        // join to the left)
        assertTrue(joined >= 3, "joined forms: " + Arrays.toString(shaped) + " vs isolated " + isolated);
        // the same word laid out by TextLayout, as the card draws it, is narrower than its letters apart
        float together = SocialCardRenderer.layout(word, 48, FRC).getAdvance();
        float apart = 0;
        for (char c : word.toCharArray()) {
            apart += SocialCardRenderer.layout(String.valueOf(c), 48, FRC).getAdvance();
        }
        assertNotEquals(apart, together, 0.5f);
    }

    @Test
    void rightToLeftOrderWithLatinRunsLeftToRight() {
        TextLayout line = SocialCardRenderer.layout("مقاتلات F-16 الأمريكية", 48, FRC);
        assertFalse(line.isLeftToRight(), "a right-to-left paragraph");
        // the first character (م) sits at the right end, the last (ة) at the left end
        float first = centre(line, 0);
        int last = "مقاتلات F-16 الأمريكية".length() - 1;
        float end = centre(line, last);
        assertTrue(first > end, "first letter right of the last: " + first + " > " + end);
        // inside the Latin run, F is left of 1 and 1 left of 6: left to right
        int f = "مقاتلات ".length();
        float xF = centre(line, f);
        float x6 = centre(line, f + 3);
        assertTrue(xF < x6, "F-16 reads left to right: " + xF + " < " + x6);
    }

    /** Where the character at {@code index} is drawn, from the left. */
    private static float centre(TextLayout line, int index) {
        return (float)
                line.getLogicalHighlightShape(index, index + 1).getBounds2D().getCenterX();
    }

    @Test
    void linesBreakOnlyBetweenWords() {
        String[] words = F16.split(" ");
        List<String> lines = SocialCardRenderer.breakLines(words, 64, FRC, 500);
        assertTrue(lines.size() > 1);
        assertEquals(F16, String.join(" ", lines), "no word cut, none lost");
        assertTrue(lines.stream().anyMatch(l -> l.contains("F-16")), "F-16 stays whole: " + lines);
    }

    @Test
    void cardsOfTheSeedAndOfF16() throws Exception {
        Path out = Path.of("target", "cards");
        Files.createDirectories(out);
        BufferedImage lead = ImageIO.read(
                Path.of("../content/static/images/putin-north-korea.jpg").toFile());
        BufferedImage seed = SocialCardRenderer.render(
                new CardContent(SEED, "سياسة", "20 يونيو 2024", "بوابة أوكرانيا", null, 0.6, 0.45, null),
                lead,
                null,
                ImageSettings.DEFAULT_CARD_COLOR);
        BufferedImage f16 = SocialCardRenderer.render(
                new CardContent(F16, "عسكري", "4 أغسطس 2024", "بوابة أوكرانيا", null, 0.5, 0.5, null),
                null,
                null,
                ImageSettings.DEFAULT_CARD_COLOR);
        for (BufferedImage card : List.of(seed, f16)) {
            assertEquals(1200, card.getWidth());
            assertEquals(630, card.getHeight());
        }
        ImageIO.write(seed, "png", out.resolve("seed.png").toFile());
        ImageIO.write(f16, "png", out.resolve("f16.png").toFile());
        // the headline is drawn: white text pixels in the lower half of the plain-colour card
        long white = 0;
        for (int y = 300; y < 560; y++) {
            for (int x = 64; x < 1136; x++) {
                if ((f16.getRGB(x, y) & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        assertTrue(white > 5000, "headline pixels: " + white);
    }
}
