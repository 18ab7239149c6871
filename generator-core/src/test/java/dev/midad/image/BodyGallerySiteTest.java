package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildException;
import dev.midad.Site;
import dev.midad.TestSites;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code gallery} block in an article body, through a whole build: page, JSON-LD, feed, AMP, problems. */
class BodyGallerySiteTest {
    @TempDir
    Path dir;

    private Path site(String body) throws Exception {
        TestSites.write(dir, "site.yaml", """
                title: بوابة الاختبار
                base_url: https://test.example/
                locale: ar-EG
                time_zone: Europe/Kyiv
                amp: true
                """);
        TestSites.write(dir, "articles/2024/06/port.md", """
                ---
                title: ميناء أوديسا يعود إلى العمل
                date: 2024-06-20T10:00:00+03:00
                slug: port
                ---
                """ + body);
        Path images = Files.createDirectories(dir.resolve("static/images"));
        TestSites.jpeg(images.resolve("port.jpg"), 1400, 700, Color.BLUE);
        TestSites.jpeg(images.resolve("crane.jpg"), 800, 600, Color.ORANGE);
        return dir;
    }

    private static final String GALLERY = """
            فقرة أولى.

            ```gallery
            ![رافعات وسفينة](/images/port.jpg) | سفينة شحن تنتظر التحميل. | رويترز
            /images/crane.jpg | رافعة <b>جديدة</b>
            ```
            """;

    @Test
    void theGalleryRendersAsAResponsiveGridWithStructuredDataAFeedFallbackAndAmp() throws Exception {
        Path out = dir.resolve("out");
        Site.load(site(GALLERY), TestSites.options()).build(out);
        Document page = Jsoup.parse(TestSites.read(out, "2024/06/port/index.html"));
        Element gallery = page.selectFirst(".story-body section.gallery");
        assertEquals("معرض الصور", gallery.attr("aria-label"));
        List<Element> figures = gallery.select("ul.gallery-grid > li > figure.gallery-item");
        assertEquals(2, figures.size());
        assertTrue(page.select("[id^=midad-gallery-line]").isEmpty(), "line marks are gone");
        Element img = figures.get(0).selectFirst("picture > img");
        assertEquals(BodyGalleries.SIZES, img.attr("sizes"));
        assertEquals("1400", img.attr("width"));
        assertEquals("700", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));
        assertTrue(img.attr("srcset").contains("/images/port-320."), img.attr("srcset"));
        assertTrue(img.attr("srcset").contains(" 1280w"), img.attr("srcset"));
        assertEquals(
                BodyGalleries.SIZES,
                figures.get(0).selectFirst("picture > source[type=image/webp]").attr("sizes"));
        assertEquals("رافعات وسفينة", img.attr("alt"));
        assertEquals(
                "تصوير: رويترز",
                figures.get(0).selectFirst("small.image-credit").text());
        assertEquals(
                "رافعة <b>جديدة</b>", figures.get(1).selectFirst("figcaption").text());
        for (String src : page.select("section.gallery img").eachAttr("src")) {
            assertTrue(Files.isRegularFile(out.resolve(src.substring(1))), src + " is written");
        }

        String jsonLd = page.selectFirst("script[type=application/ld+json]").data();
        assertTrue(jsonLd.contains("\"@type\": \"ImageGallery\""), jsonLd);
        assertTrue(jsonLd.contains("\"contentUrl\": \"https://test.example/images/port-1400."), jsonLd);
        assertTrue(jsonLd.contains("\"caption\": \"سفينة شحن تنتظر التحميل.\""), jsonLd);
        assertTrue(jsonLd.contains("\"creditText\": \"رويترز\""), jsonLd);

        Document feed = Jsoup.parse(TestSites.read(out, "rss.xml"), "", Parser.xmlParser());
        Document content =
                Jsoup.parseBodyFragment(feed.selectFirst("item content|encoded").text());
        Element feedImg = content.selectFirst("figure.gallery-item img");
        assertTrue(content.select("figure.gallery-item picture, figure.gallery-item [srcset]")
                .isEmpty());
        assertTrue(feedImg.attr("src").startsWith("https://test.example/images/port-1400."), feedImg.attr("src"));
        assertEquals("1400", feedImg.attr("width"));
        assertEquals("700", feedImg.attr("height"));

