package dev.midad.importer;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How to import. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.defaults().withTimeZone(ZoneId.of("Europe/Kyiv")).withOverwrite(true);
 * }</pre>
 *
 * @param timeZone    zone of the old site: WordPress dates without an offset (drafts have no GMT date) are read in
 *                    it, and imported dates are written with its offset
 * @param overwrite   true: replace content files that already exist (the report says which); false: skip them
 * @param boilerplate lines that are not part of an article when they end (or start) a plain-text file, such as
 *                    the "Exit mobile version" footer of WordPress's AMP plugin; compared ignoring case and the
 *                    white space around them
 */
public record ImportOptions(ZoneId timeZone, boolean overwrite, List<String> boilerplate) {

    /** Site chrome that copy-and-paste from a WordPress page drags along. */
    public static final List<String> DEFAULT_BOILERPLATE =
            List.of("Exit mobile version", "Skip to content", "Share this:");

    public ImportOptions {
        Objects.requireNonNull(timeZone, "timeZone");
        boilerplate = List.copyOf(boilerplate);
    }

    /** UTC, never overwrite, {@link #DEFAULT_BOILERPLATE}. */
    public static ImportOptions defaults() {
        return new ImportOptions(ZoneId.of("UTC"), false, DEFAULT_BOILERPLATE);
    }

    public ImportOptions withTimeZone(ZoneId zone) {
        return new ImportOptions(zone, overwrite, boilerplate);
    }

    public ImportOptions withOverwrite(boolean replace) {
        return new ImportOptions(timeZone, replace, boilerplate);
    }

    public ImportOptions withBoilerplate(List<String> lines) {
        return new ImportOptions(timeZone, overwrite, lines);
    }
}
