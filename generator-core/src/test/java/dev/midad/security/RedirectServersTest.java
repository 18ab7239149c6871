package dev.midad.security;

import static org.junit.jupiter.api.Assertions.fail;

import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.text.UrlPaths;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx and Apache rule files Midad writes, served by the real servers: each is started on loopback with a
 * configuration of its own in a temporary folder (no service, no system paths), serving a built site whose old
 * addresses are Arabic (written percent-encoded and as is), Latin, and full of characters that mean something
 * to a server configuration (space, {@code # $ ; { } ( ) + & ' % [ ] ^ , = @ !}). Every old address is asked
 * for as Midad's own links encode it and as {@link URI} (like a browser) encodes it: the answer must be a 301
 * to the exact new address, never the redirect page (a 200 would mean the rule did not match).
 *
 * <p>Without the servers (Debian packages {@code nginx} and {@code apache2}) the tests are skipped, unless
 * {@code -Dmidad.requireServers=true} (CI sets it when it installed them): then they fail.
 */
class RedirectServersTest {
    private static final String HOST = "127.0.0.1";

    @TempDir
    static Path tmp;

    private static Path out;

    /** Old address (decoded) → new address (decoded). */
    private static final List<String[]> ALIASES = List.of(
            new String[] {"/2019/05/بوتين/", "/2024/06/قمة-الناتو/"},
            new String[] {"/أخبار/قمة قديمة/", "/2024/06/قمة-الناتو/"},
            new String[] {"/archives/4711/", "/2024/06/nato-summit/"},
            new String[] {"/archive/story.php", "/2024/06/nato-summit/"},
            new String[] {"/old news/a+b&c (1)/", "/2024/06/odd/"},
            new String[] {"/100% sure/", "/2024/06/odd/"},
            new String[] {"/c#-news/x$y;z{1}/", "/2024/06/odd/"},
            new String[] {"/[draft]^2,=@!'/", "/2024/06/odd/"});

    @BeforeAll
    static void buildSite() throws Exception {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", """
                title: بوابة الاختبار
                base_url: https://test.example/
                time_zone: Asia/Riyadh
                """);
        TestSites.write(site, "articles/2024/06/nato.md", """
                ---
                title: قمة الناتو
                date: 2024-06-20T10:00:00+03:00
                slug: قمة-الناتو
                wp_id: 123
                aliases:
                  - /2019/05/%D8%A8%D9%88%D8%AA%D9%8A%D9%86/
                  - /أخبار/قمة قديمة/
                ---
                نص الخبر.
                """);
        TestSites.write(site, "articles/2024/06/latin.md", """
                ---
                title: NATO summit
                date: 2024-06-21T10:00:00+03:00
                slug: nato-summit
                aliases: [/archives/4711/, /archive/story.php]
                ---
                نص الخبر الثاني.
                """);
        TestSites.write(site, "articles/2024/06/odd.md", """
                ---
                title: عنوان غريب
                date: 2024-06-22T10:00:00+03:00
                slug: odd
                aliases:
                  - "/old news/a+b&c (1)/"
                  - "/100%25 sure/"
                  - "/c%23-news/x$y;z{1}/"
                  - "/[draft]^2,=@!'/"
                ---
                نص الخبر الثالث.
                """);
        TestSites.write(site, "articles/2024/06/gone.md", """
                ---
                title: خبر سحب
                date: 2024-06-19T10:00:00+03:00
                expires: 2024-06-25T10:00:00+03:00
                slug: خبر-سحب
                ---
                نص خبر انتهت مدته.
                """);
        out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        // the servers' workers may run as another user (nobody, www-data) when the test runs as root
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void nginxAnswersEveryOldAddressWithTheRule() throws Exception {
        Path nginx = binary("nginx").orElse(null);
        requireServer(nginx, "nginx");
        Path dir = Files.createDirectories(tmp.resolve("nginx"));
        int port = freePort();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 32; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    types { text/html html; }
                    server {
                        listen %2$s:%3$d;
                        root %4$s;
                        include %4$s/redirects.nginx.conf;
                    }
                }
                """.formatted(dir, HOST, port, out), StandardCharsets.UTF_8);
        try (Server server = Server.start(
                dir.resolve("error.log"),
                port,
                nginx.toString(),
                "-e",
                dir.resolve("error.log").toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString())) {
            assertRules(server);
        }
    }

    @Test
    void apacheAnswersEveryOldAddressWithTheHtaccessRule() throws Exception {
        Path apache = binary("apache2").or(() -> binary("httpd")).orElse(null);
        requireServer(apache, "Apache httpd (apache2)");
        Optional<Path> modules = Stream.of(
                        "/usr/lib/apache2/modules",
                        "/usr/lib64/httpd/modules",
                        "/usr/lib/httpd/modules",
                        "/usr/local/apache2/modules")
                .map(Path::of)
                .filter(p -> Files.isRegularFile(p.resolve("mod_rewrite.so")))
                .findFirst();
        requireServer(modules.orElse(null), "Apache's modules (mod_rewrite.so)");
        Path dir = Files.createDirectories(tmp.resolve("apache"));
        int port = freePort();
        StringBuilder load = new StringBuilder();
        String compiledIn = run(apache.toString(), "-l");
        for (String module : List.of("mpm_prefork", "unixd", "authz_core", "dir", "mime", "rewrite")) {
            if (!compiledIn.contains("mod_" + module + ".c")) {
                load.append("LoadModule %s_module %s/mod_%s.so\n".formatted(module, modules.get(), module));
            }
        }
        Files.writeString(
                dir.resolve("httpd.conf"),
                """
                %1$s
                ServerRoot %2$s
                ServerName %3$s
                Listen %3$s:%4$d
                PidFile %2$s/httpd.pid
                DefaultRuntimeDir %2$s
                ErrorLog %2$s/error.log
                LogLevel warn
                %6$s
                DocumentRoot %5$s
                DirectoryIndex index.html
                TypesConfig /dev/null
                <Directory />
                    AllowOverride None
                    Require all denied
                </Directory>
                <Directory %5$s>
                    AllowOverride All
                    Require all granted
                </Directory>
                """.formatted(
                        load,
                        dir,
                        HOST,
                        port,
                        out,
                        isRoot() ? "User nobody\nGroup " + (groupExists("nogroup") ? "nogroup" : "nobody") : ""),
                StandardCharsets.UTF_8);
        try (Server server = Server.start(
                dir.resolve("error.log"),
                port,
                apache.toString(),
                "-X",
                "-f",
                dir.resolve("httpd.conf").toString())) {
            assertRules(server);
        }
    }

    /** Every old address in both encodings, the WordPress ?p= link, and the new pages themselves. */
    private static void assertRules(Server server) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<String> wrong = new ArrayList<>();
        String origin = "http://" + HOST + ":" + server.port;
        for (String[] alias : ALIASES) {
            String expected = origin + uriEncoded(alias[1]);
            for (String request : List.of(UrlPaths.encode(alias[0]), uriEncoded(alias[0]))) {
                check(client, origin + request, 301, expected, wrong);
            }
            check(client, expected, 200, null, wrong);
        }
        check(client, origin + "/?p=123", 301, origin + uriEncoded("/2024/06/قمة-الناتو/"), wrong);
        check(client, origin + "/?p=1234", 200, null, wrong);
        check(client, origin + "/?x=1&p=123", 301, origin + uriEncoded("/2024/06/قمة-الناتو/"), wrong);
        check(client, origin + uriEncoded("/2019/05/بوتين-آخر/"), 404, null, wrong);
        // an article past its expires: "410 Gone", however the address is encoded
        check(client, origin + UrlPaths.encode("/2024/06/خبر-سحب/"), 410, null, wrong);
        check(client, origin + uriEncoded("/2024/06/خبر-سحب/"), 410, null, wrong);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " answers are wrong:\n  " + String.join("\n  ", wrong) + "\nserver log:\n"
                    + server.log());
        }
    }

    private static void check(HttpClient client, String url, int status, String location, List<String> wrong)
            throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String got = response.statusCode() + " "
                + response.headers().firstValue("Location").orElse("(no Location)");
        String want = status + " " + (location == null ? "(no Location)" : location);
        if (!got.equals(want)) {
            wrong.add(url + ": " + got + ", expected " + want);
        }
    }

    /** A decoded path encoded by {@link URI}: only what a URI may not hold as is, like a browser. */
    private static String uriEncoded(String path) throws URISyntaxException {
        return new URI(null, null, path, null).toASCIIString();
    }

    private static void requireServer(Object found, String what) {
        String why = what + " is not installed (Debian: apt-get install nginx apache2)";
        if (found == null) {
            if (Boolean.getBoolean("midad.requireServers")) {
                fail(why + ", and midad.requireServers=true");
            }
            Assumptions.abort(why + ": the real-server redirect test is skipped");
        }
    }

    private static Optional<Path> binary(String name) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        return dirs.stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean isRoot() throws Exception {
        return run("id", "-u").strip().equals("0");
    }

    private static boolean groupExists(String group) throws IOException {
        return Files.readAllLines(Path.of("/etc/group")).stream().anyMatch(l -> l.startsWith(group + ":"));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** A server process in the foreground; closing stops it. */
    private record Server(Process process, Path logFile, int port) implements AutoCloseable {
        static Server start(Path log, int port, String... command) throws Exception {
            Path console = log.resolveSibling("console.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
            Server server = new Server(process, log, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail(command[0] + " stopped at once (exit " + process.exitValue() + "):\n"
                            + Files.readString(console) + server.log());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(HOST, port), 200);
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            server.close();
            fail(command[0] + " did not listen on " + port + " within 20 s:\n" + server.log());
            return server;
        }

        String log() throws IOException {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "(no log)";
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
