package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.midad.BuildOptions;
import dev.midad.Site;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries typed into the built sample site's search page in a real headless Chromium (Debian's
 * {@code chromium}; skipped when it is not installed), served from loopback by a plain file server:
 * no server-side search, only the static files.
 */
class SearchBrowserTest {
    @TempDir
    static Path tmp;

    static HttpServer server;
    static final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong searchBytes = new AtomicLong();

    @BeforeAll
    static void buildAndServe() throws Exception {
        Assumptions.assumeTrue(hasChromium(), "chromium is not installed");
        Path out = tmp.resolve("site");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Site.load(Path.of("..", "content"), BuildOptions.defaults().withClock(clock))
                .build(out);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = URLDecoder.decode(
                    exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            requested.add(path);
            Path file = out.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(out) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (path.startsWith("/search/") && !path.equals("/search/") || path.endsWith("search.js")) {
                searchBytes.addAndGet(body.length);
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            name.endsWith(".html")
                                    ? "text/html; charset=utf-8"
                                    : name.endsWith(".js")
                                            ? "text/javascript"
                                            : name.endsWith(".json")
                                                    ? "application/json"
                                                    : name.endsWith(".css")
                                                            ? "text/css"
                                                            : name.endsWith(".svg")
                                                                    ? "image/svg+xml"
                                                                    : "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The search page after the script answered {@code query}, as Chromium's DOM. */
    private static Document search(String query) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/search/?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(tmp, "profile");
        Process chromium = new ProcessBuilder(
                        "chromium",
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--user-data-dir=" + profile,
                        "--virtual-time-budget=15000",
                        "--dump-dom",
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        Document page = Jsoup.parse(dom);
        Element results = page.getElementById("search-results");
        assertTrue(results != null && results.hasAttr("data-query"), "the script answered " + query + ":\n" + dom);
        assertEquals(query, results.attr("data-query"));
        return page;
    }

    private static List<String> titles(Document page) {
        return page.select("#search-results .search-result-title").eachText();
    }

    @Test
    void prefixedAndBareFormsFindTheArticle() throws Exception {
        Document page = search("حكومة");
        assertTrue(
                titles(page).contains("البرلمان الأوكراني يقر موازنة 2025 ويخصص أكثر من نصف الإنفاق للدفاع"),
                titles(page).toString());
        Element result = page.select("#search-results .search-result").stream()
                .filter(r -> r.selectFirst(".search-result-title").text().startsWith("البرلمان"))
                .findFirst()
                .orElseThrow();
        assertTrue(result.selectFirst("a").attr("href").startsWith("/2024/11/"), result.outerHtml());
        assertEquals("اقتصاد", result.selectFirst(".search-result-section").text());
        assertEquals("19 نوفمبر 2024", result.selectFirst(".card-date").text());
    }

    @Test
    void latinAcronymFoundWithoutItsHyphenHighlightedAndIsolated() throws Exception {
        Document page = search("f16");
        List<String> titles = titles(page);
        assertEquals(
                "أوكرانيا تعرض أولى مقاتلات F-16 بعد أكثر من عامين من المطالبات", titles.get(0), titles.toString());
        Element mark = page.selectFirst("#search-results .search-result-title bdi > mark");
        assertEquals("F-16", mark.text());
    }

    @Test
    void digitsInArabicIndicFindLatinDigitsAndMatchesAreMarked() throws Exception {
        Document page = search("موازنة ٢٠٢٥");
        assertEquals(
                "البرلمان الأوكراني يقر موازنة 2025 ويخصص أكثر من نصف الإنفاق للدفاع",
                titles(page).get(0));
        assertEquals(
                List.of("موازنة", "2025"),
                page.select("#search-results li:first-child .search-result-title mark")
                        .eachText());
    }

    @Test
    void aWordBeingTypedMatchesAsAPrefix() throws Exception {
        List<String> titles = titles(search("أودي"));
        assertTrue(titles.contains("صادرات الحبوب عبر موانئ أوديسا تقترب من مستويات ما قبل الحرب"), titles.toString());
        assertTrue(titles.contains("مهرجان للكتاب في أوديسا يجمع القراء رغم صفارات الإنذار"), titles.toString());
    }

    @Test
    void draftsAreNotFoundAndAMissSaysSo() throws Exception {
        Document page = search("مسودة"); // only the draft has the word
        assertEquals(List.of(), titles(page));
        assertEquals(
                "لا نتائج لـ«مسودة»؛ جرّب كلمة أخرى أو صيغة أقصر.",
                page.getElementById("search-status").text());
    }

    @Test
    void aQueryDownloadsOnlyAFewSmallFiles() throws Exception {
        requested.clear();
        searchBytes.set(0);
        search("كوريا الشمالية");
        List<String> index = requested.stream()
                .filter(p -> p.startsWith("/search/") && p.endsWith(".json"))
                .toList();
        assertTrue(index.size() <= 20, index.toString());
        assertTrue(searchBytes.get() < 60_000, "script and index bytes: " + searchBytes.get());
    }

    static boolean hasChromium() {
        return AnalyserParityTest.runs("chromium", "--version");
    }
}
