package dev.midad.publish;

import dev.midad.model.FeedFormat;
import dev.midad.problem.Problem;
import dev.midad.text.UrlPaths;
import dev.midad.write.Changes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * After a successful build, tells search engines and feed readers what changed: the addresses of the pages it
 * added, changed or deleted go to IndexNow (one POST of JSON per 10,000), the address of every changed feed to a
 * WebSub hub ({@code hub.mode=publish}). Configured in site.yaml, off unless asked for:
 *
 * <pre>
 * pings:
 *   indexnow:
 *     key: 3f8a0c1e9b7d4a6f        # written to the output as /3f8a0c1e9b7d4a6f.txt
 *     endpoint: https://api.indexnow.org/indexnow   # the default
 *   websub:
 *     hub: https://pubsubhubbub.appspot.com/
 * </pre>
 *
 * A ping that fails is a warning: the site is built and published either way.
 *
 * @param indexNowEndpoint where IndexNow submissions go, or null when IndexNow is off
 * @param key              the IndexNow key (also the name of its file in the output), or null
 * @param hub              the WebSub hub, or null when WebSub is off
 */
public record Pings(URI indexNowEndpoint, String key, URI hub) {
    public static final String DEFAULT_INDEXNOW = "https://api.indexnow.org/indexnow";
    /** IndexNow accepts at most 10,000 URLs per request. */
    static final int INDEXNOW_BATCH = 10_000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,128}");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path SITE_YAML = Path.of("site.yaml");

    /** Nothing to ping. */
    public static final Pings NONE = new Pings(null, null, null);

    /** Reads {@code pings:} of site.yaml's values; problems (with their fix) go to {@code problems}. */
    public static Pings read(Map<String, Object> siteParams, List<Problem> problems) {
        Object written = siteParams.get("pings");
        if (written == null) {
            return NONE;
        }
        if (!(written instanceof Map<?, ?> pings)) {
            problems.add(Problem.of(
                    SITE_YAML,
                    "'pings' must be a mapping with indexnow and/or websub, e.g."
                            + " pings: {websub: {hub: https://pubsubhubbub.appspot.com/}}"));
            return NONE;
        }
        URI endpoint = null;
        String key = null;
        URI hub = null;
        for (Map.Entry<?, ?> entry : pings.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Map<?, ?> settings = entry.getValue() instanceof Map<?, ?> map ? map : Map.of();
            switch (name) {
                case "indexnow" -> {
                    key = settings.get("key") == null
                            ? ""
                            : String.valueOf(settings.get("key")).strip();
                    if (!KEY.matcher(key).matches()) {
                        problems.add(Problem.of(
                                SITE_YAML,
                                "'pings: indexnow: key' must be 8 to 128 letters, digits"
                                        + " or '-' (it names a file of the site), e.g. key: 3f8a0c1e9b7d4a6f"));
                        key = null;
                    }
                    endpoint = address(settings.get("endpoint"), DEFAULT_INDEXNOW, "indexnow: endpoint", problems);
                }
                case "websub" -> hub = address(settings.get("hub"), null, "websub: hub", problems);
                default ->
                    problems.add(Problem.of(
                            SITE_YAML, "'pings' knows indexnow and websub, not '" + name.replace("\n", "\\n") + "'"));
            }
        }
        return endpoint == null || key == null ? new Pings(null, null, hub) : new Pings(endpoint, key, hub);
    }

    /** An https address (or http on this machine's loopback, for a local stub), else a problem. */
    private static URI address(Object value, String fallback, String what, List<Problem> problems) {
        String text = value == null ? fallback : String.valueOf(value).strip();
        String example = "e.g. " + what.substring(what.indexOf(' ') + 1) + " https://pubsubhubbub.appspot.com/";
        if (text == null || text.isEmpty()) {
            problems.add(Problem.of(SITE_YAML, "'pings: " + what + "' is missing: " + example));
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
            if (uri.getHost() != null && (scheme.equals("https") || (scheme.equals("http") && loopback))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(Problem.of(
                SITE_YAML,
                "'pings: " + what + "' must be an https address, not '" + text.replace("\n", "\\n") + "': " + example));
        return null;
    }

    public boolean any() {
        return indexNowEndpoint != null || hub != null;
    }

    /** The IndexNow key file the output must hold (name, content), or null. */
    public Map.Entry<String, String> keyFile() {
        return key == null ? null : Map.entry(key + ".txt", key);
    }

    /**
     * Sends what {@code changes} lists (paths relative to the output of the site at {@code baseUrl}); returns
     * one line per request sent, failures go to {@code warnings}.
     */
    public List<String> send(Changes changes, String baseUrl, Consumer<Problem> warnings) {
        List<String> lines = new ArrayList<>();
        if (!any()) {
            return lines;
        }
        List<String> all = Stream.of(changes.added(), changes.changed(), changes.deleted())
                .flatMap(List::stream)
                .sorted()
                .distinct()
                .toList();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (indexNowEndpoint != null) {
            List<String> pages = all.stream()
                    .filter(Pings::isPage)
                    .map(f -> baseUrl + UrlPaths.encode(f.substring(0, f.length() - "index.html".length())))
                    .toList();
            for (int i = 0; i < pages.size(); i += INDEXNOW_BATCH) {
                List<String> batch = pages.subList(i, Math.min(i + INDEXNOW_BATCH, pages.size()));
                String body = indexNowBody(URI.create(baseUrl).getHost(), key, baseUrl + key + ".txt", batch);
                post(
                        client,
                        indexNowEndpoint,
                        "application/json; charset=utf-8",
                        body,
                        "IndexNow",
                        batch.size(),
                        lines,
                        warnings);
            }
        }
        if (hub != null) {
            Set<String> feedNames =
                    FeedFormat.ALL.stream().map(FeedFormat::fileName).collect(Collectors.toSet());
            for (String file : all) {
                String name = file.substring(file.lastIndexOf('/') + 1);
                if (feedNames.contains(name) && !changes.deleted().contains(file)) {
                    String topic = baseUrl + UrlPaths.encode(file);
                    String body = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
                    post(client, hub, "application/x-www-form-urlencoded", body, "WebSub " + topic, 1, lines, warnings);
                }
            }
        }
        return lines;
    }

    /** An HTML page a reader visits: a folder's index.html, not an AMP copy. */
    private static boolean isPage(String file) {
        return (file.equals("index.html") || file.endsWith("/index.html"))
                && !file.equals("amp/index.html")
                && !file.endsWith("/amp/index.html");
    }

    /** IndexNow's JSON: host, key, keyLocation, urlList (the URLs are already percent-encoded ASCII). */
    static String indexNowBody(String host, String key, String keyLocation, List<String> urls) {
        StringBuilder json = new StringBuilder();
        json.append("{\"host\":\"").append(jsonText(host));
        json.append("\",\"key\":\"").append(jsonText(key));
        json.append("\",\"keyLocation\":\"").append(jsonText(keyLocation)).append("\",\"urlList\":[");
        for (int i = 0; i < urls.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(jsonText(urls.get(i)))
                    .append('"');
        }
        return json.append("]}").toString();
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void post(
            HttpClient client,
            URI to,
            String type,
            String body,
            String what,
            int count,
            List<String> lines,
            Consumer<Problem> warnings) {
        HttpRequest request = HttpRequest.newBuilder(to)
                .timeout(TIMEOUT)
                .header("Content-Type", type)
                .header("User-Agent", "Midad")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                lines.add("Midad: pinged " + what + " (" + count + (count == 1 ? " address" : " addresses") + "): "
                        + response.statusCode());
            } else {
                warnings.accept(Problem.of(
                        null,
                        "the ping to " + what + " at " + to + " was refused (" + response.statusCode()
                                + "); the site is built, ping again by hand if needed"));
            }
        } catch (IOException e) {
            warnings.accept(Problem.of(
                    null,
                    "the ping to " + what + " at " + to + " failed (" + e.getMessage()
                            + "); the site is built, ping again by hand if needed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warnings.accept(Problem.of(null, "the ping to " + what + " was interrupted"));
        }
    }
}
