package dev.midad.config;

import dev.midad.yaml.VisibleText;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict checks of site.yaml values that become file names, paths or patterns. A language names the message
 * bundle that is read ({@code i18n/<language>.properties}) and an edition's path names a folder that is read
 * and written, so each must match a pattern that cannot name anything else ({@code ../../x}, a NUL, a
 * drive letter); a date pattern must format a real date, not only parse.
 */
final class ConfigValues {
    /** BCP 47 language tags as sites write them: ar, en, ar-EG, zh-Hant-TW. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");
    /** A site path of a file served from static/: /images/logo.svg; no dot segments, no backslash. */
    private static final Pattern SITE_PATH =
            Pattern.compile("(/[\\p{L}\\p{N}\\p{M}_~%+-][\\p{L}\\p{N}\\p{M}._~%+-]*)+");

    private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2024, 6, 20, 10, 0, 0, 0, ZoneOffset.ofHours(3));

    private ConfigValues() {}

    /** The problem with {@code language} as a language tag (and file name), if any. */
    static Optional<String> language(String key, String language) {
        if (LANGUAGE.matcher(language).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + key + "' must be a language tag such as ar, en or ar-EG (letters, digits and '-'"
                + " only: it names the message bundle), not '" + printable(language) + "'");
    }

    /** The problem with {@code pattern} as a java.time pattern that formats dates, if any. */
    static Optional<String> dateFormat(String key, String pattern, Locale locale) {
        try {
            DateTimeFormatter.ofPattern(pattern, locale).format(SAMPLE);
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.of("'" + key + "' is not a java.time date pattern: '" + printable(pattern) + "' ("
                    + e.getMessage() + "); write e.g. d MMMM yyyy");
        }
    }

    /** The problem with {@code reference} as a site path (/images/logo.svg) or an http(s) URL, if any. */
    static Optional<String> sitePathOrUrl(String key, String reference) {
        if (reference.isEmpty()
                || SITE_PATH.matcher(reference).matches()
                || reference.matches("https?://[^\\s\"<>\\\\^`{|}\\x00-\\x1f\\x7f]+")) {
            return Optional.empty();
        }
        return Optional.of("'" + key + "' must be a site path such as /images/logo.svg (no '..', '\\\\' or control"
                + " characters) or an http(s) URL, not '" + printable(reference) + "'");
    }

    static String printable(String text) {
        return VisibleText.of(text);
    }
}
