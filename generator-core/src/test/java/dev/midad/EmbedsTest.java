package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.problem.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posts and videos written alone on a line: facades, quote cards, feeds, AMP, JSON-LD and hostile input. */
class EmbedsTest {
    private static final String VIDEO = "2024/10/video/";
    private static final String POST = "2024/10/post/";

    @TempDir
    Path tmp;

    private Path site() throws IOException {
        Path dir = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(dir, "site.yaml", read(dir, "site.yaml") + "amp: true\n");
        write(dir, "articles/2024/10/video.md", """
                ---
                title: مهرجان الأفلام
                date: 2024-10-20T10:00:00+03:00
                slug: video
                ---
                نص قبل الفيديو.

                https://youtu.be/Kx7dQ2mVb4A

                نص بعده، مع رابط https://www.youtube.com/watch?v=Kx7dQ2mVb4A داخل الجملة.
                """);
        write(dir, "articles/2024/10/post.md", """
                ---
                title: منشور
                date: 2024-10-21T10:00:00+03:00
                slug: post
                ---
                https://twitter.com/ukraine_portal/status/1849512345678901234

                https://t.me/ukraine_news/4521
                """);
        write(dir, "data/embeds/youtube/Kx7dQ2mVb4A.yaml", """
                title: "الإعلان الرسمي <script>alert(1)</script>"
                author: Kyiv Documentary Week
                thumbnail: /embeds/Kx7dQ2mVb4A.jpg
                duration: "1:02:03"
                uploaded: 2024-11-01T12:00:00+02:00
                """);
        write(dir, "static/embeds/Kx7dQ2mVb4A.jpg", "not really a jpeg; the page only links it");
        // an oEmbed answer saved as it came: its own key names, a remote thumbnail, keys Midad ignores
        write(dir, "data/embeds/x/1849512345678901234.json", """
                {"author_name": "Ukraine Portal", "author_url": "https://x.com/ukraine_portal",
                 "html": "<blockquote><script src=\\"https://platform.twitter.com/widgets.js\\"></script>",
                 "uploaded": "2024-10-24T13:05:00+03:00", "text": "سطر أول\\nسطر ثانٍ <b>"}
                """);
        return dir;
    }

    private Path build(Path site) throws Exception {
        return build(site, TestSites.options());
    }

