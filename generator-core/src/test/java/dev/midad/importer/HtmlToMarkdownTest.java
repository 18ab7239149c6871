package dev.midad.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.markdown.MarkdownRenderer;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlToMarkdownTest {
    private final HtmlToMarkdown converter = new HtmlToMarkdown();
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String md(String html) {
        return converter.convert(html).markdown();
    }

    /** The Markdown rendered and sanitised by the site's own renderer, parsed back. */
    private Document rendered(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    @Test
    void classicContentGetsWordPressParagraphsAndLineBreaks() {
        String markdown = md("الفقرة الأولى.\n\nالفقرة الثانية\nسطر ثان.\n\n\n<strong>عريض</strong> بعده نص.");

        assertEquals("الفقرة الأولى.\n\nالفقرة الثانية\\\nسطر ثان.\n\n**عريض** بعده نص.\n", markdown);
        Document html = rendered(markdown);
        assertEquals(3, html.select("p").size());
        assertEquals(1, html.select("p br").size());
    }

    @Test
    void blockEditorContentKeepsNewlinesAsSpaces() {
        String markdown = md("<!-- wp:paragraph -->\n<p>سطر\nواحد</p>\n<!-- /wp:paragraph -->\n\n"
                + "<!-- wp:paragraph -->\n<p>فقرة ثانية</p>\n<!-- /wp:paragraph -->");

        assertEquals("سطر واحد\n\nفقرة ثانية\n", markdown);
    }

    @Test
    void headingsEmphasisLinksAndImages() {
        String markdown = md("<h2>عنوان فرعي</h2><h3>عنوان #</h3><p><b>عريض</b> و<i>مائل</i> و<del>محذوف</del> و"
                + "<a href=\"https://example.org/a b\" title=\"عنوان\">رابط</a> و<img src=\"/images/x.jpg\" alt=\"صورة [1]\">"
                + " و<code>a`b</code></p>");

        assertEquals(
                "## عنوان فرعي\n\n### عنوان \\#\n\n**عريض** و*مائل* و~~محذوف~~ و"
                        + "[رابط](https://example.org/a%20b \"عنوان\") و![صورة \\[1\\]](/images/x.jpg) و``a`b``\n",
                markdown);
        Document html = rendered(markdown);
        assertEquals("عريض", html.selectFirst("strong").text());
        assertEquals("مائل", html.selectFirst("em").text());
        assertEquals("https://example.org/a%20b", html.selectFirst("a").attr("href"));
        assertEquals("صورة [1]", html.selectFirst("img").attr("alt"));
    }

    @Test
    void emphasisNextToPunctuationFallsBackToHtml() {
        String markdown = md("<p>قال:<strong>«نعم»</strong>بوضوح</p>");

        assertEquals("قال:<strong>«نعم»</strong>بوضوح\n", markdown);
        assertEquals("«نعم»", rendered(markdown).selectFirst("strong").text());
    }

    @Test
    void plainTextCharactersThatLookLikeMarkdownAreEscaped() {
        String text = "1. ليس قائمة و*ليس مائلا* و_ليس_ و[ليس رابطا](x) و<ليس وسما> و&amp;copy; و| عمود";
        String markdown = md("<p>" + text.replace("<", "&lt;").replace(">", "&gt;") + "</p><p># ليس عنوانا</p>"
                + "<p>- ليس قائمة</p>");

        Document html = rendered(markdown);
        assertTrue(html.select("ol, ul, h1, em, a").isEmpty(), markdown);
        assertEquals(text.replace("&amp;", "&"), html.select("p").get(0).text());
        assertEquals("# ليس عنوانا", html.select("p").get(1).text());
        assertEquals("- ليس قائمة", html.select("p").get(2).text());
    }

    @Test
    void latinAcronymsAndHyphenatedNamesSurviveUnchanged() {
        String text = "أعلن حلف NATO ومعهد ( ISW ) أن مقاتلات F-16 ومنظومات HIMARS وS-300 وصلت إلى U.S. قواعد.";
        String markdown = md("<p>" + text + "</p>");

        assertEquals(text + "\n", markdown);
        assertEquals(text, rendered(markdown).text());
    }

    @Test
    void nestedListsKeepTheirStructure() {
        String markdown = md("<ul>\n\t<li>أولا</li>\n\t<li>ثانيا\n<ul>\n\t<li>فرعي</li>\n</ul>\n</li>\n</ul>"
                + "<ol start=\"3\"><li>ثالثا</li><li>رابعا<ol><li>أ</li></ol></li></ol>");

        assertEquals("- أولا\n- ثانيا\n  - فرعي\n\n3. ثالثا\n4. رابعا\n   1. أ\n", markdown);
        Document html = rendered(markdown);
        assertEquals("فرعي", html.selectFirst("ul ul li").text());
        assertEquals("3", html.selectFirst("ol").attr("start"));
        assertEquals("أ", html.selectFirst("ol ol li").text());
    }

    @Test
    void blockquotesAndCode() {
        String markdown = md("<blockquote><p>قول أول</p><p>قول ثان</p></blockquote>"
                + "<pre><code class=\"language-java\">if (a &lt; b) {\n    x();\n}</code></pre><hr>");

        assertEquals("> قول أول\n>\n> قول ثان\n\n```java\nif (a < b) {\n    x();\n}\n```\n\n* * *\n", markdown);
        Document html = rendered(markdown);
        assertEquals(2, html.select("blockquote p").size());
        assertEquals("if (a < b) {\n    x();\n}\n", html.selectFirst("pre code").wholeText());
    }

    @Test
    void simpleTableBecomesGfmAndComplexTableStaysHtml() {
        String markdown = md("<table><thead><tr><th>البلد</th><th style=\"text-align:center\">الكمية</th></tr></thead>"
                + "<tbody><tr><td>مصر</td><td>1|2</td></tr></tbody></table>"
                + "<table class=\"x\" style=\"width:100%\"><tr><td colspan=\"2\">مدمج</td></tr>"
                + "<tr><td>أ</td><td>ب</td></tr></table>");

        assertEquals(
                "| البلد | الكمية |\n| --- | :---: |\n| مصر | 1\\|2 |\n\n"
                        + "<table><tbody><tr><td colspan=\"2\">مدمج</td></tr><tr><td>أ</td><td>ب</td></tr></tbody></table>\n",
                markdown);
        Document html = rendered(markdown);
        assertEquals(2, html.select("table").size());
        assertEquals("1|2", html.select("table").get(0).select("td").get(1).text());
        assertEquals("2", html.select("table").get(1).selectFirst("td").attr("colspan"));
    }

    @Test
    void captionShortcodeBecomesAFigureThatPassesTheSanitiser() {
        String markdown = md("[caption id=\"attachment_120\" align=\"alignright\" width=\"300\"]"
                + "<a href=\"https://old.example/wp-content/uploads/big.jpg\"><img class=\"wp-image-120\""
                + " src=\"https://old.example/wp-content/uploads/small.jpg\" alt=\"بوتين\" width=\"300\" height=\"200\" />"
                + "</a> بوتين في <em>بيونغ يانغ</em> <script>x()</script>[/caption]\n\nنص بعد الصورة.");

        assertTrue(
                markdown.startsWith("<figure class=\"alignright\"><a href=\"https://old.example/wp-content/uploads/"
                        + "big.jpg\"><img src=\"https://old.example/wp-content/uploads/small.jpg\" alt=\"بوتين\" width=\"300\""
                        + " height=\"200\"></a><figcaption>بوتين في <em>بيونغ يانغ</em></figcaption></figure>\n\n"),
                markdown);
        assertFalse(markdown.contains("[caption"), markdown);
        Document html = rendered(markdown);
        Element figure = html.selectFirst("figure");
        assertNotNull(figure, html.html());
        assertEquals(
                "https://old.example/wp-content/uploads/small.jpg",
                figure.selectFirst("img").attr("src"));
        assertEquals("بوتين في بيونغ يانغ", figure.selectFirst("figcaption").text());
        assertEquals("نص بعد الصورة.", html.selectFirst("figure + p").text());
    }

    @Test
    void blockEditorImageWithoutCaptionIsMarkdown() {
        assertEquals(
                "![صورة](https://old.example/a.jpg)\n",
                md("<figure class=\"wp-block-image\"><img src=\"https://old.example/a.jpg\" alt=\"صورة\"/></figure>"));
    }

    @Test
    void embedsBecomeIframesInFigures() {
        HtmlToMarkdown.Result result = converter.convert(
                "<iframe width=\"560\" height=\"315\" src=\"//www.youtube.com/embed/aBcDeFgHiJk\" frameborder=\"0\""
                        + " allowfullscreen></iframe>\n\n[embed]https://youtu.be/ZyXwVuTsRqP[/embed]\n\n"
                        + "https://vimeo.com/123456\n\n[embed]https://twitter.com/x/status/1[/embed]\n\n"
                        + "<iframe src=\"https://maps.example/embed?q=kyiv\"></iframe>");

        assertEquals(
                "<figure class=\"embed\"><iframe src=\"https://www.youtube.com/embed/aBcDeFgHiJk\" width=\"560\""
                        + " height=\"315\" title=\"YouTube\" allowfullscreen></iframe></figure>\n\n"
                        + "<figure class=\"embed\"><iframe src=\"https://www.youtube.com/embed/ZyXwVuTsRqP\" width=\"560\""
                        + " height=\"315\" title=\"YouTube\" allowfullscreen></iframe></figure>\n\n"
                        + "<figure class=\"embed\"><iframe src=\"https://player.vimeo.com/video/123456\" width=\"560\""
                        + " height=\"315\" title=\"Vimeo\" allowfullscreen></iframe></figure>\n\n"
                        + "<https://twitter.com/x/status/1>\n\n"
                        + "<figure class=\"embed\"><iframe src=\"https://maps.example/embed?q=kyiv\" width=\"560\""
                        + " height=\"315\" title=\"maps.example\" allowfullscreen></iframe></figure>\n",
                result.markdown());
        assertTrue(
                result.notes().stream().anyMatch(n -> n.contains("maps.example") && n.contains("embed_hosts")),
                result.notes().toString());
        assertTrue(
                result.notes().stream().anyMatch(n -> n.contains("twitter.com") && n.contains("link")),
                result.notes().toString());
        // whatever the sanitiser makes of iframes, the rest of the article renders and the tweet stays a link
        Document html = rendered(result.markdown());
        assertEquals("https://twitter.com/x/status/1", html.selectFirst("a").attr("href"));
    }

    @Test
    void blockEditorEmbedWithCaption() {
        String markdown = md("<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=F16aaaaaaaa\"} -->\n"
                + "<figure class=\"wp-block-embed is-provider-youtube\"><div class=\"wp-block-embed__wrapper\">\n"
                + "https://www.youtube.com/watch?v=F16aaaaaaaa\n</div><figcaption>الهبوط الأول</figcaption></figure>\n"
                + "<!-- /wp:embed -->");

        assertEquals(
                "<figure class=\"embed\"><iframe src=\"https://www.youtube.com/embed/F16aaaaaaaa\" width=\"560\""
                        + " height=\"315\" title=\"YouTube\" allowfullscreen></iframe><figcaption>الهبوط الأول</figcaption>"
                        + "</figure>\n",
                markdown);
    }

    @Test
    void galleryShortcodeNamesItsImagesFromTheMediaLibrary() {
        HtmlToMarkdown withMedia = new HtmlToMarkdown(Map.of(
                5L, new HtmlToMarkdown.Media("https://old.example/a.jpg", "أ"),
                6L, new HtmlToMarkdown.Media("https://old.example/b.jpg", "ب")));

        HtmlToMarkdown.Result result = withMedia.convert("[gallery ids=\"5,6,7\"]");

        assertEquals("![أ](https://old.example/a.jpg)\n\n![ب](https://old.example/b.jpg)\n", result.markdown());
        assertTrue(
                result.notes().contains("[gallery] image 7 is not in the export and was dropped"),
                result.notes().toString());
    }

    @Test
    void imageWidthAndHeightAreKept() {
        HtmlToMarkdown.Result result = converter.convert(
                "<p><img src=\"https://old.example/a.jpg\" alt=\"خريطة &quot;كييف&quot;\" width=\"1200\""
                        + " height=\"800\" class=\"size-full\"> نص</p>");
        assertEquals(
                "<img src=\"https://old.example/a.jpg\" alt=\"خريطة &quot;كييف&quot;\" width=\"1200\" height=\"800\"> نص\n",
                result.markdown());
        assertEquals(
                "![أ](https://old.example/b.jpg)\n",
                converter
                        .convert("<img src=\"https://old.example/b.jpg\" alt=\"أ\"" + " width=\"auto\">")
                        .markdown(),
                "no usable size: plain Markdown");
    }

    @Test
    void galleryAndAudioWithoutIdsShowThePostsAttachmentsAsWordPressDoes() {
        HtmlToMarkdown withMedia = new HtmlToMarkdown(Map.of(
                12L, new HtmlToMarkdown.Media("https://old.example/b.jpg", "ب", 40),
                11L, new HtmlToMarkdown.Media("https://old.example/a.png", "أ", 40),
                13L, new HtmlToMarkdown.Media("https://old.example/talk.mp3", "", 40),
                14L, new HtmlToMarkdown.Media("https://old.example/other.jpg", "", 41)));

        HtmlToMarkdown.Result result = withMedia.convert("[gallery]\n\n[audio]", 40);

        assertTrue(
                result.markdown().startsWith("![أ](https://old.example/a.png)\n\n![ب](https://old.example/b.jpg)\n"),
                result.markdown());
        assertTrue(
                result.markdown().contains("<audio") && result.markdown().contains("https://old.example/talk.mp3"),
                result.markdown());
        assertTrue(!result.markdown().contains("other.jpg"), "another post's image: " + result.markdown());
        assertTrue(
                result.notes().stream().noneMatch(n -> n.contains("dropped")),
                result.notes().toString());
        // without attachments both are still noted as dropped
        assertEquals(2, withMedia.convert("[gallery]\n\n[audio]", 99).notes().size());
    }

    @Test
    void controlCharactersScriptsAndEmptyParagraphsAreDropped() {
        HtmlToMarkdown.Result result = converter.convert("<p>نص\u0008 مع &#11;حرف تحكم</p><p>&nbsp;</p>"
                + "<script>alert(1)</script><p onclick=\"x()\"><a href=\"javascript:alert(1)\">نقرة</a></p>");

        assertEquals("نص مع حرف تحكم\n\nنقرة\n", result.markdown());
        assertTrue(
                result.notes().contains("1 control character was removed"),
                result.notes().toString());
        assertTrue(
                result.notes().stream().anyMatch(n -> n.contains("<script>")),
                result.notes().toString());
    }

    @Test
    void unknownShortcodesAreKeptAsTextAndNoted() {
        HtmlToMarkdown.Result result = converter.convert("قبل [contact-form-7 id=\"5\"] بعد");

        assertEquals("قبل \\[contact-form-7 id=\"5\"\\] بعد\n", result.markdown());
        assertTrue(
                result.notes().stream().anyMatch(n -> n.contains("[contact-form-7]")),
                result.notes().toString());
    }

    @Test
    void blocksWrappedInInlineElementsAreKept() {
        assertEquals(
                "<figure class=\"embed\"><iframe src=\"https://www.youtube.com/embed/aBcDeFgHiJk\" width=\"560\""
                        + " height=\"315\" title=\"YouTube\" allowfullscreen></iframe></figure>\n",
                md("<p><strong><iframe src=\"https://www.youtube.com/embed/aBcDeFgHiJk\"></iframe></strong></p>"));
        assertEquals(
                "[بطاقة نص](https://example.org/)\n",
                md("<!-- wp:html --><a href=\"https://example.org/\"><div>بطاقة</div><div>نص</div></a>"));
    }

    @Test
    void tableCellsWithParagraphsUseLineBreaks() {
        assertEquals(
                "| أ |\n| --- |\n| س<br>ص |\n",
                md("<table><tr><th>أ</th></tr><tr><td><p>س</p>\n<p>ص</p></td></tr></table>"));
    }

    @Test
    void emptyInputGivesEmptyMarkdown() {
        assertEquals("", md(""));
        assertEquals("", md("<p>&nbsp;</p>\n\n"));
    }
}
