package dev.midad.image;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a 1200×630 social card with Java2D: the lead image cropped around its focal point under a dark
 * gradient (or the site colour), the section, the headline, the date and the logo. Text is set with
 * {@link TextLayout}, which shapes Arabic (joined letter forms, ligatures) and orders mixed runs with the
 * Unicode bidirectional algorithm in a right-to-left paragraph; lines break only between words.
 */
public final class SocialCardRenderer {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    private static final int MARGIN = 64;
    /** Headline sizes tried in turn until it fits in {@link #MAX_LINES} lines. */
    private static final float[] HEADLINE_SIZES = {64, 56, 48, 42};

    private static final int MAX_LINES = 4;

    private SocialCardRenderer() {}

    /**
     * @param lead   the upright lead image, or null for the plain colour
     * @param logo   the logo, or null to write {@code content.siteName()} instead
     */
    public static BufferedImage render(CardContent content, BufferedImage lead, BufferedImage logo, Color color)
            throws IOException {
        BufferedImage card = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            background(g, lead, content, color);
            FontRenderContext frc = g.getFontRenderContext();
            int right = WIDTH - MARGIN;

            float footerBaseline = HEIGHT - MARGIN + 8;
            g.setColor(new Color(255, 255, 255, 220));
            if (!content.date().isBlank()) {
                TextLayout date =
                        new TextLayout(CardFonts.styled(content.date(), 26).getIterator(), frc);
                date.draw(g, right - date.getAdvance(), footerBaseline);
            }
            brand(g, content.siteName(), logo, frc, footerBaseline);

            List<TextLayout> lines = headline(content.headline(), frc, right - MARGIN);
            float lineHeight = lines.isEmpty()
                    ? 0
                    : lines.get(0).getAscent() + lines.get(0).getDescent() + 4;
            float y = footerBaseline - 56 - lineHeight * (lines.size() - 1);
            float top = y - (lines.isEmpty() ? 0 : lines.get(0).getAscent());
            g.setColor(Color.WHITE);
            for (TextLayout line : lines) {
                line.draw(g, right - line.getAdvance(), y); // right-aligned: the start of a right-to-left line
                y += lineHeight;
            }
            if (!content.section().isBlank()) {
                section(g, content.section(), color, frc, right, Math.min(top - 28, 150));
            }
        } finally {
            g.dispose();
        }
        return card;
    }

    private static void background(Graphics2D g, BufferedImage lead, CardContent content, Color color)
            throws IOException {
        if (lead == null) {
            g.setPaint(new GradientPaint(0, 0, color.brighter(), WIDTH, HEIGHT, color.darker()));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            return;
        }
        Rectangle crop = Scaler.focusCrop(
                lead.getWidth(), lead.getHeight(), (double) WIDTH / HEIGHT, content.focusX(), content.focusY());
        g.drawImage(Scaler.crop(lead, crop, WIDTH, HEIGHT), 0, 0, null);
        // dark towards the bottom, where the headline sits: white text stays legible on any photo
        g.setPaint(new GradientPaint(0, HEIGHT * 0.15f, new Color(0, 0, 0, 40), 0, HEIGHT, new Color(0, 0, 0, 225)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
    }

    /** The site's logo (or name) at the bottom left: the end of a right-to-left footer line. */
    private static void brand(
            Graphics2D g, String siteName, BufferedImage logo, FontRenderContext frc, float baseline) {
        if (logo != null) {
            int height = 56;
            int width = Math.min(360, logo.getWidth() * height / Math.max(1, logo.getHeight()));
            g.drawImage(logo, MARGIN, (int) baseline - height + 8, width, height, null);
        } else if (!siteName.isBlank()) {
            TextLayout name = new TextLayout(CardFonts.styled(siteName, 30).getIterator(), frc);
            name.draw(g, MARGIN, baseline);
        }
    }

    private static void section(
            Graphics2D g, String section, Color color, FontRenderContext frc, int right, float baseline) {
        TextLayout label = new TextLayout(CardFonts.styled(section, 28).getIterator(), frc);
        float padding = 18;
        float width = label.getAdvance() + 2 * padding;
        float height = label.getAscent() + label.getDescent() + 10;
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(color);
        g.fillRoundRect(
                (int) (right - width), (int) (baseline - label.getAscent() - 5), (int) width, (int) height, 12, 12);
        g.setColor(Color.WHITE);
        label.draw(g, right - padding - label.getAdvance(), baseline);
    }

    /**
     * The headline in lines of at most {@code width} pixels, at the largest size that fits in
     * {@link #MAX_LINES} lines; at the smallest size what does not fit ends in "…" after a whole word.
     */
    static List<TextLayout> headline(String text, FontRenderContext frc, float width) {
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < HEADLINE_SIZES.length; i++) {
            List<String> lines = breakLines(words, HEADLINE_SIZES[i], frc, width);
            boolean last = i == HEADLINE_SIZES.length - 1;
            if (lines.size() <= MAX_LINES || last) {
                if (lines.size() > MAX_LINES) {
                    lines = new ArrayList<>(lines.subList(0, MAX_LINES));
                    lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1) + "…");
                }
                float size = HEADLINE_SIZES[i];
                return lines.stream().map(line -> layout(line, size, frc)).toList();
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Greedy filling: a word goes on the line while the line still fits; never split inside a word. */
    static List<String> breakLines(String[] words, float size, FontRenderContext frc, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && layout(candidate, size, frc).getAdvance() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static TextLayout layout(String text, float size, FontRenderContext frc) {
        return new TextLayout(CardFonts.styled(text, size).getIterator(), frc);
    }
}