    private Path build(Path site, BuildOptions options) throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site, options).build(out);
        return out;
    }

    private static Document page(Path out, String file) throws IOException {
        return Jsoup.parse(read(out, file));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void aVideoAloneOnALineIsAFacadeThatLoadsNothingFromThePlatformBeforeAClick() throws Exception {
        Document page = page(build(site()), VIDEO + "index.html");
        Element figure = page.selectFirst(".story-body figure.embed.embed-video.embed-youtube");
        assertNotNull(figure, page.selectFirst(".story-body")::html);
        assertEquals(
                "https://www.youtube-nocookie.com/embed/Kx7dQ2mVb4A?autoplay=1",
                figure.attr("data-embed-src"),
                "the player, for the script to load on a click");
        assertTrue(figure.attr("data-embed-sandbox").contains("allow-scripts"));
        Element preview = figure.selectFirst("a.embed-preview");
        assertEquals("https://www.youtube.com/watch?v=Kx7dQ2mVb4A", preview.attr("href"), "works without script");
        assertEquals("/embeds/Kx7dQ2mVb4A.jpg", preview.selectFirst("img").attr("src"), "the stored thumbnail");
        assertTrue(preview.attr("aria-label").contains("الإعلان الرسمي <script>"), preview::outerHtml);
        assertNotNull(preview.selectFirst(".embed-play[aria-hidden=true]"));
        assertEquals(
                "الإعلان الرسمي <script>alert(1)</script>",
                figure.selectFirst("figcaption a.embed-title").text(),
                "stored text is text");
        assertTrue(figure.select("script").isEmpty());
        String meta = figure.selectFirst(".embed-meta").text();
        assertTrue(
                meta.contains("YouTube") && meta.contains("1:02:03") && meta.contains("Kyiv Documentary Week"), meta);
        assertEquals("2024-11-01T12:00:00+02:00", figure.selectFirst("time").attr("datetime"));
        // a link inside a sentence stays a link
        assertEquals(1, page.select(".story-body figure.embed").size());
        assertNotNull(page.selectFirst(".story-body p a[href=https://www.youtube.com/watch?v=Kx7dQ2mVb4A]"));
        // nothing on the page is fetched from another host before a click
        for (Element el : page.select("[src], [srcset], link[href]")) {
            for (String attr : List.of("src", "srcset", "href")) {
                String value = el.attr(attr);
                if (!value.isEmpty() && !el.normalName().equals("a")) {
                    String host = URI.create(value.split("[ ,]")[0]).getHost();
                    assertTrue(host == null || host.equals("test.example"), () -> el.outerHtml());
                }
            }
        }
        assertTrue(page.select("iframe").isEmpty());
        assertEquals(
                "/assets/embed.js",
                page.selectFirst("script[src$=embed.js]").attr("src"),
                "the theme's own script, on pages with an embed only");
        assertNull(page(tmp.resolve("out"), "2024/07/قمة-الناتو-في-واشنطن/index.html")
                .selectFirst("script[src$=embed.js]"));
        assertTrue(Files.isRegularFile(tmp.resolve("out/assets/embed.js")));
    }

    @Test
    void aVideoHasAVideoObjectWithWhatGoogleRequires() throws Exception {
        Document page = page(build(site()), VIDEO + "index.html");
        JsonObject article =
                json(page.selectFirst("script[type=application/ld+json]").data());
        JsonArray videos = article.getJsonArray("video");
        assertEquals(1, videos.size());
        JsonObject video = videos.getJsonObject(0);
        assertEquals("VideoObject", video.getString("@type"));
        assertEquals("الإعلان الرسمي <script>alert(1)</script>", video.getString("name"));
        assertEquals(
                "https://test.example/embeds/Kx7dQ2mVb4A.jpg",
                video.getJsonArray("thumbnailUrl").getString(0));
        assertEquals("2024-11-01T12:00:00+02:00", video.getString("uploadDate"));
        assertEquals("PT1H2M3S", video.getString("duration"));
        assertEquals("https://www.youtube-nocookie.com/embed/Kx7dQ2mVb4A", video.getString("embedUrl"));
        assertEquals("https://www.youtube.com/watch?v=Kx7dQ2mVb4A", video.getString("url"));
        JsonObject post = json(page(tmp.resolve("out"), POST + "index.html")
                .selectFirst("script[type=application/ld+json]")
                .data());
        assertFalse(post.containsKey("video"), "posts are no videos");
    }

    @Test
    void aPostIsAQuoteCardAndLoadsOnlyFromAHostInEmbedHosts() throws Exception {
        Path site = site();
        Document page = page(build(site), POST + "index.html");
        Element card = page.selectFirst(".story-body figure.embed.embed-post.embed-x");
        assertNotNull(card, page.selectFirst(".story-body")::html);
        Element quote = card.selectFirst("blockquote.embed-quote");
        assertEquals("https://x.com/ukraine_portal/status/1849512345678901234", quote.attr("cite"));
        assertEquals("سطر أول سطر ثانٍ <b>", quote.selectFirst("p").text(), "stored text is text");
        assertEquals(1, quote.select("p > br").size(), "one line break as written");
        assertTrue(quote.select("b").isEmpty());
        assertEquals("Ukraine Portal", card.selectFirst("a.embed-title").text());
        assertEquals("2024-10-24T13:05:00+03:00", card.selectFirst("time").attr("datetime"));
        assertFalse(card.hasAttr("data-embed-src"), "platform.twitter.com is not in the default embed_hosts");
        assertNull(page.selectFirst("script[src$=embed.js]"), "no embed to load: no script");
        assertTrue(page.select("script[src*=twitter]").isEmpty());
        // no stored data: a plain link card
        Element telegram = page.selectFirst(".story-body p.embed-card");
        assertEquals("https://t.me/ukraine_news/4521", telegram.selectFirst("a").attr("href"));
        assertEquals("Telegram", telegram.selectFirst(".embed-meta").text());

        write(site, "site.yaml", read(site, "site.yaml") + "embed_hosts: [platform.twitter.com]\n");
        page = page(build(site), POST + "index.html");
        card = page.selectFirst(".story-body figure.embed-x");
        assertEquals(
                "https://platform.twitter.com/embed/Tweet.html?id=1849512345678901234&dnt=true",
                card.attr("data-embed-src"));
        assertEquals("اعرض المنشور من X", card.attr("data-embed-label"));
        assertNotNull(page.selectFirst("script[src$=embed.js]"));
        Element video = page(tmp.resolve("out"), VIDEO + "index.html").selectFirst("figure.embed-video");
        assertFalse(video.hasAttr("data-embed-src"), "youtube-nocookie is no longer listed: a link only");
        assertNotNull(video.selectFirst("a.embed-preview[href^=https://www.youtube.com/]"));
    }

    @Test
    void feedsAndAmpGetAPlainLinkWithTheThumbnailAndNoScript() throws Exception {
        Path out = build(site());
        Document rss = Jsoup.parse(read(out, "rss.xml"), "", Parser.xmlParser());
        Element item = rss.select("item").stream()
                .filter(i -> i.selectFirst("link").text().endsWith("/" + VIDEO))
                .findFirst()
                .orElseThrow();
        Document content =
                Jsoup.parseBodyFragment(item.selectFirst("content|encoded").text());
        Element figure = content.selectFirst("figure.embed");
        assertNotNull(figure, content.body()::html);
        assertTrue(
                figure.attributes().asList().stream().noneMatch(a -> a.getKey().startsWith("data-")),
                figure::outerHtml);
        assertTrue(content.select("script, iframe, .embed-play, [aria-label]").isEmpty(), figure::outerHtml);
        Element picture = figure.selectFirst("a[href=https://www.youtube.com/watch?v=Kx7dQ2mVb4A] img");
        assertEquals("https://test.example/embeds/Kx7dQ2mVb4A.jpg", picture.attr("src"), "absolute in feeds");
        assertEquals("الإعلان الرسمي <script>alert(1)</script>", picture.attr("alt"));
        JsonObject feed = json(read(out, "feed.json"));
        String html = feed.getJsonArray("items").stream()
                .map(i -> i.asJsonObject())
                .filter(i -> i.getString("url").endsWith("/" + VIDEO))
                .findFirst()
                .orElseThrow()
                .getString("content_html");
        assertTrue(html.contains("embed") && !html.contains("data-embed-src") && !html.contains("<script"), html);

        Document amp = page(out, VIDEO + "amp/index.html");
        Element ampFigure = amp.selectFirst("figure.embed");
        assertNotNull(ampFigure.selectFirst("a[href=https://www.youtube.com/watch?v=Kx7dQ2mVb4A] amp-img"));
        assertTrue(ampFigure.select("img, iframe, .embed-play").isEmpty(), ampFigure::outerHtml);
        assertFalse(ampFigure.hasAttr("data-embed-src"));
        assertTrue(amp.select("script[src]").stream()
                .allMatch(s -> s.attr("src").startsWith("https://cdn.ampproject.org/")));
    }

    @Test
    void anAddressWithNoStoredDataWarnsAtItsLineAndAnIncompleteVideoToo() throws Exception {
        Path site = site();
        write(site, "data/embeds/vimeo/76979871.yaml", "title: بلا صورة\n");
        write(site, "articles/2024/10/vimeo.md", """
                ---
                title: فيميو
                date: 2024-10-22
                slug: vimeo
                ---
                أولاً.

                https://vimeo.com/76979871
                """);
        EditingWarningsTest.Warnings warnings = new EditingWarningsTest.Warnings();
        Path out = build(site, TestSites.options().withListener(warnings));
        List<String> texts = warnings.texts();
        assertTrue(
                texts.contains("articles/2024/10/post.md:8: https://t.me/ukraine_news/4521 is shown as a plain link:"
                        + " nothing is stored about it in data/embeds/telegram/ukraine_news-4521.yaml (its title,"
                        + " author, thumbnail, date; the platform's oEmbed answer saved as .json will do)"),
                texts::toString);
        assertTrue(
                texts.contains("data/embeds/vimeo/76979871.yaml: search engines list a video only with its title,"
                        + " thumbnail and uploaded date: add the missing ones"),
                texts::toString);
        Document page = page(out, "2024/10/vimeo/index.html");
        Element figure = page.selectFirst("figure.embed-vimeo");
        assertEquals("https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", figure.attr("data-embed-src"));
        assertNull(figure.selectFirst("img"), "no thumbnail stored: the play button alone");
        assertFalse(json(page.selectFirst("script[type=application/ld+json]").data())
                .containsKey("video"));
    }

    @Test
    void hostileAddressesStayPlainSafeLinks() throws Exception {
        Path site = site();
        write(site, "articles/2024/10/hostile.md", """
                ---
                title: عدائي
                date: 2024-10-23
                slug: hostile
                ---
                https://www.youtube.com/watch?v=Kx7dQ2mVb4A"onmouseover="alert(1)

                <https://youtube.com.evil.example/watch?v=Kx7dQ2mVb4A>

                https://www.youtube.com/watch?v=Kx7dQ2mVb4A%22%3E%3Cscript%3E

                https://user:pw@www.youtube.com/watch?v=Kx7dQ2mVb4A

                <a href="javascript:alert(1)">https://www.youtube.com/watch?v=Kx7dQ2mVb4A</a>

                https://www.youtube.com/watch?v=../../../../x

                https://t.me/../../etc/passwd
                """);
        Document page = page(build(site), "2024/10/hostile/index.html");
        Element body = page.selectFirst(".story-body");
        // the quote ends the first address (words follow it on its line), the rest are no video's address
        assertEquals(0, body.select("figure.embed, .embed-card").size(), body::html);
        assertEquals(7, body.select("p").size(), body::html);
        assertTrue(body.select("[onmouseover], script, iframe").isEmpty(), body::html);
        assertTrue(body.select("a").stream()
                .noneMatch(a -> a.attr("href").toLowerCase().startsWith("javascript")));
        assertTrue(body.select("[data-embed-src]").stream()
                .allMatch(f -> f.attr("data-embed-src").startsWith("https://www.youtube-nocookie.com/embed/")));
    }

    @Test
    void hostileStoredDataIsAProblemAtItsLine() throws Exception {
        Path site = site();
        write(site, "data/embeds/youtube/Kx7dQ2mVb4A.yaml", """
                title: عنوان
                thumbnail: javascript:alert(1)
                """);
        write(site, "data/embeds/vimeo/1.yaml", "author_url: http://x.example/\n");
        write(site, "data/embeds/youtub/abc.yaml", "title: x\n");
        write(site, "data/embeds/tiktok/2.yaml", "duration: soon\n");
        BuildException e = assertThrows(BuildException.class, () -> build(site));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(
                List.of(
                        "data/embeds/tiktok/2.yaml:1: write the duration as minutes:seconds (4:13),"
                                + " hours:minutes:seconds (1:02:03) or ISO 8601 (PT4M13S), not 'soon'",
                        "data/embeds/vimeo/1.yaml:1: author_url must be an https address, not 'http://x.example/'",
                        "data/embeds/youtub/abc.yaml: 'youtub' is not a platform Midad embeds: the folders are youtube,"
                                + " vimeo, x, instagram, facebook, telegram, tiktok",
                        "data/embeds/youtube/Kx7dQ2mVb4A.yaml:2: the thumbnail must be a site path such as"
                                + " /embeds/youtube/x.jpg (a file under static/) or an https address, not"
                                + " 'javascript:alert(1)'"),
                problems);
    }

    @Test
    void checkNamesAuthorsWithoutAProfile() throws Exception {
        Path site = site();
        write(site, "authors/sara.md", """
                ---
                name: سارة حسن
                ---
                مراسلة.
                """);
        EditingWarningsTest.Warnings warnings = new EditingWarningsTest.Warnings();
        Site.load(site, TestSites.options().withListener(warnings)).check();
        List<String> about = warnings.texts().stream()
                .filter(w -> w.contains("has no profile"))
                .toList();
        assertEquals(2, about.size(), about::toString);
        assertTrue(
                about.contains("articles/2024/08/third.md:5: 'author' يوري كوفالينكو has no profile: add"
                        + " authors/<slug>.md with name: يوري كوفالينكو (role, photo, links, a biography) to show"
                        + " them as a person"),
                about::toString);
        assertTrue(
                about.stream().anyMatch(w -> w.contains("'author' فريق التحرير has no profile (nor in ")),
                about::toString);
        assertTrue(about.stream().noneMatch(w -> w.contains("سارة حسن")), about::toString);
    }

    @Test
    void anIncrementalBuildFollowsAnEditedDataFileAsAFullBuildDoes() throws Exception {
        Path site = site();
        Path out = tmp.resolve("live");
        try (IncrementalBuilder builder = new IncrementalBuilder(site, out, TestSites.options())) {
            builder.build(Set.of());
            Path data = site.resolve("data/embeds/youtube/Kx7dQ2mVb4A.yaml");
            write(
                    site,
                    "data/embeds/youtube/Kx7dQ2mVb4A.yaml",
                    read(site, "data/embeds/youtube/Kx7dQ2mVb4A.yaml")
                            .replace("الإعلان الرسمي <script>alert(1)</script>", "عنوان جديد"));
            builder.build(Set.of(data));
            Document page = page(out, VIDEO + "index.html");
            assertEquals(
                    "عنوان جديد", page.selectFirst("figure.embed a.embed-title").text());
            Files.delete(data);
            builder.build(Set.of(data));
            assertNotNull(page(out, VIDEO + "index.html").selectFirst(".story-body p.embed-card"));
        }
        TestSites.assertSameFiles(build(site), out, "a full build of the same site");
    }
}
