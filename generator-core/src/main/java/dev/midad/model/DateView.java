package dev.midad.model;

import java.time.ZonedDateTime;

/**
 * One instant, pre-formatted for every audience.
 *
 * @param value  the instant in the site's time zone
 * @param text   reader-facing text in the site's locale and digits, e.g. "20 يونيو 2024"
 * @param time   reader-facing time of day, e.g. "10:00"
 * @param hijri  the Hijri (Umm al-Qura) date, e.g. "14 ذو الحجة 1445", or empty when the site does not show it
 * @param iso    ISO 8601 with offset, for {@code <time datetime>}, Atom and JSON-LD
 * @param rfc822 English RFC 822 text, for RSS
 * @param epochMilli the instant as milliseconds since 1970 (sorting thousands of dates per build cheaply)
 */
public record DateView(
        ZonedDateTime value, String text, String time, String hijri, String iso, String rfc822, long epochMilli) {}
