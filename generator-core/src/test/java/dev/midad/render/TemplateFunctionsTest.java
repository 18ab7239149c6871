package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TemplateFunctionsTest {
    private final ZonedDateTime now = ZonedDateTime.parse("2024-06-20T12:00:00+03:00");

    @Test
    void relativeTimesInArabicWithTheSitesDigits() {
        RelativeDateTimeFormatter latn = RelativeDateTimeFormatter.getInstance(new ULocale("ar@numbers=latn"));
        assertEquals("قبل 3 ساعات", TemplateFunctions.relative(latn, now.minusHours(3), now));
        assertEquals("قبل 11 دقيقة", TemplateFunctions.relative(latn, now.minusMinutes(11), now));
        assertEquals("قبل يومين", TemplateFunctions.relative(latn, now.minusDays(2), now));
        RelativeDateTimeFormatter arab = RelativeDateTimeFormatter.getInstance(new ULocale("ar@numbers=arab"));
        assertEquals("قبل ٣ ساعات", TemplateFunctions.relative(arab, now.minusHours(3), now));
    }
}
