package dev.midad.model;

import dev.midad.config.SiteConfig;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Locale;

/**
 * Formats instants for readers (site locale and digits) and for machines (ISO 8601, English RFC 822),
 * never with the JVM's default locale.
 */
public final class Dates {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final DateTimeFormatter reader;
    private final SiteConfig config;

    public Dates(SiteConfig config) {
        this.config = config;
        DecimalStyle digits = config.digits().equals("arab")
                ? DecimalStyle.STANDARD.withZeroDigit('\u0660')
                : DecimalStyle.STANDARD;
        this.reader = DateTimeFormatter.ofPattern(config.dateFormat(), config.locale()).withDecimalStyle(digits);
    }

    public DateView view(ZonedDateTime instant) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.withZoneSameInstant(config.timeZone());
        return new DateView(local, reader.format(local), ISO.format(local), RFC_822.format(local));
    }
}
