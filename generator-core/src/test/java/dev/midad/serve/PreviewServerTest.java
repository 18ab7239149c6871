package dev.midad.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {
    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(PreviewServer server, String rawPath) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + rawPath)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void servesArabicPathsAsUtf8AndRefusesTheRest() throws Exception {
        Path site = tmp.resolve("site");
        TestSites.write(site, "2024/06/بوتين/index.html", "<p>بوتين</p>");
        TestSites.write(site, "404.html", "<p>غير موجود</p>");
        TestSites.write(tmp, "secret.txt", "secret");
        try (PreviewServer server = new PreviewServer(site, 0)) {
            assertTrue(server.url().startsWith("http://127.0.0.1:"));

            HttpResponse<String> page = get(server, "2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86/");
            assertEquals(200, page.statusCode());
            assertEquals(
                    "text/html; charset=utf-8",
                    page.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("<p>بوتين</p>", page.body());

            HttpResponse<String> folder = get(server, "2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86");
            assertEquals(301, folder.statusCode());

            HttpResponse<String> missing = get(server, "nothing-here/");
            assertEquals(404, missing.statusCode());
            assertEquals("<p>غير موجود</p>", missing.body());

            assertFalse(rawRequest(server, "/../secret.txt").contains("secret\r\n")
                    || rawRequest(server, "/../secret.txt").endsWith("secret"));
            assertTrue(rawRequest(server, "/%2e%2e/secret.txt").startsWith("HTTP/1.1 403"));
        }
    }

    /** A request line sent as written, without a client normalising the path first. */
    private static String rawRequest(PreviewServer server, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void aPageKnowsTheVersionItWasServedWithSoASaveRightAfterLoadingShows() throws Exception {
        Path site = tmp.resolve("site");
        TestSites.write(site, "index.html", "<html><body><p>أ</p></body></html>");
        try (PreviewServer server = new PreviewServer(site, 0, true)) {
            String page = get(server, "").body();
            // the save lands before the page's first poll (within ~0.3 s of loading)
            server.reload();
            String now = get(server, "__midad/version").body();
            java.util.regex.Matcher baseline =
                    java.util.regex.Pattern.compile("const v='(\\d+)'").matcher(page);
            assertTrue(baseline.find(), page);
            assertFalse(baseline.group(1).equals(now), "the page's baseline predates the save, so it reloads");
            assertTrue(get(server, "").body().contains("const v='" + now + "'"), "a page served now is current");
        }
    }

    @Test
    void aBusyPortIsNamedWithTheFix() throws Exception {
        try (PreviewServer first = new PreviewServer(tmp, 0)) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IOException.class, () -> new PreviewServer(tmp, first.port()));
            assertTrue(e.getMessage().contains("port " + first.port() + " is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("--port"), e.getMessage());
        }
    }
}
