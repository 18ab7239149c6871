package dev.midad.importer;

import static dev.midad.importer.ImportTestSupport.buildOptions;
import static dev.midad.importer.ImportTestSupport.options;
import static dev.midad.importer.ImportTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.content.FrontMatter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment metadata (sizes, credits) and [gallery ids] in imported posts. */
class AttachmentImportTest {
    private static final String UPLOADS = "https://old.example/wp-content/uploads/2024/06/";

    @TempDir
    Path dir;

    Path site;
    ImportReport report;

    @BeforeEach
    void importExport() throws Exception {
        Path wxr = new WxrWriter()
                .attachment(
                        10,
                        1,
                        UPLOADS + "kyiv.jpg",
                        "ساحة الاستقلال صباح الأحد",
                        WxrWriter.meta("_wp_attachment_image_alt", "ساحة الاستقلال")
                                + WxrWriter.meta("_wp_attachment_metadata", PhpSerializedTest.METADATA))
                .attachment(
                        11,
                        1,
                        UPLOADS + "odesa.png",
                        "ميناء أوديسا",
                        WxrWriter.meta("_wp_attachment_metadata", "a:1:{"))
                .post(
                        1,
                        "kyiv",
                        "كييف",
                        20,
                        "sara",
                        "<p>نص أول.</p>\n<p><img src=\"" + UPLOADS + "kyiv-150x150.jpg\" width=\"150\" height=\"150\""
                                + " alt=\"ساحة\"></p>\n[gallery ids=\"11,10\"]\n<p>نص أخير.</p>",
                        WxrWriter.meta("_thumbnail_id", "10"))
                .write(dir.resolve("export.xml"));
        site = dir.resolve("site");
        ImportTestSupport.writeSiteYaml(site);
        report = new WxrImporter(options()).importFile(wxr, site);
    }

    @Test
    void featuredImageAndGalleryCarryTheirSizesCaptionsAndCredits() throws Exception {
        FrontMatter front = parse(site.resolve(report.fileOf("post 1")));
        Map<String, Object> values = front.yaml().values();

        assertEquals(UPLOADS + "kyiv.jpg", values.get("image"));
        assertEquals("ساحة الاستقلال", values.get("image_alt"));
        assertEquals("ساحة الاستقلال صباح الأحد", values.get("image_caption"));
        assertEquals("رويترز", values.get("image_credit"));
        assertEquals(1600, values.get("image_width"));
        assertEquals(1067, values.get("image_height"));
        assertEquals(
                List.of(
                        Map.of("src", UPLOADS + "odesa.png", "caption", "ميناء أوديسا"),
                        Map.of(
                                "src",
                                UPLOADS + "kyiv.jpg",
                                "alt",
                                "ساحة الاستقلال",
                                "caption",
                                "ساحة الاستقلال صباح الأحد",
                                "credit",
                                "رويترز",
                                "width",
                                1600,
                                "height",
                                1067)),
                values.get("gallery"));
    }

    @Test
    void aSmallerCopyInTheBodyIsShownAsTheOriginalWithItsSize() throws Exception {
        String body = ImportTestSupport.read(site.resolve(report.fileOf("post 1")));
        body = body.substring(body.indexOf("\n---\n") + 5);

        assertEquals(
                List.of(
                        "نص أول.",
                        "<img src=\"" + UPLOADS + "kyiv.jpg\" alt=\"ساحة\" width=\"1600\" height=\"1067\">",
                        "نص أخير."),
                ImportTestSupport.paragraphs(body));
    }

    @Test
    void theBuiltPageReservesTheImagesSpace() throws Exception {
        Path out = dir.resolve("out");
        Site.load(site, buildOptions()).build(out);
        Path page = Files.walk(out)
                .filter(p -> p.toString().endsWith("index.html")
                        && p.getParent().getFileName().toString().equals("kyiv"))
                .findFirst()
                .orElseThrow();
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        List<Element> kyiv = doc.select("main img[src=" + UPLOADS + "kyiv.jpg]");
        assertEquals(3, kyiv.size(), "lead image, body image, gallery image");
        for (Element img : kyiv) {
            assertEquals("1600", img.attr("width"), img.outerHtml());
            assertEquals("1067", img.attr("height"), img.outerHtml());
        }
        assertTrue(doc.select("img[src=" + UPLOADS + "odesa.png]").size() == 1, "the gallery's first image");
        assertFalse(Files.readString(page, StandardCharsets.UTF_8).contains("[gallery"));
    }
}