        Document amp = Jsoup.parse(TestSites.read(out, "2024/06/port/amp/index.html"));
        assertTrue(amp.select(".amp-body img, .amp-body picture").isEmpty());
        Element ampImg = amp.selectFirst(".amp-body figure.gallery-item amp-img");
        assertEquals("1400", ampImg.attr("width"));
        assertEquals("700", ampImg.attr("height"));
        assertEquals("responsive", ampImg.attr("layout"));
    }

    @Test
    void aMissingImageAndABadLineAreProblemsAtTheirLines() throws Exception {
        site("""
                ```gallery
                /images/port.jpg | موجودة
                /images/missing.jpg | غير موجودة
                ```

                ```gallery
                ftp://example.org/a.jpg | خطأ
                ```
                """);
        BuildException bad = assertThrows(
                BuildException.class, () -> Site.load(dir, TestSites.options()).build(dir.resolve("out")));
        String problems = bad.getMessage();
        assertTrue(problems.contains("port.md:12"), problems);
        assertTrue(problems.contains("'ftp://example.org/a.jpg' is not an image address"), problems);
        assertFalse(Files.exists(dir.resolve("out")), "nothing published");

        TestSites.write(dir, "articles/2024/06/port.md", """
                ---
                title: ميناء أوديسا يعود إلى العمل
                date: 2024-06-20T10:00:00+03:00
                slug: port
                ---
                ```gallery
                /images/port.jpg | موجودة
                /images/missing.jpg | غير موجودة
                ```
                """);
        BuildException missing = assertThrows(
                BuildException.class, () -> Site.load(dir, TestSites.options()).build(dir.resolve("out")));
        assertTrue(missing.getMessage().contains("port.md:8"), missing.getMessage());
        assertTrue(
                missing.getMessage()
                        .contains("gallery image /images/missing.jpg does not exist: put the file at "
                                + Path.of("static", "images", "missing.jpg")),
                missing.getMessage());
    }

    @Test
    void aStaticPageRendersItsGalleryAsAnArticleDoes() throws Exception {
        site(GALLERY);
        TestSites.write(dir, "pages/photos.md", """
                ---
                title: صور الأسبوع
                slug: photos
                ---
                """ + GALLERY);
        Path out = dir.resolve("out");
        Site.load(dir, TestSites.options()).build(out);
        Document article = Jsoup.parse(TestSites.read(out, "2024/06/port/index.html"));
        Document page = Jsoup.parse(TestSites.read(out, "photos/index.html"));
        Element gallery = page.selectFirst(".prose section.gallery");
        Element inArticle = article.selectFirst(".story-body section.gallery").clone();
        inArticle.select("bdi").unwrap(); // bidi isolation is for articles only
        assertEquals(
                Jsoup.parseBodyFragment(inArticle.outerHtml()).body().html(),
                Jsoup.parseBodyFragment(gallery.outerHtml()).body().html(),
                "the same grid, labels, credits, srcset and sizes as in an article");
        assertEquals("معرض الصور", gallery.attr("aria-label"));
        assertTrue(page.select("[id^=midad-gallery-line]").isEmpty(), "line marks are gone");
        assertEquals(2, gallery.select("picture > source[type=image/webp]").size());
        for (String src : page.select("section.gallery img").eachAttr("src")) {
            assertTrue(Files.isRegularFile(out.resolve(src.substring(1))), src + " is written");
        }

        TestSites.write(dir, "pages/photos.md", """
                ---
                title: صور الأسبوع
                slug: photos
                ---
                ```gallery
                /images/missing.jpg | غير موجودة
                ```
                """);
        BuildException missing = assertThrows(
                BuildException.class, () -> Site.load(dir, TestSites.options()).build(dir.resolve("out2")));
        assertTrue(missing.getMessage().contains("photos.md:6"), missing.getMessage());
        assertTrue(missing.getMessage().contains("gallery image /images/missing.jpg does not exist"));
    }
}
