package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Lighthouse asked of the theme: touch targets of 24 × 24 px or more, sized images. */
class ThemeLighthouseTest {
    @TempDir
    Path tmp;

    @Test
    void theLogoImageHasItsWidthAndHeight() throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "site.yaml", TestSites.read(site, "site.yaml") + "logo: /images/logo.svg\n");
        TestSites.write(
                site,
                "static/images/logo.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><rect width=\"120\" height=\"40\"/></svg>\n");
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        Element logo = Jsoup.parse(TestSites.read(out, "index.html")).selectFirst("img.brand-logo");
        assertEquals("120", logo.attr("width"), logo.toString());
        assertEquals("40", logo.attr("height"), logo.toString());
    }

    /** The kicker's box height from the theme's CSS: line height times font size, plus its vertical padding. */
    @Test
    void kickerLinksAreAtLeast24PixelsHigh() throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        Matcher rule = Pattern.compile("(?m)^\\.kicker \\{([^}]*)}").matcher(TestSites.read(out, "assets/midad.css"));
        assertTrue(rule.find(), "a .kicker rule");
        String block = rule.group(1);
        double fontSize = rem(block, "font-size");
        double lineHeight = Double.parseDouble(value(block, "line-height"));
        double padding = rem(block, "padding-block");
        double height = 16 * (fontSize * lineHeight + 2 * padding);
        assertTrue(height >= 24, "kicker is " + height + " px high");
        assertTrue(16 * rem(block, "min-inline-size") >= 24, "and at least 24 px wide");
    }

    private static String value(String block, String property) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(property) + ":\\s*([^;]+);")
                .matcher(block);
        assertTrue(m.find(), property + " in " + block);
        return m.group(1).trim();
    }

    private static double rem(String block, String property) {
        String v = value(block, property);
        assertTrue(v.endsWith("rem"), property + ": " + v);
        return Double.parseDouble(v.substring(0, v.length() - 3));
    }
}
