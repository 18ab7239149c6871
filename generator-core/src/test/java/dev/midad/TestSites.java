package dev.midad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Small sites written into temporary folders for tests. */
public final class TestSites {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private TestSites() {}

    public static BuildOptions options() {
        return BuildOptions.defaults().withClock(CLOCK);
    }

    /** A JPEG of one colour, {@code width} × {@code height} px. */
    public static void jpeg(Path file, int width, int height, java.awt.Color color) throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        javax.imageio.ImageIO.write(image, "jpeg", file.toFile());
    }

    public static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static String read(Path root, String relative) throws IOException {
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    }

    /** A site with three articles in two categories, a draft, a future article and an about page. */
    public static Path small(Path dir) throws IOException {
        write(dir, "site.yaml", """
                title: بوابة الاختبار
                description: موقع اختبار
                base_url: https://test.example/
                locale: ar-EG
                time_zone: Europe/Kyiv
                per_page: 2
                author: فريق التحرير
                """);
        write(dir, "articles/2024/06/seed.md", """
                ---
                title: بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية
                date: 2024-06-20T10:00:00+03:00
                dateline: كييف
                source: ISW
                category: سياسة
                tags: [روسيا, كوريا الشمالية]
                slug: بوتين-كوريا-الشمالية
                featured: true
                ---
                صرح معهد دراسات الحرب ( ISW ) أن الزيارة بادرة حسن نية.
                """);
        write(dir, "articles/2024/07/second.md", """
                ---
                title: قمة الناتو في واشنطن
                date: 2024-07-10
                category: سياسة
                tags: [روسيا, الناتو]
                ---
                نص الخبر الثاني.
                """);
        write(dir, "articles/2024/08/third.md", """
                ---
                title: صادرات الحبوب من أوديسا
                date: 2024-08-14T09:30:00
                category: اقتصاد
                author: [سارة حسن, يوري كوفالينكو]
                tags: [أوديسا]
                ---
                نص الخبر الثالث.
                """);
        write(dir, "articles/2024/09/draft.md", """
                ---
                title: مسودة لم تنشر
                date: 2024-09-01
                draft: true
                ---
                مسودة.
                """);
        write(dir, "articles/2030/01/future.md", """
                ---
                title: خبر من المستقبل
                date: 2030-01-01
                ---
                لاحقاً.
                """);
        write(dir, "pages/about.md", """
                ---
                title: من نحن
                slug: about
                ---
                موقع اختبار.
                """);
        return dir;
    }

    /** A copy of the sample site (content/) in {@code site}, without its build output and its pom. */
    public static void copySample(Path site) throws IOException {
        Path sample = Path.of("..", "content");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = sample.relativize(file);
                if (relative.startsWith("target") || relative.toString().equals("pom.xml")) {
                    continue;
                }
                Files.createDirectories(site.resolve(relative).getParent());
                Files.copy(file, site.resolve(relative));
            }
        }
    }

    /** Fails unless {@code actual} holds exactly the files of {@code expected} (a full build), byte for byte. */
    public static void assertSameFiles(Path expected, Path actual, String what) throws IOException {
        List<String> want = relativeFiles(expected);
        org.junit.jupiter.api.Assertions.assertEquals(want, relativeFiles(actual), what + ": the same files");
        for (String name : want) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    Files.readAllBytes(expected.resolve(name)),
                    Files.readAllBytes(actual.resolve(name)),
                    what + ": " + name + " differs from a full build");
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(f -> root.relativize(f).toString())
                    .toList();
        }
    }
}
