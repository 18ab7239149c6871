package dev.midad.serve;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.TestSites;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePreviewTest {
    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(LivePreview preview, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(preview.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls until {@code condition} holds for the page, as the injected script would. */
    private HttpResponse<String> await(LivePreview preview, String path, Predicate<HttpResponse<String>> condition)
            throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        HttpResponse<String> response = get(preview, path);
        while (!condition.test(response) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            response = get(preview, path);
        }
        return response;
    }

    @Test
    void rebuildsOnSaveReloadsPagesShowsErrorsAndRecovers() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        List<String> log = new ArrayList<>();
        try (LivePreview preview = new LivePreview(site, site.resolve("target/site"), 0, log::add)) {
            HttpResponse<String> home = get(preview, "");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("خبر من المستقبل"), "future articles (and drafts) are visible in preview");
            assertTrue(home.body().contains("/__midad/version"), "reload script injected");
            assertTrue(
                    !read(site.resolve("target/site"), "index.html").contains("__midad"),
                    "the built files themselves stay clean");
            String version = get(preview, "__midad/version").body();

            write(
                    site,
                    "articles/2024/07/second.md",
                    read(site, "articles/2024/07/second.md")
                            .replace("قمة الناتو في واشنطن", "قمة الناتو في واشنطن تختتم أعمالها"));
            HttpResponse<String> edited =
                    await(preview, "rss.xml", r -> r.body().contains("تختتم أعمالها"));
            assertTrue(edited.body().contains("تختتم أعمالها"), "rebuilt after the edit: " + log);
            // the new files are swapped in just before the signal goes out: wait for it as the page script does
            HttpResponse<String> after =
                    await(preview, "__midad/version", r -> !r.body().equals(version));
            assertTrue(!after.body().equals(version), "reload signal after a rebuild");
            String rebuilt = log.stream()
                    .filter(line -> line.contains("rendered"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile(
                            "(\\d+) files \\((\\d+) rendered, (\\d+) rewritten\\)")
                    .matcher(rebuilt);
            assertTrue(counts.find(), rebuilt);
            assertTrue(
                    Integer.parseInt(counts.group(2)) < Integer.parseInt(counts.group(1)) / 2,
                    "an edit re-renders only what shows the article, not the site: " + rebuilt);

            write(site, "articles/2024/07/broken.md", "---\ntitle: \"غير مغلق\ndate: 2024-07-02\n---\n");
            HttpResponse<String> broken = await(preview, "", r -> r.statusCode() == 500);
            assertEquals(500, broken.statusCode());
            assertTrue(broken.body().contains("articles/2024/07/broken.md"), broken.body());

            Files.delete(site.resolve("articles/2024/07/broken.md"));
            HttpResponse<String> fixed = await(preview, "", r -> r.statusCode() == 200);
            assertEquals(200, fixed.statusCode());
            assertTrue(get(preview, "rss.xml").body().contains("تختتم أعمالها"));
        }
    }

    @Test
    void addDeleteRenameTemplatesAndSiteSettingsAllTriggerRebuilds() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site2")));
        try (LivePreview preview = new LivePreview(site, site.resolve("target/site"), 0, s -> {})) {
            write(site, "articles/2024/10/new.md", "---\ntitle: خبر جديد تماماً\ndate: 2024-10-01\n---\nنص.\n");
            assertTrue(
                    await(preview, "rss.xml", r -> r.body().contains("خبر جديد تماماً"))
                            .body()
                            .contains("خبر جديد تماماً"),
                    "added");

            Files.move(site.resolve("articles/2024/10/new.md"), site.resolve("articles/2024/10/renamed.md"));
            Thread.sleep(2 * LivePreview.QUIET_MILLIS);
            assertTrue(
                    await(preview, "rss.xml", r -> r.body().contains("خبر جديد تماماً"))
                            .body()
                            .contains("خبر جديد تماماً"),
                    "renamed: still published");

            Files.delete(site.resolve("articles/2024/10/renamed.md"));
            assertTrue(
                    !await(preview, "rss.xml", r -> !r.body().contains("خبر جديد تماماً"))
                            .body()
                            .contains("خبر جديد تماماً"),
                    "deleted");

            write(site, "templates/robots.ftl", "User-agent: *\nDisallow: /preview/\n");
            assertTrue(
                    await(preview, "robots.txt", r -> r.body().contains("Disallow: /preview/"))
                            .body()
                            .contains("Disallow: /preview/"),
                    "template edited");

            write(site, "site.yaml", read(site, "site.yaml").replace("title: بوابة الاختبار", "title: بوابة التجربة"));
            assertTrue(
                    await(preview, "", r -> r.body().contains("بوابة التجربة"))
                            .body()
                            .contains("بوابة التجربة"),
                    "site.yaml edited");
        }
    }
}
