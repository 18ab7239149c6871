package dev.midad.model.build;

import dev.midad.config.SiteConfig;
import dev.midad.model.DateView;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Locale;

/**
 * Formats instants for readers (site locale, region and digits; optionally the Hijri date) and for machines
 * (ISO 8601, English RFC 822), never with the JVM's default locale.
 */
public final class Dates {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final SiteConfig config;
    private final DateTimeFormatter reader;
    private final DateTimeFormatter time;
    private final DateTimeFormatter hijri;

    public Dates(SiteConfig config) {
        this.config = config;
        DecimalStyle digits = digits(config.digits());
        this.reader = DateTimeFormatter.ofPattern(config.dateFormat(), config.locale())
                .withDecimalStyle(digits);
        this.time = DateTimeFormatter.ofPattern("HH:mm", config.locale()).withDecimalStyle(digits);
        this.hijri = config.hijri()
                ? DateTimeFormatter.ofPattern("d MMMM y", config.locale())
                        .withChronology(HijrahChronology.INSTANCE)
                        .withDecimalStyle(digits)
                : null;
    }

    /** {@code latn}: 0123456789; {@code arab}: ٠١٢٣٤٥٦٧٨٩. */
    public static DecimalStyle digits(String system) {
        return system.equals("arab") ? DecimalStyle.STANDARD.withZeroDigit('\u0660') : DecimalStyle.STANDARD;
    }

    public DateView view(ZonedDateTime instant) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime local = instant.withZoneSameInstant(config.timeZone());
        ZonedDateTime machine = inWholeMinutes(local);
        return new DateView(
                local,
                reader.format(local),
                time.format(local),
                hijriText(local),
                ISO.format(machine),
                RFC_822.format(machine),
                local.toInstant().toEpochMilli());
    }

    /**
     * The same instant at an offset of whole minutes: RFC 3339 and RFC 822 cannot write seconds in an offset
     * (local mean time before 1900 has them, e.g. Europe/Kyiv +02:02:04), so such an offset is truncated.
     */
    static ZonedDateTime inWholeMinutes(ZonedDateTime local) {
        int seconds = local.getOffset().getTotalSeconds();
        if (seconds % 60 == 0) {
            return local;
        }
        return local.withZoneSameInstant(java.time.ZoneOffset.ofTotalSeconds(seconds / 60 * 60));
    }

    private String hijriText(ZonedDateTime local) {
        if (hijri == null) {
            return "";
        }
        try {
            return hijri.format(local);
        } catch (DateTimeException e) {
            return ""; // outside the Umm al-Qura table (1300–1600 AH)
        }
    }
}
