package dev.midad.fetch;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.midad.Site;
import dev.midad.TestSites;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code midad embeds fetch} against a stub of the platforms this test starts on the loopback interface (never
 * the network), serving stored fixtures, hostile ones included: markup and scripts in the answers, a body too
 * large, a wrong media type, a 404, a server that never answers, redirects. What is stored is plain text in the
 * form the build reads, and the next (offline) build shows it.
 */
class EmbedFetchTest {
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @TempDir
    Path tmp;

    HttpServer server;
    ExecutorService threads;
    URI base;
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        respond("/youtube/oembed", 200, "application/json", """
                {"title": "<script>alert(1)</script>أسبوع الفيلم الوثائقي &amp; كييف",
                 "author_name": "Kyiv Documentary Week", "author_url": "https://www.youtube.com/@kyivdocweek",
                 "thumbnail_url": "%s/vi/Kx7dQ2mVb4A/hqdefault.jpg", "type": "video",
                 "html": "<iframe src=\\"https://www.youtube.com/embed/Kx7dQ2mVb4A\\"></iframe>"}
                """.formatted(base));
        server.createContext("/vi/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, JPEG.length);
            exchange.getResponseBody().write(JPEG);
            exchange.close();
        });
        respond("/x/oembed", 200, "application/json; charset=utf-8", """
                {"author_name": "Ukraine Portal", "author_url": "https://x.com/ukraine_portal",
                 "html": "<blockquote class=\\"twitter-tweet\\"><p lang=\\"ar\\" dir=\\"rtl\\">سطر أول<br>سطر <a href=\\"https://t.co/x\\">ثانٍ</a><img src=x onerror=alert(2)></p>&mdash; Ukraine Portal (@ukraine_portal) <a href=\\"https://twitter.com/ukraine_portal/status/1849512345678901234\\">October 24, 2024</a></blockquote>\\n<script async src=\\"https://platform.twitter.com/widgets.js\\"></script>"}
                """);
        respond("/pages/t.me/ukraine_news/4521", 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><meta property="og:title" content="ignored"></head><body>
                <div class="tgme_widget_message_owner_name"><span dir="auto">أخبار <i>أوكرانيا</i></span></div>
                <div class="tgme_widget_message_text js-message_text" dir="auto">صفارات الإنذار في كييف<br/>التفاصيل
                <script>alert(3)</script><style>p{}</style> لاحقاً</div>
                <a class="tgme_widget_message_date" href="https://t.me/ukraine_news/4521"><time
                  datetime="2024-10-24T10:05:00+00:00" class="time">10:05</time></a></body></html>
                """);
        respond("/vimeo/oembed", 200, "application/json", "{\"title\": \"" + "x".repeat(300 << 10) + "\"}");
        respond("/tiktok/oembed", 200, "text/html", "<html><body>{\"title\": \"a login wall\"}</body></html>");
        respond("/pages/www.instagram.com/p/ABCdef123/", 404, "text/html", "<h1>not found</h1>");
        server.createContext("/pages/www.facebook.com/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            try {
                Thread.sleep(10_000); // never answers in time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void respond(String path, int status, String type, String body) {
        server.createContext(path, exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private Path site() throws IOException {
        Path dir = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(dir, "articles/2024/10/embeds.md", """
                ---
                title: ما نشرته المنصات
                date: 2024-10-24T16:00:00+03:00
                slug: embeds
                ---
                https://www.youtube.com/watch?v=Kx7dQ2mVb4A

                https://x.com/ukraine_portal/status/1849512345678901234

                https://t.me/ukraine_news/4521

                https://vimeo.com/76979871

                https://www.tiktok.com/@someone/video/7123456789012345678

                https://www.instagram.com/p/ABCdef123/

                https://www.facebook.com/somepage/posts/12345
                """);
        return dir;
    }

    private EmbedFetch.Outcome fetch(Path site) {
        return EmbedFetch.run(site, Endpoints.under(base), Duration.ofSeconds(3), line -> {});
    }

    @Test
    void whatThePlatformsSayIsStoredAsPlainTextAndTheNextBuildShowsIt() throws Exception {
        Path site = site();
        EmbedFetch.Outcome outcome = fetch(site);
        assertTrue(outcome.siteRead());
        assertEquals(
                List.of(
                        Path.of("data/embeds/youtube/Kx7dQ2mVb4A.yaml"),
                        Path.of("data/embeds/x/1849512345678901234.yaml"),
                        Path.of("data/embeds/telegram/ukraine_news-4521.yaml")),
                outcome.stored());
        assertTrue(
                asked.contains(
                        "/youtube/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DKx7dQ2mVb4A&format=json"),
                asked::toString);

        assertEquals("""
                # https://www.youtube.com/watch?v=Kx7dQ2mVb4A
                # from YouTube's oEmbed answer (plain text only), stored by 'midad embeds fetch': edit freely, it is not fetched again
                title: أسبوع الفيلم الوثائقي & كييف
                author: Kyiv Documentary Week
                author_url: https://www.youtube.com/@kyivdocweek
                thumbnail: /embeds/youtube/Kx7dQ2mVb4A.jpg
                """, read(site, "data/embeds/youtube/Kx7dQ2mVb4A.yaml"));
        assertTrue(
                java.util.Arrays.equals(
                        JPEG, Files.readAllBytes(site.resolve("static/embeds/youtube/Kx7dQ2mVb4A.jpg"))),
                "the thumbnail is served by the site, not by the platform");
        String x = read(site, "data/embeds/x/1849512345678901234.yaml");
        assertTrue(x.contains("author: Ukraine Portal\n"), x);
        // the post's time is in its id (X's ids count milliseconds since 2010-11-04)
        assertTrue(x.contains("uploaded: 2024-10-24T18:04:40Z\n"), x);
        String telegram = read(site, "data/embeds/telegram/ukraine_news-4521.yaml");
        assertTrue(telegram.contains("author: أخبار أوكرانيا\n"), telegram);
        assertTrue(telegram.contains("author_url: https://t.me/ukraine_news\n"), telegram);
        assertTrue(telegram.contains("uploaded: 2024-10-24T10:05:00Z\n"), telegram);
        for (String stored : List.of(x, telegram)) {
            assertFalse(
                    stored.contains("<") || stored.contains("alert") || stored.contains("onerror"),
                    "text only, never the platform's HTML: " + stored);
        }
        try (Stream<Path> files = Files.walk(site.resolve("data/embeds"))) {
            assertEquals(3, files.filter(Files::isRegularFile).count(), "no temporary file is left behind");
        }

        Map<String, String> failed = outcome.failed();
        assertEquals(
                Set.of(
                        "https://vimeo.com/76979871",
                        "https://www.tiktok.com/@someone/video/7123456789012345678",
                        "https://www.instagram.com/p/ABCdef123/",
                        "https://www.facebook.com/somepage/posts/12345/"),
                failed.keySet());
        assertTrue(failed.get("https://vimeo.com/76979871").contains("more than 256 KiB"), failed::toString);
        assertTrue(
                failed.get("https://www.tiktok.com/@someone/video/7123456789012345678")
                        .contains("answered with 'text/html', not application/json"),
                failed::toString);
        assertTrue(failed.get("https://www.instagram.com/p/ABCdef123/").contains("HTTP 404"), failed::toString);
        assertTrue(
                failed.get("https://www.facebook.com/somepage/posts/12345/").contains("within 3 s"), failed::toString);

        // the build that follows reads only the stored files
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        Document page = Jsoup.parse(read(out, "2024/10/embeds/index.html"));
        Element video = page.selectFirst(".story-body figure.embed-youtube");
        assertNotNull(video, page.selectFirst(".story-body")::html);
        assertEquals("/embeds/youtube/Kx7dQ2mVb4A.jpg", video.selectFirst("img").attr("src"));
        assertEquals(
                "أسبوع الفيلم الوثائقي & كييف",
                video.selectFirst(".embed-title").text());
        assertTrue(Files.isRegularFile(out.resolve("embeds/youtube/Kx7dQ2mVb4A.jpg")));
        Element post = page.selectFirst(".story-body figure.embed-x blockquote");
        assertEquals("سطر أول\nسطر ثانٍ", post.selectFirst("p").wholeText().replace("\r", ""), post::outerHtml);
        Element channel = page.selectFirst(".story-body figure.embed-telegram");
        assertEquals(
                "صفارات الإنذار في كييف التفاصيل لاحقاً",
                channel.selectFirst("blockquote p").text());
        assertEquals("أخبار أوكرانيا", channel.selectFirst(".embed-title").text());
        assertEquals(4, page.select(".story-body p.embed-card").size(), "what could not be fetched is a link card");
        assertTrue(page.select(".story-body script, .story-body [onerror]").isEmpty());

        // stored data is not asked for again; what failed is
        asked.clear();
        EmbedFetch.Outcome again = fetch(site);
        assertEquals(List.of(), again.stored());
        assertEquals(4, again.failed().size());
        assertTrue(asked.stream().noneMatch(a -> a.startsWith("/youtube") || a.startsWith("/x/")), asked::toString);
    }

    @Test
    void redirectsAreFollowedAFewTimesOnlyAndNeverToPlainHttpOrIntoThisMachine() throws Exception {
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/plain", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://example.invalid/page");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/to-oembed", exchange -> {
            exchange.getResponseHeaders().set("Location", "/youtube/oembed");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        PlatformHttp http = new PlatformHttp(Duration.ofSeconds(2));
        assertTrue(
                http.get(base.resolve("/to-oembed"), Platforms.JSON, 1 << 20)
                        .text()
                        .contains("kyivdocweek"),
                "a redirect within the same origin is followed");
        assertRefused(
                () -> http.get(base.resolve("/loop"), Platforms.JSON, 1 << 20),
                "redirected more than " + PlatformHttp.MAX_REDIRECTS + " times");
        assertRefused(() -> http.get(base.resolve("/plain"), Platforms.JSON, 1 << 20), "only https addresses");
        assertRefused(
                () -> http.get(URI.create("http://example.invalid/"), Platforms.JSON, 1 << 20), "only https addresses");
    }

    private interface Call {
        void run() throws PlatformHttp.Refused;
    }

    private static void assertRefused(Call call, String expected) {
        try {
            call.run();
        } catch (PlatformHttp.Refused e) {
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            return;
        }
        throw new AssertionError("not refused; expected: " + expected);
    }

    @Test
    void aSiteWithoutEmbedsOrWithAllStoredAsksNothing() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("plain")));
        EmbedFetch.Outcome outcome = fetch(site);
        assertEquals(List.of(), outcome.stored());
        assertEquals(Map.of(), outcome.failed());
        assertEquals(List.of(), asked);
        assertEquals("every embed has its data already (0 stored)", outcome.summary());
    }
}
