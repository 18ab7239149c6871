package dev.midad.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void arabicHeadingsGetUsableIds() {
        String html = renderer.render("## ردود الفعل الدولية\n\nنص").html();
        assertTrue(html.contains("<h2 id=\"ردود-الفعل-الدولية\">"), html);
    }

    @Test
    void gfmTablesStrikethroughAutolinksAndFootnotes() {
        String html = renderer.render("""
                | البند | القيمة |
                |---|---|
                | القرض | 2.5 مليار دولار |

                ~~قديم~~ https://example.org/تقرير

                نص مع حاشية[^1].

                [^1]: المصدر: ISW.
                """).html();
        assertTrue(html.contains("<table>") && html.contains("<td>2.5 مليار دولار</td>"), html);
        assertTrue(html.contains("<del>قديم</del>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/"), html);
        assertTrue(html.contains("class=\"footnotes\"") && html.contains("href=\"#fn-1\""), html);
    }

    @Test
    void rawHtmlIsSanitized() {
        String html = renderer.render("""
                <p onclick="steal()">نص</p>

                <script>alert(1)</script>

                [رابط](javascript:alert(1)) <a href="/ok/">داخلي</a>
                """).html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("href=\"/ok/\""), "relative links must survive: " + html);
    }

    @Test
    void arabicLinkTargetsArePercentEncoded() {
        String html = renderer.render("[الخبر](/2024/06/بوتين-كوريا/#ردود) ![صورة](/images/خريطة.svg)")
                .html();
        assertTrue(
                html.contains("href=\"/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7/#"), html);
        assertTrue(html.contains("src=\"/images/%D8%AE"), html);
        assertFalse(html.contains("href=\"/2024/06/ب"), html);
    }

    @Test
    void firstParagraphAndPlainText() {
        MarkdownRenderer.Rendered r = renderer.render("## عنوان\n\nالفقرة **الأولى**.\n\nالثانية.");
        assertEquals("الفقرة الأولى.", r.firstParagraph());
        assertTrue(r.text().contains("الثانية."));
    }
}
