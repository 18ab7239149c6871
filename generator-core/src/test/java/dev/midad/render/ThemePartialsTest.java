package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildException;
import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme's page shell is a base plus partials and macro files; a site replaces any one of them by file. */
class ThemePartialsTest {
    @TempDir
    Path tmp;

    @Test
    void aSiteFooterPartialReplacesOnlyTheFooter() throws Exception {
        Path plain = TestSites.small(tmp.resolve("plain"));
        Site.load(plain, TestSites.options()).build(tmp.resolve("plain-out"));

        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "templates/partials/footer.ftlh", """
                <footer class="site-footer"><p>تذييل الموقع: <a href="${home}">${site.title}</a> ${num(2026)}</p></footer>
                """);
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);

        for (String page : new String[] {"index.html", "2024/06/بوتين-كوريا-الشمالية/index.html", "404.html"}) {
            String own = TestSites.read(out, page);
            String theme = TestSites.read(tmp.resolve("plain-out"), page);
            assertTrue(
                    own.contains(
                            "<footer class=\"site-footer\"><p>تذييل الموقع: <a href=\"/\">بوابة الاختبار</a> 2026</p></footer>\n"
                                    + "</body>"),
                    page + ": the site's footer, with the shell's variables and helpers");
            assertFalse(own.contains("footer-grid"), page + ": the theme's footer is gone");
            // everything before the footer (head, social metadata, header, main) is still the theme's, byte for byte
            assertEquals(theme.substring(0, theme.indexOf("<footer")), own.substring(0, own.indexOf("<footer")), page);
        }
    }

    @Test
    void aSiteCardMacroFileReplacesTheCards() throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "templates/macros/cards.ftlh", """
                <#macro imageSize image></#macro>
                <#macro card article level=3 variant="" eager=false><p class="my-card">${article.title}</p></#macro>
                <#macro lead article level=3><p class="my-lead">${article.title}</p></#macro>
                """);
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        String home = TestSites.read(out, "index.html");
        assertTrue(home.contains("<p class=\"my-lead\">"), home);
        assertTrue(home.contains("<p class=\"my-card\">"), home);
        assertTrue(home.contains("<footer class=\"site-footer\">"), "the rest of the shell is the theme's");
    }

    @Test
    void aBrokenSitePartialIsReportedWithItsLineBeforeAnythingIsWritten() throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "templates/partials/header.ftlh", "<header>\n<#if>\n</header>\n");
        BuildException e = assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(tmp.resolve("out")));
        assertTrue(e.getMessage().contains("templates/partials/header.ftlh:2"), e.getMessage());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
