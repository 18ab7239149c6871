package dev.midad.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class GalleryExtensionTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void aGalleryBlockBecomesTheThemesGridWithCaptionsCreditsAndLineMarks() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                مقدمة.

                ```gallery
                ![رافعات في ميناء أوديسا](/images/odesa-port.jpg) | سفينة شحن تنتظر التحميل. | رويترز
                /images/كييف.jpg | ساحة الاستقلال

                https://cdn.example.org/a.jpg
                ```
                """, 7);
        assertEquals(List.of(), rendered.mistakes());
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        Element section = body.selectFirst("section.gallery > ul.gallery-grid");
        assertTrue(section != null, rendered.html());
        List<Element> figures = body.select("li > figure.gallery-item");
        assertEquals(3, figures.size());
        Element first = figures.get(0);
        assertEquals("/images/odesa-port.jpg", first.selectFirst("img").attr("src"));
        assertEquals("رافعات في ميناء أوديسا", first.selectFirst("img").attr("alt"));
        assertEquals(
                "سفينة شحن تنتظر التحميل.",
                first.selectFirst("figcaption").ownText().strip());
        assertEquals(
                "رويترز", first.selectFirst("figcaption small.image-credit").text());
        // the body starts at line 7 of its file: the fence is line 9, the images lines 10, 11 and 13
        assertEquals("midad-gallery-line-10", first.id());
        assertEquals("midad-gallery-line-11", figures.get(1).id());
        assertEquals("midad-gallery-line-13", figures.get(2).id());
        assertEquals(
                "/images/%D9%83%D9%8A%D9%8A%D9%81.jpg",
                figures.get(1).selectFirst("img").attr("src"));
        assertEquals("", figures.get(2).select("figcaption").text());
        assertFalse(rendered.text().contains("gallery"), "the block's text is not code");
    }

    @Test
    void hostileCaptionsAreTextAndBarsCanBeEscaped() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                ```gallery
                /images/a.jpg | <script>alert(1)</script><img src=x onerror=alert(2)> a \\| b | "><b>x</b>
                ```
                """);
        assertEquals(List.of(), rendered.mistakes());
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertTrue(body.select("script, b, img[onerror]").isEmpty(), rendered.html());
        assertEquals(1, body.select("img").size());
        Element caption = body.selectFirst("figcaption");
        assertEquals(
                "<script>alert(1)</script><img src=x onerror=alert(2)> a | b",
                caption.ownText().strip());
        assertEquals("\"><b>x</b>", caption.selectFirst("small").text());
    }

    @Test
    void badLinesAreLeftOutAndReportedWithTheirFileLines() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                ```gallery
                /images/a.jpg | صورة
                javascript:alert(1) | خبيث
                | بلا صورة
                /images/b.jpg | a | b | c
                //evil.example/x.jpg
                ```

                ```gallery
                ```
                """, 5);
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertEquals(1, body.select("img").size(), rendered.html());
        assertFalse(rendered.html().contains("javascript"));
        assertEquals(
                List.of(7, 8, 9, 10, 13),
                rendered.mistakes().stream().map(MarkdownRenderer.Mistake::line).toList());
        assertTrue(rendered.mistakes().get(0).message().contains("'javascript:alert(1)' is not an image address"));
        assertTrue(rendered.mistakes().get(1).message().contains("no image"));
        assertTrue(rendered.mistakes().get(2).message().contains("more than three parts"));
        assertTrue(rendered.mistakes().get(4).message().contains("no images"));
    }

    @Test
    void otherFencedBlocksStayCodeAndAGalleryInAQuoteWorks() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                ```java
                /images/a.jpg | not a gallery
                ```

                > ```gallery
                > /images/b.jpg | في اقتباس
                > ```
                """);
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertEquals(
                "/images/a.jpg | not a gallery", body.selectFirst("pre code").text());
        assertEquals("/images/b.jpg", body.selectFirst("blockquote figure img").attr("src"));
        assertEquals(
                "midad-gallery-line-6", body.selectFirst("blockquote figure").id());
    }
}
