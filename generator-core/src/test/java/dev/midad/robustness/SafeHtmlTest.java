package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import dev.midad.markdown.MarkdownRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw HTML in Markdown goes through the safelist policy: no scripts, handlers, script or data links, frames only
 * from the site's {@code embed_hosts}; {@code trust_html: true} turns cleaning off. Template output is escaped.
 */
class SafeHtmlTest {
    private static final List<String> YOUTUBE =
            List.of("www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com");

    private final MarkdownRenderer renderer = new MarkdownRenderer(YOUTUBE, false);

    @TempDir
    Path tmp;

    private String html(String markdown) {
        return renderer.render(markdown).html();
    }

    /** Asserts the fragment can run nothing: no script-ish element, no on* attribute, no script URL. */
    static void assertInert(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element el : doc.body().getAllElements()) {
            assertFalse(
                    List.of(
                                    "script",
                                    "style",
                                    "object",
                                    "embed",
                                    "form",
                                    "base",
                                    "meta",
                                    "link",
                                    "svg",
                                    "math",
                                    "template",
                                    "frame",
                                    "frameset",
                                    "applet")
                            .contains(el.normalName()),
                    el.normalName() + ": " + html);
            for (Attribute attr : el.attributes()) {
                String key = attr.getKey().toLowerCase(Locale.ROOT);
                String value =
                        attr.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), "event handler " + key + ": " + html);
                assertFalse(key.equals("srcdoc") || key.equals("formaction") || key.equals("xlink:href"), html);
                if (key.equals("href") || key.equals("src") || key.equals("action") || key.equals("cite")) {
                    assertFalse(value.startsWith("javascript:") || value.startsWith("vbscript:"), html);
                    assertFalse(
                            value.startsWith("data:")
                                    && !(el.normalName().equals("img")
                                            && key.equals("src")
                                            && value.startsWith("data:image/")),
                            "data URL outside an image: " + html);
                }
                if (key.equals("style")) {
                    assertTrue(value.matches("text-align:(left|right|center|start|end|justify);?"), html);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<p onclick=\"steal()\" onmouseover=steal()>نص</p>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)><script>alert(1)</script></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">رابط</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">رابط</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">رابط</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">رابط</a>",
                "<a href=\" javascript:alert(1)\">رابط</a>",
                "[رابط](javascript:alert(1)) [رابط2](<javascript:alert(1)>)",
                "<a href=\"vbscript:msgbox(1)\">رابط</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">رابط</a>",
                "<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
                "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
                "<form action=\"https://evil.example/\"><input name=p>"
                        + "<button formaction=\"javascript:alert(1)\">x</button></form>",
                "<base href=\"https://evil.example/\">"
                        + "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                "<link rel=stylesheet href=\"https://evil.example/x.css\"><style>body{display:none}</style>",
                "<td style=\"background:url(javascript:alert(1))\">خلية</td>",
                "<table><tr><td style=\"position:fixed;top:0;left:0;width:100%;height:100%\">غطاء</td></tr></table>",
                "<div><!--<img src=\"--><img src=x onerror=alert(1)//\">--></div>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<template><script>alert(1)</script></template>",
                "<a href=\"https://ok.example/\" target=_blank onfocus=alert(1) autofocus>رابط</a>",
            })
    void hostileRawHtmlIsMadeInert(String markdown) {
        assertInert(html(markdown));
    }

    @Test
    void safeFormattingAndRelativeLinksSurvive() {
        String html = html("""
                <figure><img src="/images/map.svg" alt="خريطة"><figcaption>خريطة <mark>الجبهة</mark></figcaption>
                </figure>

                <p dir="ltr" lang="en">Text with <abbr title="Institute for the Study of War">ISW</abbr></p>

                | يمين | وسط |
                |---:|:---:|
                | 1 | 2 |

                [داخلي](/2024/06/x/) [خارجي](https://example.org/) [بريد](mailto:news@example.org)
                """);
        assertTrue(html.contains("<figure><img src=\"/images/map.svg\" alt=\"خريطة\"><figcaption>"), html);
        assertTrue(html.contains("<mark>الجبهة</mark>"), html);
        assertTrue(html.contains("<abbr title=\"Institute for the Study of War\">ISW</abbr>"), html);
        assertTrue(html.contains("<th align=\"right\">") || html.contains("style=\"text-align: right\""), html);
        assertTrue(
                html.contains("href=\"/2024/06/x/\"")
                        && html.contains("href=\"https://example.org/\"")
                        && html.contains("href=\"mailto:news@example.org\""),
                html);
        assertInert(html);
    }

    @Test
    void textAlignIsTheOnlyStyleKept() {
        String html = html(
                "<table><tr><td style=\"text-align: center\">أ</td><td style=\"color:red\">ب</td>" + "</tr></table>");
        assertTrue(html.contains("<td style=\"text-align: center\">أ</td>"), html);
        assertTrue(html.contains("<td>ب</td>"), html);
    }

    @Test
    void dataUrlsOnlyForImages() {
        String png =
                "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
                        + "kgAAAABJRU5ErkJggg==";
        String html = html("<img src=\"" + png + "\" alt=\"نقطة\">"
                + " <img src=\"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>\" alt=\"رسم\">"
                + " <a href=\"" + png + "\">تنزيل</a> <img src=\"data:application/javascript,alert(1)\" alt=\"ب\">");
        assertTrue(html.contains("src=\"" + png + "\""), "a data: PNG in <img> is kept: " + html);
        assertTrue(html.contains("src=\"data:image/svg+xml;utf8,"), "SVG in <img> cannot run scripts: " + html);
        assertFalse(html.contains("href=\"data:"), "no data: links: " + html);
        assertFalse(html.contains("data:application"), html);
        assertInert(html);
    }

    @Test
    void iframesOnlyFromEmbedHostsOverHttpsAndSandboxed() {
        String html = html("""
                <iframe width="560" height="315" src="https://www.youtube.com/embed/abc123?si=x" \
                title="YouTube video player" frameborder="0" \
                allow="accelerometer; autoplay; camera; microphone; geolocation; encrypted-media" \
                referrerpolicy="strict-origin-when-cross-origin" allowfullscreen loading="lazy" onload="alert(1)" \
                sandbox="allow-top-navigation allow-scripts"></iframe>

                <iframe src="https://evil.example/embed/x"></iframe>

                <iframe src="http://www.youtube.com/embed/plain-http"></iframe>

                <iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>

                <iframe src="https://www.youtube.com@evil.example/embed/x"></iframe>

                <iframe src="https://www.youtube.com:8443/embed/x"></iframe>

                <iframe src="//www.youtube.com/embed/protocol-relative"></iframe>

                <iframe src="https://player.vimeo.com/video/42"></iframe>
                """);
        Document doc = Jsoup.parseBodyFragment(html);
        List<String> sources = doc.select("iframe").eachAttr("src");
        assertEquals(
                List.of("https://www.youtube.com/embed/abc123?si=x", "https://player.vimeo.com/video/42"),
                sources,
                html);
        Element youtube = doc.selectFirst("iframe");
        assertEquals("560", youtube.attr("width"));
        assertEquals("315", youtube.attr("height"));
        assertEquals("YouTube video player", youtube.attr("title"));
        assertEquals("lazy", youtube.attr("loading"));
        assertTrue(youtube.hasAttr("allowfullscreen"));
        assertEquals(
                "accelerometer; autoplay; encrypted-media",
                youtube.attr("allow"),
                "camera, microphone and location are never granted");
        assertEquals(
                "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox",
                youtube.attr("sandbox"),
                "our sandbox, not the author's (no allow-top-navigation)");
        assertFalse(youtube.hasAttr("onload") || youtube.hasAttr("frameborder"), html);
        assertInert(html);
    }

    @Test
    void noEmbedHostsMeansNoIframes() {
        String html = new MarkdownRenderer(List.of(), false)
                .render("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>")
                .html();
        assertFalse(html.contains("iframe"), html);
    }

    @Test
    void trustedHtmlIsPublishedAsWritten() {
        String html = new MarkdownRenderer(List.of(), true).render("""
                <div class="widget" onclick="track()"><script src="https://cdn.example/widget.js"></script></div>

                <iframe src="https://maps.example/embed"></iframe>
                """).html();
        assertTrue(html.contains("<script src=\"https://cdn.example/widget.js\"></script>"), html);
        assertTrue(html.contains("onclick=\"track()\""), html);
        assertTrue(html.contains("<iframe src=\"https://maps.example/embed\"></iframe>"), html);
    }

    /** The settings come from site.yaml, through Site.load: embed_hosts replaces the default list. */
    @Test
    void siteYamlEmbedHostsAndTrustHtmlReachTheRenderer() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/2024/05/embed.md", """
                ---
                title: فيديو
                date: 2024-05-01
                slug: embed
                ---
                <iframe src="https://www.youtube.com/embed/a"></iframe>

                <iframe src="https://video.newsroom.example/embed/b"></iframe>

                <script>alert(1)</script>
                """);
        Path out = tmp.resolve("default");
        Sites.build(site, out);
        String page = Files.readString(out.resolve("2024/05/embed/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("src=\"https://www.youtube.com/embed/a\""), "YouTube is a default embed host");
        assertFalse(page.contains("video.newsroom.example"), "not listed");
        assertFalse(page.contains("alert(1)"), "script removed");

        String yaml = Files.readString(site.resolve("site.yaml"), StandardCharsets.UTF_8);
        Files.writeString(
                site.resolve("site.yaml"), yaml + "embed_hosts: [video.newsroom.example]\n", StandardCharsets.UTF_8);
        Path custom = tmp.resolve("custom");
        Sites.build(site, custom);
        page = Files.readString(custom.resolve("2024/05/embed/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("src=\"https://video.newsroom.example/embed/b\""), "listed in embed_hosts");
        assertFalse(page.contains("www.youtube.com/embed/a"), "embed_hosts replaces the default list");

        Files.writeString(site.resolve("site.yaml"), yaml + "trust_html: true\n", StandardCharsets.UTF_8);
        Path trusted = tmp.resolve("trusted");
        Sites.build(site, trusted);
        page = Files.readString(trusted.resolve("2024/05/embed/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<script>alert(1)</script>"), "trust_html: true publishes raw HTML as written");
    }

    /**
     * FreeMarker escapes every value: markup in a title, summary, dateline, category, tag, author, image
     * caption or alt text is shown as text on every page and in every feed, never run.
     */
    @Test
    void templateOutputIsEscaped() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        String evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
        TestSites.write(site, "static/images/x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        TestSites.write(site, "articles/2024/05/xss.md", """
                ---
                title: "عنوان EVIL </script><script>alert(3)</script>"
                date: 2024-05-01
                slug: xss
                summary: "ملخص EVIL"
                dateline: "EVIL"
                source: "EVIL"
                category: "قسم EVIL"
                tags: ["وسم EVIL"]
                author: ["كاتب EVIL"]
                image: /images/x.svg
                image_alt: "EVIL"
                image_caption: "EVIL"
                ---
                نص.
                """.replace("EVIL", evil.replace("\"", "\\\"")));
        Path out = tmp.resolve("out");
        Sites.build(site, out);
        for (Path file : Sites.files(out)) {
            String name = file.toString();
            if (!(name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".json"))) {
                continue;
            }
            String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            assertFalse(text.contains("<script>alert"), file + " has a live script");
            assertFalse(text.contains("<img src=x"), file + " has a live image");
            assertFalse(text.contains("</script><script>"), file + ": JSON-LD broken out of");
            if (name.endsWith(".html")) {
                Document doc = Jsoup.parse(text);
                for (Element script : doc.select("script")) {
                    if (script.attr("type").equals("application/ld+json")) {
                        assertFalse(script.data().contains("<"), file + ": raw '<' in JSON-LD: " + script);
                    } else {
                        assertFalse(script.data().contains("alert("), file + ": " + script);
                    }
                }
                for (Element el : doc.getAllElements()) {
                    for (Attribute attr : el.attributes()) {
                        assertFalse(attr.getKey().toLowerCase(Locale.ROOT).startsWith("on"), file + ": " + el);
                    }
                }
            }
        }
        String article = Files.readString(out.resolve("2024/05/xss/index.html"), StandardCharsets.UTF_8);
        assertTrue(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    }
}
