package dev.midad.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.midad.media.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a built site on the loopback interface for preview: UTF-8 content types, percent-encoded Arabic
 * paths, {@code index.html} for folders, the site's {@code 404.html} for anything missing, and nothing
 * outside the site folder: no {@code ..}, no symbolic links leading out, no directory listings (a folder
 * without {@code index.html} is "not found"). It only ever binds to the loopback interface, so nobody else on
 * the network can read drafts.
 */
public final class PreviewServer implements AutoCloseable {
    /** Polled by the reload script injected into HTML pages while live reloading. */
    static final String VERSION_PATH = "/__midad/version";
    /**
     * Polls the version and reloads when it differs from the one the page was served with ({@code %d}, filled in
     * per response): a page that took its baseline from its first poll would miss a save made in between.
     */
    private static final String RELOAD_SCRIPT = "<script>(()=>{const v='%d';setInterval(async()=>{try{"
            + "const r=await fetch('" + VERSION_PATH + "',{cache:'no-store'});const t=await r.text();"
            + "if(t!==v)location.reload();}catch(e){}},700);})();</script>";

    private final Path root;
    private final HttpServer server;
    private final boolean live;
    private final AtomicLong version = new AtomicLong();
    private volatile String errorPage;

    /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
    public PreviewServer(Path root, int port) throws IOException {
        this(root, port, false);
    }

    /**
     * @param live inject a small script into HTML pages that reloads them after {@link #reload()}
     */
    public PreviewServer(Path root, int port, boolean live) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.live = live;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new BindException("port " + port + " is already in use (another preview or server runs there):"
                    + " stop it, or choose another port, e.g. --port " + (port == 8080 ? 8081 : 8080)
                    + " (Maven: -Dmidad.port=" + (port == 8080 ? 8081 : 8080) + ")");
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "midad-preview");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** Tells open pages to reload (they poll a version number). */
    public void reload() {
        version.incrementAndGet();
    }

    /** Shows {@code html} instead of every page until {@link #clearError()}: a broken build's report. */
    public void showError(String html) {
        errorPage = html;
        reload();
    }

    public void clearError() {
        errorPage = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            // Taken before the file is read: a rebuild that ends in between makes the page reload once more,
            // never miss the change.
            long served = version.get();
            if (live && rawPath.equals(VERSION_PATH)) {
                send(
                        exchange,
                        200,
                        "text/plain; charset=utf-8",
                        String.valueOf(version.get()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String error = errorPage;
            if (error != null && (rawPath.endsWith("/") || rawPath.endsWith(".html"))) {
                send(
                        exchange,
                        500,
                        "text/html; charset=utf-8",
                        withReload(error.getBytes(StandardCharsets.UTF_8), served));
                return;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad path".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = inside(decoded);
            if (file == null) {
                send(exchange, 403, "text/plain; charset=utf-8", "forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!rawPath.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", rawPath + "/");
                    send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (Files.isRegularFile(file)) {
                String type = contentType(file);
                byte[] body = Files.readAllBytes(file);
                send(exchange, 200, type, type.startsWith("text/html") ? withReload(body, served) : body);
                return;
            }
            Path notFound = root.resolve("404.html");
            byte[] body = Files.isRegularFile(notFound)
                    ? Files.readAllBytes(notFound)
                    : "not found".getBytes(StandardCharsets.UTF_8);
            send(exchange, 404, "text/html; charset=utf-8", body);
        }
    }

    /**
     * The file a decoded request path names, or null when it is not inside the site: {@code ..} segments,
     * NUL bytes, names the file system cannot hold, and symbolic links that lead out of the site folder.
     * A path that does not exist yet is fine (it gets the 404 page).
     */
    private Path inside(String decoded) {
        if (decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0) {
            return null;
        }
        Path file;
        try {
            file = root.resolve(decoded.replaceFirst("^/+", "")).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.exists(file)) {
            try {
                if (!file.toRealPath().startsWith(root.toRealPath())) {
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
        }
        return file;
    }

    /** The page with the reload script (knowing version {@code served}) before {@code </body>} when live reloading; unchanged otherwise. */
    private byte[] withReload(byte[] html, long served) {
        if (!live) {
            return html;
        }
        String page = new String(html, StandardCharsets.UTF_8);
        String script = RELOAD_SCRIPT.formatted(served);
        int end = page.lastIndexOf("</body>");
        page = end < 0 ? page + script : page.substring(0, end) + script + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    static String contentType(Path file) {
        return MediaTypes.contentType(file.getFileName().toString());
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
