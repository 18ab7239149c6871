package dev.midad.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadingLevelsTest {
    @Test
    void wordpressBodiesStartingAtH3NestUnderThePageHeadline() {
        assertEquals(
                "<h2 id=\"أ\">أ</h2>\n<p>نص</p>\n<h3>ب</h3>\n<h2>ج</h2>\n<h3>د</h3>",
                HeadingLevels.apply("<h3 id=\"أ\">أ</h3>\n<p>نص</p>\n<h4>ب</h4>\n<h3>ج</h3>\n<h6>د</h6>"));
    }

    @Test
    void aBodyH1BecomesH2AndDeeperLevelsFollow() {
        assertEquals("<h2>أ</h2>\n<h3>ب</h3>\n<h2>ج</h2>", HeadingLevels.apply("<h1>أ</h1>\n<h2>ب</h2>\n<h1>ج</h1>"));
    }

    @Test
    void aHeadingShallowerThanTheFirstStillNestsUnderTheHeadline() {
        // h4 then h3: the h3 closes the h4's section and opens a new one at h2
        assertEquals("<h2>أ</h2>\n<h2>ب</h2>\n<h3>ج</h3>", HeadingLevels.apply("<h4>أ</h4>\n<h3>ب</h3>\n<h4>ج</h4>"));
    }

    @Test
    void wellNestedBodiesAndBodiesWithoutHeadingsAreLeftAlone() {
        String nested = "<h2>أ</h2>\n<h3>ب</h3>\n<h2>ج</h2>";
        assertSame(nested, HeadingLevels.apply(nested));
        String plain = "<p>نص <a href=\"/h3\">h3</a></p>";
        assertSame(plain, HeadingLevels.apply(plain));
    }

    @Test
    void articlePagesAndStaticPagesGetNestedHeadings(@TempDir Path tmp) throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(
                site,
                "articles/2024/10/wp.md",
                "---\ntitle: من ووردبريس\ndate: 2024-10-01\nslug: wp\n---\n"
                        + "### العنوان الفرعي\n\nنص.\n\n#### تفصيل\n\nنص.\n");
        TestSites.write(site, "pages/contact.md", "---\ntitle: اتصل بنا\nslug: contact\n---\n### العنوان\n\nنص.\n");
        Site.load(site, TestSites.options()).build(tmp.resolve("out"));
        String article = TestSites.read(tmp.resolve("out"), "2024/10/wp/index.html");
        assertTrue(article.contains(">العنوان الفرعي</h2>") && article.contains(">تفصيل</h3>"), article);
        String page = TestSites.read(tmp.resolve("out"), "contact/index.html");
        assertTrue(page.contains(">العنوان</h2>"), page);
    }
}
