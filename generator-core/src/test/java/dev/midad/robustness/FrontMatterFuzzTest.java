package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.midad.BuildException;
import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.problem.Problem;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fuzz tests of the path every article takes: bytes → strict UTF-8 → front matter (YAML) → Markdown →
 * sanitised HTML, and of the whole build. Properties checked on every input: nothing throws, no safety net
 * ("internal error", stack overflow) is ever needed, every problem names the file, published HTML is inert,
 * feeds and sitemap are well-formed XML.
 *
 * <p>A normal test run ({@code mvn test}) replays only the inputs in
 * {@code src/test/resources/dev/midad/robustness/FrontMatterFuzzTestInputs/<test>/}: seeds and every crash
 * found so far, a few seconds in all. Fuzz for real, one test at a time, with the {@code fuzz} profile:
 * <pre>
 * mvn -B test -pl generator-core -Pfuzz -Dmidad.fuzz.test=FrontMatterFuzzTest#article -Dmidad.fuzz.duration=10m
 * </pre>
 * (or {@code JAZZER_FUZZ=1 mvn test -pl generator-core -Dtest=FrontMatterFuzzTest#article
 * -Djazzer.max_duration=10m}). A crash is saved as a new file in that folder, so it becomes a regression test.
 */
class FrontMatterFuzzTest {
    private static final Path SHOWN = Path.of("articles", "fuzz.md");
    private static final List<String> EMBEDS = List.of("www.youtube.com", "player.vimeo.com");
    private static final Path WORK;
    private static final ContentLoader LOADER;
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(EMBEDS, false);

    static {
        try {
            WORK = Files.createTempDirectory("midad-fuzz-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    StagedOutput.deleteTree(WORK);
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }));
            Path site = TestSites.small(WORK.resolve("site"));
            List<Problem> problems = new ArrayList<>();
            SiteConfig config = SiteConfigLoader.load(site, problems);
            assertTrue(problems.isEmpty(), problems::toString);
            LOADER = new ContentLoader(site, config, new MarkdownRenderer(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One article file, as raw bytes (so encodings, BOMs and line endings are fuzzed too). */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "---",
        "title: ",
        "date: 2024-06-20",
        "T10:00:00+03:00",
        "tags: [",
        "slug: ",
        "category: ",
        "author: ",
        "image: ",
        "draft: true",
        "&a ",
        "*a",
        "\"",
        "'",
        "> ",
        "- ",
        "1. ",
        "**",
        "~~",
        "[^1]",
        "](",
        "<iframe src=\"",
        "<script>",
        "javascript:",
        "data:image/png;base64,",
        "onerror=",
        "<svg",
        "```",
        "| a |"
    })
    void article(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Article article = LOADER.article(SHOWN, bytes, problems);
        assertFalse(article == null && problems.isEmpty(), "no article and no problem");
        assertFalse(article != null && !problems.isEmpty(), "an article and problems");
        for (Problem problem : problems) {
            assertEquals(SHOWN, problem.file(), problem::toString);
            assertTrue(problem.line() >= 0 && problem.column() >= 0, problem::toString);
            assertSafetyNetUnused(problem);
        }
        if (article != null) {
            assertFalse(article.title().isBlank());
            assertNotNull(article.date());
            assertFalse(
                    article.slug().isEmpty()
                            || article.slug().contains("/")
                            || article.slug().contains(".."),
                    article.slug());
            SafeHtmlTest.assertInert(article.bodyHtml());
        }
    }

    /** Markdown with raw HTML straight into the renderer: the sanitiser must leave nothing that can run. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "<script>",
        "</script>",
        "<iframe src=\"https://www.youtube.com/embed/",
        "<img src=",
        "onerror=",
        "onload=",
        "javascript:",
        "&#106;",
        "&#x09;",
        "data:text/html,",
        "data:image/svg+xml,",
        "<svg>",
        "<math>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<a href=\"",
        "\">",
        "<table><tr><td style=\"",
        "<noscript>",
        "<template>",
        "<base href=",
        "<form action=",
        "srcdoc=",
        "> ",
        "- ",
        "*",
        "_",
        "`",
        "[x](",
        "<http://"
    })
    void markdown(FuzzedDataProvider data) {
        String markdown = data.consumeRemainingAsString();
        try {
            SafeHtmlTest.assertInert(RENDERER.render(markdown).html());
        } catch (MarkdownRenderer.TooDeepException e) {
            assertTrue(e.line() >= 0);
        }
    }

    /** The whole build with one fuzzed article in a small site: problems or a valid site, nothing else. */
    @FuzzTest(maxDuration = "10m")
    void site(byte[] bytes) throws Exception {
        Path site = WORK.resolve("site");
        Path out = WORK.resolve("out");
        Files.write(site.resolve("articles/fuzz.md"), bytes);
        try {
            Site.load(site, TestSites.options()).build(out);
        } catch (BuildException e) {
            for (Problem problem : e.problems()) {
                assertNotNull(
                        problem.file(),
                        () -> "a problem without a file: " + problem
                                + (e.getCause() != null ? " caused by " + e.getCause() : ""));
                assertSafetyNetUnused(problem);
            }
            return;
        }
        Sites.parseXml(out.resolve("rss.xml"));
        Sites.parseXml(out.resolve("sitemap.xml"));
        for (Path file : Sites.files(out)) {
            if (file.toString().endsWith(".html")) {
                assertPageInert(file, Files.readString(out.resolve(file)));
            }
        }
    }

    /** A whole page: article bodies inert, no handlers anywhere, scripts only JSON-LD that stays inside. */
    static void assertPageInert(Path file, String page) {
        Document doc = Jsoup.parse(page);
        for (Element body : doc.select(".story-body")) {
            SafeHtmlTest.assertInert(body.html());
        }
        for (Element el : doc.getAllElements()) {
            for (Attribute attr : el.attributes()) {
                String key = attr.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), () -> file + ": handler on " + el.normalName());
                if (key.equals("href") || key.equals("src")) {
                    assertFalse(
                            attr.getValue()
                                    .replaceAll("[\\s\\x00-\\x1f]", "")
                                    .toLowerCase(Locale.ROOT)
                                    .startsWith("javascript:"),
                            () -> file + ": " + el);
                }
            }
        }
        for (Element script : doc.select("script")) {
            if (script.data().isEmpty()
                    && (List.of("/assets/breaking.js", "/assets/liveblog.js", "/assets/embed.js")
                                    .contains(script.attr("src"))
                            || file.toString().replace('\\', '/').endsWith("search/index.html")
                                    && script.attr("src").endsWith("/assets/search.js"))) {
                continue; // the theme's own same-origin scripts (breaking news, live blogs, embeds, search page), no
                // inline
                // code
            }
            assertEquals("application/ld+json", script.attr("type"), () -> file + ": " + script);
            assertFalse(script.data().contains("<"), () -> file + ": markup inside JSON-LD: " + script);
        }
        for (Element frame : doc.select("iframe")) {
            assertTrue(
                    frame.attr("src").startsWith("https://www.youtube.com/")
                            || frame.attr("src").startsWith("https://www.youtube-nocookie.com/")
                            || frame.attr("src").startsWith("https://player.vimeo.com/"),
                    () -> file + ": " + frame);
        }
    }

    /** ContentLoader turns anything a parser throws into a problem; for the fuzzer that is still a crash. */
    private static void assertSafetyNetUnused(Problem problem) {
        String message = problem.message();
        if (problem.line() == 0
                && (message.startsWith("could not be read because of an internal error")
                        || message.startsWith("is nested too deeply to read"))) {
            fail("a safety net caught what should have been handled: " + problem);
        }
    }
}
