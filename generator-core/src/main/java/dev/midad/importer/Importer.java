package dev.midad.importer;

import dev.midad.config.SiteConfigLoader;
import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The import command: picks the importer for what it is given.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.defaults().withTimeZone(Importer.siteTimeZone(site).orElse(ZoneOffset.UTC));
 * ImportReport report = Importer.importFrom(Path.of("export.xml"), site, options);
 * System.out.println(report.summary());
 * }</pre>
 */
public final class Importer {
    private Importer() {}

    /**
     * Imports {@code source} into {@code siteDir}: a WordPress export ({@code .xml}), a plain-text article
     * ({@code .txt}) or a folder of plain-text articles.
     *
     * @throws ImportException the source is missing, of an unknown kind, or not a well-formed export; nothing was
     *                         written
     * @throws IOException     a file could not be read or written
     */
    public static ImportReport importFrom(Path source, Path siteDir, ImportOptions options)
            throws IOException, ImportException {
        if (Files.isDirectory(source)) {
            return new TextImporter(options).importFolder(source, siteDir);
        }
        if (!Files.isRegularFile(source)) {
            throw new ImportException(Problem.of(source, "nothing to import here: no such file or folder"));
        }
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") || name.endsWith(".wxr")) {
            return new WxrImporter(options).importFile(source, siteDir);
        }
        if (name.endsWith(".txt")) {
            return new TextImporter(options).importFile(source, siteDir);
        }
        throw new ImportException(Problem.of(
                source,
                "cannot import this kind of file: give a WordPress export"
                        + " (.xml), a plain-text article (.txt) or a folder of .txt files"));
    }

    /**
     * The {@code time_zone} of {@code siteDir/site.yaml}, when the file exists and names a valid zone (other
     * mistakes in the file do not matter here); the importer reads WordPress dates without an offset in it and
     * writes dates with its offset.
     */
    public static Optional<ZoneId> siteTimeZone(Path siteDir) {
        Path file = siteDir.resolve(SiteConfigLoader.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        String text = SourceText.read(file, file, problems);
        if (text == null) {
            return Optional.empty();
        }
        String zone = YamlMapping.parse(file, 1, text, problems).string("time_zone");
        if (zone == null || zone.isBlank()) {
            return Optional.of(ZoneId.of("UTC")); // the site's own default
        }
        try {
            return Optional.of(ZoneId.of(zone.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
