package dev.midad.importer;

import static dev.midad.importer.ImportTestSupport.KYIV;
import static dev.midad.importer.ImportTestSupport.SEED;
import static dev.midad.importer.ImportTestSupport.SEED_IN_CONTENT;
import static dev.midad.importer.ImportTestSupport.buildOptions;
import static dev.midad.importer.ImportTestSupport.options;
import static dev.midad.importer.ImportTestSupport.paragraphs;
import static dev.midad.importer.ImportTestSupport.parse;
import static dev.midad.importer.ImportTestSupport.read;
import static dev.midad.importer.ImportTestSupport.writeSiteYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildResult;
import dev.midad.Site;
import dev.midad.content.FrontMatter;
import dev.midad.text.Slugs;
import dev.midad.yaml.YamlMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextImporterTest {
    private static final String SEED_NAME = "000_4fb5cd68fdc15878.txt";
    private static final String SEED_TITLE = "بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية";

    @Test
    void seedImportReproducesTheSeedArticleOfTheSampleSite(@TempDir Path site) throws Exception {
        ImportReport report = new TextImporter(options()).importFile(SEED, site);

        assertEquals(List.of(), report.skipped());
        assertEquals(List.of(), report.problems());
        Path relative = report.fileOf(SEED_NAME);
        assertNotNull(relative, report.summary());
        assertTrue(relative.startsWith(Path.of("articles", "2024", "06")), relative.toString());
        String text = read(site.resolve(relative));
        assertFalse(text.contains("Exit mobile version"), text);
        assertFalse(text.contains("\r"), "LF line endings");

        FrontMatter front = parse(site.resolve(relative));
        YamlMapping yaml = front.yaml();
        assertEquals(SEED_TITLE, yaml.string("title"));
        assertEquals("2024-06-20", yaml.string("date"));
        assertEquals(LocalDate.of(2024, 6, 20), yaml.dateTime("date", KYIV).toLocalDate());
        assertEquals("كييف", yaml.string("dateline"));
        assertFalse(yaml.has("draft"));

        List<String> body = paragraphs(front.body());
        assertTrue(body.get(0).startsWith("صرح معهد دراسات الحرب"), body.get(0));
        FrontMatter content = parse(SEED_IN_CONTENT);
        assertEquals(paragraphs(content.body()), body);
    }

    @Test
    void importingTheSeedsFolderImportsTheSeed(@TempDir Path site) throws Exception {
        ImportReport report = Importer.importFrom(SEED.getParent(), site, options());

        assertEquals(1, report.imported().size(), report.summary());
        assertEquals(SEED_NAME, report.imported().get(0).source());
        assertEquals(SEED_TITLE, report.imported().get(0).title());
    }

    @Test
    void importedSeedBuilds(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        writeSiteYaml(site);
        new TextImporter(options()).importFile(SEED, site);

        BuildResult result = Site.load(site, buildOptions()).build(dir.resolve("out"));

        assertEquals(1, result.articles());
        String slug = Slugs.slugify(SEED_TITLE);
        String page = read(dir.resolve("out").resolve("2024/06/" + slug + "/index.html"));
        assertTrue(page.contains("كييف"), "dateline shown");
        assertTrue(page.contains("صرح معهد دراسات الحرب ( ISW )"), "body shown");
        assertFalse(page.contains("Exit mobile version"));
    }

    @Test
    void datelineVariants() {
        TextImporter importer = new TextImporter(options());

        TextImporter.TextArticle levant = importer.parse("عنوان\n\nدمشق - ٣ حزيران ٢٠٢٤ - قال مسؤول.\n");
        assertEquals(LocalDate.of(2024, 6, 3), levant.date());
        assertEquals("دمشق", levant.dateline());
        assertEquals(List.of("قال مسؤول."), levant.paragraphs());

        TextImporter.TextArticle paired =
                importer.parse("عنوان\n\nرويترز — بيروت، الخميس 10 تشرين الأول/أكتوبر 2024م — " + "نص الخبر.");
        assertEquals(LocalDate.of(2024, 10, 10), paired.date());
        assertEquals("بيروت", paired.dateline());
        assertEquals("رويترز", paired.byline());
        assertEquals("نص الخبر.", paired.paragraphs().get(0));

        TextImporter.TextArticle maghreb = importer.parse("عنوان\n\nتونس 5 جوان 2024 – نص.");
        assertEquals(LocalDate.of(2024, 6, 5), maghreb.date());
        assertEquals("تونس", maghreb.dateline());

        TextImporter.TextArticle noDateline = importer.parse("عنوان\n\nكييف هي عاصمة أوكرانيا منذ 1991 – وهذا معروف.");
        assertNull(noDateline.date());
        assertEquals("", noDateline.dateline());
        assertEquals(
                "كييف هي عاصمة أوكرانيا منذ 1991 – وهذا معروف.",
                noDateline.paragraphs().get(0));

        assertNull(importer.parse("عنوان\n\nكييف 31 فبراير 2024 – تاريخ غير موجود.")
                .date());
    }

    @Test
    void boilerplateIsConfigurableAndOnlyRemovedAtTheEnds() {
        TextImporter importer =
                new TextImporter(options().withBoilerplate(List.of("اقرأ أيضا", "Exit mobile version")));

        TextImporter.TextArticle article = importer.parse("\n\nعنوان\n\nفقرة فيها اقرأ أيضا.\n\nاقرأ أيضا\n\n"
                + "فقرة.\n\n  اقرأ  أيضا  \nexit MOBILE version\n\n");

        assertEquals("عنوان", article.title());
        assertEquals(List.of("فقرة فيها اقرأ أيضا.", "اقرأ أيضا", "فقرة."), article.paragraphs());
    }

    @Test
    void markdownCharactersInPlainTextAreEscapedNotInterpreted() {
        TextImporter.TextArticle article =
                new TextImporter(options()).parse("عنوان\n\n1. بند\n\n# وسم و*نجمة* و<ليس وسما>");

        assertEquals("1\\. بند\n\n\\# وسم و\\*نجمة\\* و\\<ليس وسما\\>", article.markdownBody());
    }

    @Test
    void withoutDatelineTheArticleIsADraftAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("no-date.txt");
        Files.writeString(source, "خبر بلا تاريخ\r\n\r\nنص الخبر.\r\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2024-09-01T10:00:00Z")));
        Path site = dir.resolve("site");

        ImportReport report = new TextImporter(options()).importFile(source, site);

        FrontMatter front = parse(site.resolve(report.fileOf("no-date.txt")));
        assertTrue(front.yaml().bool("draft", false));
        assertEquals("2024-09-01", front.yaml().string("date"));
        assertEquals("نص الخبر.\n", front.body().strip() + "\n");
        assertEquals(1, report.problems().size(), report.summary());
        assertTrue(report.problems().get(0).message().contains("draft"), report.summary());
    }

    @Test
    void sameTitleTwiceInOneFolderGetsTwoFiles(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(folder.resolve("a.txt"), "العنوان نفسه\n\nكييف 1 يوليو 2024 – أ.", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("b.txt"), "العنوان نفسه\n\nكييف 2 يوليو 2024 – ب.", StandardCharsets.UTF_8);

        ImportReport report = new TextImporter(options()).importFolder(folder, dir.resolve("site"));

        assertEquals(2, report.imported().size(), report.summary());
        assertFalse(report.fileOf("a.txt").equals(report.fileOf("b.txt")));
    }
}
