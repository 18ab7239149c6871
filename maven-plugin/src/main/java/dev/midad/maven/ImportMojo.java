package dev.midad.maven;

import dev.midad.importer.ImportException;
import dev.midad.importer.ImportOptions;
import dev.midad.importer.ImportReport;
import dev.midad.importer.Importer;
import dev.midad.problem.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports a WordPress export (.xml), a plain-text article (.txt) or a folder of them into the site's
 * {@code articles/} and {@code pages/}. Existing files are left alone unless {@code overwrite} is set; the report
 * lists what was imported, what was skipped and why.
 *
 * <pre>mvn midad:import -Dmidad.import.file=wordpress-export.xml -Dmidad.import.timeZone=Europe/Kyiv</pre>
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractMidadMojo {

    /** What to import: a WordPress export (.xml), a .txt article, or a folder of .txt articles. */
    @Parameter(property = "midad.import.file", required = true)
    private File file;

    /** Replace content files that already exist. */
    @Parameter(property = "midad.import.overwrite", defaultValue = "false")
    private boolean overwrite;

    /** Time zone of the old site, e.g. Europe/Kyiv; default: time_zone of site.yaml, else UTC. */
    @Parameter(property = "midad.import.timeZone")
    private String timeZone;

    /** Lines removed from the end of plain-text articles; default: Exit mobile version, Skip to content, Share this: */
    @Parameter(property = "midad.import.boilerplate")
    private List<String> boilerplate;

    @Override
    protected void run(Path siteDir) throws MojoFailureException {
        ImportOptions options =
                ImportOptions.defaults().withTimeZone(zone(siteDir)).withOverwrite(overwrite);
        if (boilerplate != null && !boilerplate.isEmpty()) {
            options = options.withBoilerplate(boilerplate);
        }
        Path source = file.toPath().toAbsolutePath().normalize();
        try {
            ImportReport report = Importer.importFrom(source, siteDir, options);
            for (ImportReport.Imported imported : report.imported()) {
                getLog().info("imported " + imported.source() + " → "
                        + imported.file().toString().replace('\\', '/')
                        + (imported.overwritten() ? " (replaced the existing file)" : ""));
            }
            for (ImportReport.Skipped skipped : report.skipped()) {
                getLog().info("skipped " + skipped.source() + ": " + skipped.reason());
            }
            for (Problem problem : report.problems()) {
                getLog().warn(problem.toString());
            }
            getLog().info(report.headline() + " → " + siteDir);
            if (!report.failed().isEmpty()) { // warnings alone are a success
                throw new MojoFailureException(
                        "Midad could not import " + report.failed().size() + " of the items in "
                                + source + ": "
                                + report.failed().stream()
                                        .map(f -> f.source() + " (" + f.reason() + ")")
                                        .toList());
            }
        } catch (ImportException e) {
            e.problems().forEach(p -> getLog().error(p.toString()));
            throw new MojoFailureException("Midad could not import " + source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoFailureException("Midad could not import " + source + ": " + e, e);
        }
    }

    private ZoneId zone(Path siteDir) throws MojoFailureException {
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                return ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                throw new MojoFailureException("midad.import.timeZone '" + timeZone + "' is not a time zone: use a"
                        + " name such as Europe/Kyiv or Africa/Cairo");
            }
        }
        return Importer.siteTimeZone(siteDir).orElse(ZoneId.of("UTC"));
    }
}
