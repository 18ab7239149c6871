package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import dev.midad.serve.PreviewServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preview server shows the built site to its author and to nobody else, and nothing but the site. */
class PreviewServerHardeningTest {
    @TempDir
    Path tmp;

    private Path site() throws IOException {
        Path site = tmp.resolve("site");
        TestSites.write(site, "index.html", "<p>الرئيسية</p>");
        TestSites.write(site, "2024/06/بوتين-كوريا/index.html", "<p>بوتين</p>");
        TestSites.write(site, "images/خريطة.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        TestSites.write(site, "404.html", "<p>غير موجود</p>");
        TestSites.write(site, "empty-folder/readme.txt", "not an index");
        TestSites.write(tmp, "secret.txt", "TOP-SECRET");
        return site;
    }

    @Test
    void bindsToLoopbackOnly() throws Exception {
        try (PreviewServer server = new PreviewServer(site(), 0)) {
            assertTrue(server.url().startsWith("http://127.0.0.1:"));
            Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(this::up)
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
            if (external.isPresent()) { // a machine with a network: the port is closed there
                try (Socket socket = new Socket()) {
                    assertThrows(
                            IOException.class,
                            () -> socket.connect(new InetSocketAddress(external.get(), server.port()), 2_000));
                }
            }
        }
    }

    @Test
    void servesPercentEncodedArabicPaths() throws Exception {
        try (PreviewServer server = new PreviewServer(site(), 0)) {
            String page = get(server, "/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7/");
            assertTrue(page.startsWith("HTTP/1.1 200"), page);
            assertTrue(page.toLowerCase(Locale.ROOT).contains("content-type: text/html; charset=utf-8"), page);
            assertTrue(page.endsWith("<p>بوتين</p>"), page);
            String image = get(server, "/images/%D8%AE%D8%B1%D9%8A%D8%B7%D8%A9.svg");
            assertTrue(image.startsWith("HTTP/1.1 200") && image.contains("image/svg+xml"), image);
            assertTrue(get(server, "/2024/06/%D8%A8").startsWith("HTTP/1.1 404"), "no prefix matching");
            assertTrue(get(server, "/%D8").startsWith("HTTP/1.1 40"), "a cut-off escape is an error, not a crash");
        }
    }

    /** Request paths as an attacker would send them, unnormalised, straight onto the socket. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../secret.txt",
                "/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E%2Fsecret.txt",
                "/..%2fsecret.txt",
                "/2024/../../secret.txt",
                "/%2e%2e%5csecret.txt",
                "/..%5c..%5csecret.txt",
                "/%252e%252e/secret.txt",
                "/%c0%ae%c0%ae/secret.txt",
                "/secret.txt%00.html",
                "/link-out/secret.txt",
                "/link-file.txt",
                "//../secret.txt",
                "/./../secret.txt",
            })
    void nothingOutsideTheSiteIsServed(String path) throws Exception {
        Path site = site();
        Files.createSymbolicLink(site.resolve("link-out"), tmp);
        Files.createSymbolicLink(site.resolve("link-file.txt"), tmp.resolve("secret.txt"));
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String response = get(server, path);
            assertFalse(response.contains("TOP-SECRET"), path + " leaked:\n" + response);
            assertFalse(response.startsWith("HTTP/1.1 200"), path + ":\n" + response);
        }
    }

    /** A folder without index.html is "not found": no listing of what it holds, inside the site or out. */
    @Test
    void noDirectoryListings() throws Exception {
        try (PreviewServer server = new PreviewServer(site(), 0)) {
            String folder = get(server, "/empty-folder/");
            assertTrue(folder.startsWith("HTTP/1.1 404"), folder);
            assertFalse(folder.contains("readme.txt"), folder);
            assertTrue(folder.endsWith("<p>غير موجود</p>"), "the site's own 404 page");
            for (String path : List.of("/", "/2024/", "/2024/06/")) {
                String page = get(server, path);
                assertFalse(page.contains("بوتين-كوريا") && !page.contains("<p>"), path + " listed");
            }
        }
    }

    @Test
    void onlyGetAndHead() throws Exception {
        try (PreviewServer server = new PreviewServer(site(), 0)) {
            assertTrue(request(server, "DELETE / HTTP/1.1").startsWith("HTTP/1.1 405"));
            assertTrue(request(server, "PUT /x.html HTTP/1.1").startsWith("HTTP/1.1 405"));
            assertFalse(Files.exists(tmp.resolve("site/x.html")));
        }
    }

    private boolean up(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    private static String get(PreviewServer server, String rawPath) throws IOException {
        return request(server, "GET " + rawPath + " HTTP/1.1");
    }

    /** Sends the request line as written: no client normalises the path first. */
    private static String request(PreviewServer server, String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
