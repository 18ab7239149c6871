package dev.midad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent build on a site with raster images: the views of unchanged articles come from the cache
 * together with what they planned in the image pipeline (resized copies, crops, social cards, warnings), so a
 * build in a new JVM resolves only the edited article and still writes every image a full build writes.
 */
class CachedImagesTest {
    @TempDir
    Path work;

    @Test
    void onlyTheEditedArticleIsResolvedAgainAndImagesAreWrittenAsByAFullBuild() throws Exception {
        Path site = work.resolve("site");
        TestSites.write(site, "site.yaml", """
                title: بوابة الاختبار
                base_url: https://test.example/
                locale: ar-EG
                time_zone: Europe/Kyiv
                amp: true
                images:
                  cache: ../image-cache
                """);
        Path images = Files.createDirectories(site.resolve("static/images"));
        TestSites.jpeg(images.resolve("port.jpg"), 1400, 700, Color.BLUE);
        TestSites.jpeg(images.resolve("crane.jpg"), 800, 600, Color.ORANGE);
        TestSites.jpeg(images.resolve("ship.jpg"), 1600, 1200, Color.GREEN);
        TestSites.write(site, "articles/2024/06/port.md", """
                ---
                title: ميناء أوديسا يعود إلى العمل
                date: 2024-06-20T10:00:00+03:00
                slug: port
                category: اقتصاد
                image: /images/port.jpg
                image_alt: سفن في الميناء
                gallery:
                  - src: /images/ship.jpg
                    alt: سفينة
                    focus: left
                  - /images/crane.jpg
                ---
                فقرة أولى.

                ![رافعة](/images/crane.jpg)

                ```gallery
                ![سفينة شحن](/images/ship.jpg) | سفينة تنتظر. | رويترز
                /images/port.jpg | الميناء
                ```
                """);
        TestSites.write(site, "articles/2024/06/wheat.md", """
                ---
                title: صادرات الحبوب ترتفع
                date: 2024-06-21T10:00:00+03:00
                slug: wheat
                category: اقتصاد
                ---
                نص بلا صور.
                """);
        TestSites.write(site, "articles/2024/06/crane.md", """
                ---
                title: رافعة جديدة في الميناء
                date: 2024-06-22T10:00:00+03:00
                slug: crane
                category: اقتصاد
                image: /images/crane.jpg
                ---
                ![الرافعة](/images/crane.jpg)
                """);
        Path out = work.resolve("target/site");

        CachedBuilder.Outcome first = build(site, out);
        assertEquals("no build cache yet", first.fullBuild());
        assertEquals(3, first.resolved(), "a first build resolves every article");
        assertSameAsFullBuild(site, out, "first build");
        assertTrue(Files.isRegularFile(out.resolve("2024/06/wheat/card.jpg")), "the card of an article without images");

        assertEquals(0, build(site, out).resolved(), "nothing changed: nothing resolved");
        assertSameAsFullBuild(site, out, "unchanged");

        edit(site.resolve("articles/2024/06/wheat.md"), "نص بلا صور.", "نص بلا صور، معدل.");
        CachedBuilder.Outcome withoutImages = build(site, out);
        assertNull(withoutImages.fullBuild());
        assertEquals(1, withoutImages.resolved(), "only the edited article without images");
        assertSameAsFullBuild(site, out, "article without images edited");

        edit(site.resolve("articles/2024/06/port.md"), "فقرة أولى.", "فقرة أولى معدلة.");
        CachedBuilder.Outcome withImages = build(site, out);
        assertNull(withImages.fullBuild());
        assertEquals(1, withImages.resolved(), "only the edited article with images");
        assertSameAsFullBuild(site, out, "article with images edited");

        // the edit drops the body image and the gallery block: their copies planned only for it go
        edit(site.resolve("articles/2024/06/port.md"), "```gallery", "```text");
        edit(site.resolve("articles/2024/06/crane.md"), "![الرافعة](/images/crane.jpg)", "نص.");
        CachedBuilder.Outcome dropped = build(site, out);
        assertEquals(2, dropped.resolved());
        assertSameAsFullBuild(site, out, "images dropped");
    }

    private static CachedBuilder.Outcome build(Path site, Path out) throws Exception {
        return CachedBuilder.build(site, out, TestSites.options(), false);
    }

    private void assertSameAsFullBuild(Path site, Path out, String step) throws Exception {
        Path fresh = work.resolve("fresh-" + step.hashCode());
        Site.load(site, TestSites.options()).build(fresh);
        TestSites.assertSameFiles(fresh, out, step);
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
