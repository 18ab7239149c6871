package dev.midad.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildResult;
import dev.midad.TestSites;
import dev.midad.content.ContentLoader;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs that are not wrong but extreme: nesting, size, tag counts. None may crash or stall the build. */
class ResourceLimitsTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "---\ntitle: خبر متطرف\ndate: 2024-05-01\nslug: extreme\n---\n";

    /**
     * 10,000 levels of quotes, lists or emphasis would overflow the stack in commonmark's recursive visitors
     * (measured: from about 150 nested lists on a 256 KB stack, 1,000 on the default 1 MB). The nesting is
     * measured before anything recursive runs: a clear problem on the right line, the old site intact.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "quotes,           '>',       ' x'",
        "quotes-spaced,    '> ',      'x'",
        "bullet-lists,     '- ',      'x'",
        "ordered-lists,    '1. ',     'x'",
        "quoted-lists,     '> - ',    'x'",
        "emphasis,         '*',       'x'",
        "quoted-ordered,   '> 1. ',   'x'",
        "emphasis-words,   '_a ',     'x'",
    })
    void tenThousandLevelsOfNestingAreAClearProblem(String name, String open, String rest) throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Map<String, String> before = Sites.fingerprint(out);
        String close = name.startsWith("emphasis")
                ? new StringBuilder(open).reverse().toString().repeat(10_000)
                : "";
        TestSites.write(
                site, "articles/2024/05/deep.md", HEAD + "سطر أول.\n\n" + open.repeat(10_000) + rest + close + "\n");
        List<Problem> problems = Sites.failingBuild(site, out);
        assertEquals(1, problems.size(), Sites.describe(problems));
        assertEquals(
                "articles/2024/05/deep.md:8: lists, quotes or emphasis are nested more than 100 levels deep"
                        + " here; no article needs that many: flatten them (often a pasted or converted text where"
                        + " every line starts with more '>' or '-')",
                problems.get(0).toString());
        assertEquals(before, Sites.fingerprint(out), "the previous site changed");
        Sites.assertNoLeftovers(out);
    }

    /** Nested lists written the usual way, one level more per line and two more spaces of indentation. */
    @Test
    void deeplyIndentedListIsAClearProblem() {
        String list = IntStream.range(0, 3_000)
                .mapToObj(i -> "  ".repeat(i) + "- بند " + i)
                .collect(Collectors.joining("\n"));
        MarkdownRenderer.TooDeepException e =
                assertThrows(MarkdownRenderer.TooDeepException.class, () -> new MarkdownRenderer().render(list));
        assertEquals(101, e.line(), "the 101st item is the first one too deep");
    }

    /**
     * The limit is safe with a small stack: 100 levels of every kind render on a thread with 256 KB (a quarter
     * of the JVM's default), where about 150 nested lists already overflow without the guard.
     */
    @Test
    void oneHundredLevelsRenderOnASmallStack() throws Exception {
        MarkdownRenderer renderer = new MarkdownRenderer();
        String[] documents = {
            ">".repeat(100) + " x",
            "- ".repeat(100) + "x",
            "> - ".repeat(50) + "x",
            "*".repeat(100) + "x" + "*".repeat(100),
            "[^1]\n\n[^1]: " + "> ".repeat(99) + "x"
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        for (String document : documents) {
                            String html = renderer.render(document).html();
                            assertTrue(html.contains("x"), html);
                        }
                        assertThrows(
                                MarkdownRenderer.TooDeepException.class, () -> renderer.render(">".repeat(101) + " x"));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                256 * 1024);
        thread.start();
        thread.join();
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
    }

    /** Raw HTML nests without limit in Markdown; jsoup caps its tree at 512 levels and works iteratively. */
    @Test
    void deeplyNestedRawHtmlIsCapped() {
        String html = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> new MarkdownRenderer()
                        .render("<div>".repeat(20_000) + "نص" + "</div>".repeat(20_000))
                        .html());
        assertTrue(html.contains("نص"));
    }

    /** A 5 MB article (about 900,000 Arabic words, far beyond any real one) builds in reasonable time. */
    @Test
    void fiveMegabyteArticleBuilds() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        StringBuilder body = new StringBuilder(HEAD);
        String paragraph = "أعلنت الحكومة اليوم عن خطة جديدة لدعم **المزارعين** في المناطق الجنوبية، وقال وزير"
                + " الزراعة إن [الخطة](https://example.org/خطة) ستبدأ الشهر المقبل وتشمل آلاف الأسر.\n\n";
        int paragraphs = 0;
        long bytes = 0;
        while (bytes < 5_000_000) {
            String next = (paragraphs % 50 == 0 ? "## قسم " + paragraphs + "\n\n" : "") + paragraph;
            body.append(next);
            bytes += next.getBytes(StandardCharsets.UTF_8).length;
            paragraphs++;
        }
        TestSites.write(site, "articles/2024/05/huge.md", body.toString());
        long size = Files.size(site.resolve("articles/2024/05/huge.md"));
        assertTrue(size >= 5_000_000, "size " + size);
        long start = System.nanoTime();
        BuildResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Sites.build(site, out));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(
                "5 MB article (%d bytes, %d paragraphs): built in %d ms%n", size, paragraphs, took.toMillis());
        assertEquals(4, result.articles());
        assertTrue(Files.size(out.resolve("2024/05/extreme/index.html")) > 5_000_000, "the whole body is published");
    }

    /** A source file beyond {@link dev.midad.text.SourceText#MAX_BYTES} is refused before it is read. */
    @Test
    void absurdlyLargeFileIsRefusedBeforeReading() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Map<String, String> before = Sites.fingerprint(out);
        Path file = Files.createDirectories(site.resolve("articles/2024/05")).resolve("pasted-images.md");
        try (var channel = java.nio.channels.FileChannel.open(
                file, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(HEAD.getBytes(StandardCharsets.UTF_8)));
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), (33L << 20)); // sparse: 33 MB on paper
        }
        List<Problem> problems = Sites.failingBuild(site, out);
        Sites.assertProblem(
                problems,
                "articles/2024/05/pasted-images.md: file is 33 MB; a source file may be at"
                        + " most 32 MB: put images and media in static/ and link them");
        assertEquals(before, Sites.fingerprint(out));
    }

    /**
     * Tags are capped at {@link ContentLoader#MAX_TAGS} per article: 5,000 tags on one article (an import that
     * split the text into tags) would add 5,000 near-empty pages and feeds; it is reported on the tags line.
     */
    @Test
    void thousandsOfTagsOnOneArticleAreAProblem() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        Map<String, String> before = Sites.fingerprint(out);
        String tags = IntStream.range(0, 5_000).mapToObj(i -> "وسم" + i).collect(Collectors.joining(", ", "[", "]"));
        TestSites.write(
                site,
                "articles/2024/05/tags.md",
                "---\ntitle: وسوم كثيرة\ndate: 2024-05-01\ntags: " + tags + "\n---\nنص\n");
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Sites.failingBuild(site, out));
        assertEquals(
                List.of("articles/2024/05/tags.md:4: 'tags' lists 5000 tags; at most 100 are allowed per article"
                        + " (every tag gets a page of its own): keep the few readers would browse by"),
                problems.stream().map(Problem::toString).toList());
        assertEquals(before, Sites.fingerprint(out));
    }

    /** At the limit it builds, and a site with thousands of tags in all (many articles) is fine. */
    @Test
    void hundredTagsOnOneArticleAndThousandsAcrossTheSiteBuild() throws Exception {
        Path out = tmp.resolve("out");
        Path site = Sites.builtSmallSite(tmp, out);
        String tags = IntStream.range(0, 100).mapToObj(i -> "وسم" + i).collect(Collectors.joining(", ", "[", "]"));
        TestSites.write(
                site,
                "articles/2024/05/tags.md",
                "---\ntitle: مئة وسم\ndate: 2024-05-01\ntags: " + tags + "\n---\nنص\n");
        for (int a = 0; a < 200; a++) {
            int first = a * 10;
            String own = IntStream.range(0, 10)
                    .mapToObj(i -> "موضوع" + (first + i))
                    .collect(Collectors.joining(", ", "[", "]"));
            TestSites.write(
                    site,
                    "articles/2023/01/a" + a + ".md",
                    "---\ntitle: خبر رقم " + a + "\ndate: 2023-01-01T10:00:00\ntags: " + own + "\n---\nنص\n");
        }
        long start = System.nanoTime();
        BuildResult result = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Sites.build(site, out));
        System.out.printf(
                "2,100 tags on 204 articles: %d files in %d ms%n",
                result.files(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertTrue(Files.isRegularFile(out.resolve("tag/وسم99/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("tag/موضوع1999/index.html")));
    }

    /** YAML nests without limit too; snakeyaml-engine would overflow building 1,000 nested lists. */
    @Test
    void deeplyNestedSiteYamlIsAClearProblem() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(
                site,
                "site.yaml",
                Files.readString(site.resolve("site.yaml"), StandardCharsets.UTF_8)
                        + "params:\n"
                        + IntStream.range(1, 2_000)
                                .mapToObj(i -> "  ".repeat(i) + "k" + i + ":")
                                .collect(Collectors.joining("\n"))
                        + " x\n");
        List<Problem> problems = Sites.failingBuild(site, tmp.resolve("out"));
        assertEquals(1, problems.size(), Sites.describe(problems));
        assertTrue(
                problems.get(0).toString().startsWith("site.yaml:58:"),
                problems.get(0).toString());
        assertTrue(problems.get(0).message().contains("nested more than 50 levels deep"), Sites.describe(problems));
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
