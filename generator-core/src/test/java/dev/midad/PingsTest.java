package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IndexNow and WebSub pings after a build, against a stub server this test starts on the loopback interface
 * (never the network): exactly the changed pages and feeds are sent, and a failing endpoint is a warning only.
 */
class PingsTest {
    private static final String KEY = "3f8a0c1e9b7d4a6f";

    @TempDir
    Path tmp;

    HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Problem> warnings = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : List.of("/indexnow", "/hub", "/broken")) {
            server.createContext(path, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
                exchange.sendResponseHeaders(path.equals("/broken") ? 500 : path.equals("/hub") ? 204 : 200, -1);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private String stub(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Path site(String indexNow, String hub) throws IOException {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(site, "site.yaml", read(site, "site.yaml") + """
                pings:
                  indexnow: {key: %s, endpoint: "%s"}
                  websub: {hub: "%s"}
                """.formatted(KEY, indexNow, hub));
        return site;
    }

    private BuildOptions options() {
        return TestSites.options().withListener(new BuildListener() {
            @Override
            public void phase(String phase, int count, Duration elapsed) {}

            @Override
            public void warning(Problem warning) {
                warnings.add(warning);
            }
        });
    }

    @Test
    void theChangedPagesGoToIndexNowAndTheChangedFeedsToTheHub() throws Exception {
        Path site = site(stub("/indexnow"), stub("/hub"));
        Path out = tmp.resolve("target/site");
        CachedBuilder.Outcome first = CachedBuilder.build(site, out, options(), false);
        assertEquals(List.of(), requests, "the first build into a folder pings nothing");
        assertEquals(KEY, read(out, KEY + ".txt"), "the key file IndexNow checks");
        assertTrue(first.changes().added().contains(KEY + ".txt"));

        write(
                site,
                "articles/2024/08/third.md",
                read(site, "articles/2024/08/third.md").replace("الثالث", "الثالث، محدثاً"));
        CachedBuilder.Outcome edited = CachedBuilder.build(site, out, options(), false);
        List<String> changed = Stream.concat(edited.changes().changed().stream(), edited.changes().added().stream())
                .sorted()
                .toList();
        String article = "2024/08/صادرات-الحبوب-من-أوديسا/index.html";
        assertTrue(changed.contains(article), changed::toString);

        String base = "https://test.example/";
        List<String> pages = changed.stream()
                .filter(f -> f.endsWith("index.html") && !f.endsWith("amp/index.html"))
                .map(f -> base + dev.midad.text.UrlPaths.encode(f.substring(0, f.length() - "index.html".length())))
                .toList();
        List<String> feeds = changed.stream()
                .filter(f -> f.endsWith("rss.xml") || f.endsWith("atom.xml") || f.endsWith("feed.json"))
                .map(f -> base + dev.midad.text.UrlPaths.encode(f))
                .toList();
        assertTrue(feeds.contains(base + "rss.xml"), feeds::toString);
        List<String> expected = new ArrayList<>();
        expected.add("POST /indexnow application/json; charset=utf-8\n{\"host\":\"test.example\",\"key\":\"" + KEY
                + "\",\"keyLocation\":\"" + base + KEY + ".txt\",\"urlList\":["
                + pages.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(",")) + "]}");
        for (String feed : feeds) {
            expected.add("POST /hub application/x-www-form-urlencoded\nhub.mode=publish&hub.url="
                    + URLEncoder.encode(feed, StandardCharsets.UTF_8));
        }
        assertEquals(expected, requests);
        assertTrue(
                pages.contains(base + "2024/08/%D8%B5%D8%A7%D8%AF%D8%B1%D8%A7%D8%AA-%D8%A7%D9%84%D8%AD%D8%A8%D9%88"
                        + "%D8%A8-%D9%85%D9%86-%D8%A3%D9%88%D8%AF%D9%8A%D8%B3%D8%A7/"),
                pages::toString);
        assertTrue(
                edited.lines().contains("Midad: pinged IndexNow (" + pages.size() + " addresses): 200"),
                edited.lines()::toString);
        assertEquals(List.of(), warnings);

        requests.clear();
        CachedBuilder.build(site, out, options(), false);
        assertEquals(List.of(), requests, "nothing changed: nothing sent");
    }

    @Test
    void aFailingEndpointIsAWarningAndTheSiteIsBuilt() throws Exception {
        Path site = site(stub("/broken"), "http://127.0.0.1:1/hub");
        Path out = tmp.resolve("target/site");
        CachedBuilder.build(site, out, options(), false);
        write(
                site,
                "articles/2024/08/third.md",
                read(site, "articles/2024/08/third.md").replace("الثالث", "الثالث، محدثاً"));
        CachedBuilder.Outcome edited = CachedBuilder.build(site, out, options(), false);
        assertTrue(read(out, "2024/08/صادرات-الحبوب-من-أوديسا/index.html").contains("محدثاً"));
        assertEquals(1, requests.size(), requests::toString);
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.message()
                                .startsWith("the ping to IndexNow at " + stub("/broken") + " was refused (500)")),
                warnings::toString);
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.message().startsWith("the ping to WebSub")
                                && w.message().contains("failed")),
                warnings::toString);
        assertTrue(edited.lines().stream().noneMatch(l -> l.startsWith("Midad: pinged")), edited.lines()::toString);
    }

    @Test
    void badPingSettingsStopTheBuildWithTheirFix() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(site, "site.yaml", read(site, "site.yaml") + """
                pings:
                  indexnow: {key: "../x"}
                  websub: {hub: "http://hub.example/"}
                """);
        BuildException e = assertThrows(
                BuildException.class, () -> CachedBuilder.build(site, tmp.resolve("out"), options(), false));
        assertTrue(e.getMessage().contains("'pings: indexnow: key' must be 8 to 128 letters"), e.getMessage());
        assertTrue(
                e.getMessage().contains("'pings: websub: hub' must be an https address, not 'http://hub.example/'"),
                e.getMessage());
    }
}
