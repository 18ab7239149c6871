package dev.midad.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportReportTest {

    @Test
    void summaryListsImportedSkippedAndProblemsEachOnALine() {
        ImportReport report = new ImportReport(
                List.of(
                        new ImportReport.Imported(
                                "post 101", "عنوان", Path.of("articles", "2024", "06", "101-a.md"), false),
                        new ImportReport.Imported("page 7", "من نحن", Path.of("pages", "7-mn-nhn.md"), true)),
                List.of(new ImportReport.Skipped("attachment 120", "an attachment", false)),
                List.of(Problem.at(Path.of("export.xml"), 216, "1 character XML does not allow (U+0008) removed")));

        assertEquals("""
                Midad import: 2 imported (1 replaced), 1 skipped, 1 problem
                Imported:
                  post 101 → articles/2024/06/101-a.md  «عنوان»
                  page 7 → pages/7-mn-nhn.md (replaced the existing file)  «من نحن»
                Skipped:
                  attachment 120: an attachment
                Check:
                  export.xml:216: 1 character XML does not allow (U+0008) removed""", report.summary());
        assertEquals(Path.of("pages", "7-mn-nhn.md"), report.fileOf("page 7"));
        assertNull(report.fileOf("post 999"));
        assertEquals("an attachment", report.reasonSkipped("attachment 120"));
    }

    @Test
    void reportsAddUp() {
        ImportReport a =
                new ImportReport(List.of(), List.of(new ImportReport.Skipped("a.txt", "empty", false)), List.of());
        ImportReport b = new ImportReport(
                List.of(new ImportReport.Imported("b.txt", "ب", Path.of("b.md"), false)), List.of(), List.of());

        ImportReport both = a.and(b);

        assertEquals("Midad import: 1 imported, 1 skipped, 0 problems", both.headline());
    }

    @Test
    void importerPicksTheImporterByKindAndRefusesOthers(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("article.docx");
        Files.writeString(doc, "x", StandardCharsets.UTF_8);

        ImportException unknown = assertThrows(
                ImportException.class, () -> Importer.importFrom(doc, dir.resolve("site"), ImportOptions.defaults()));
        ImportException missing = assertThrows(
                ImportException.class,
                () -> Importer.importFrom(dir.resolve("missing.xml"), dir.resolve("site"), ImportOptions.defaults()));

        assertTrue(unknown.getMessage().contains(".xml"), unknown.getMessage());
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void siteTimeZoneComesFromSiteYaml(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), Importer.siteTimeZone(dir));
        Files.writeString(dir.resolve("site.yaml"), "title: x\ntime_zone: Africa/Cairo\n", StandardCharsets.UTF_8);
        assertEquals(Optional.of(ZoneId.of("Africa/Cairo")), Importer.siteTimeZone(dir), "base_url missing: no matter");
        Files.writeString(dir.resolve("site.yaml"), "title: x\n", StandardCharsets.UTF_8);
        assertEquals(Optional.of(ZoneId.of("UTC")), Importer.siteTimeZone(dir), "the site's own default");
    }
}
