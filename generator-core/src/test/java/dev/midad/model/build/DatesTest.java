package dev.midad.model.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.midad.config.OutputSettings;
import dev.midad.config.SiteConfig;
import dev.midad.model.DateView;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatesTest {
    static SiteConfig config(String locale, String digits) {
        return new SiteConfig(
                "t",
                "",
                URI.create("https://x.example/"),
                "ar",
                "rtl",
                Locale.forLanguageTag(locale),
                digits,
                ZoneId.of("Europe/Kyiv"),
                "/{yyyy}/{mm}/{slug}/",
                10,
                dev.midad.config.Pagination.ARCHIVE,
                20,
                "d MMMM yyyy",
                "",
                "",
                "",
                List.of(),
                List.of(),
                false,
                false,
                false,
                "arabic",
                Map.of(),
                List.of(),
                List.of(),
                Map.of(),
                OutputSettings.defaults(20));
    }

    private final ZonedDateTime seed = ZonedDateTime.parse("2024-06-20T07:00:00Z");

    @Test
    void writesDatesAsTheSeedDoes() {
        DateView view = new Dates(config("ar-EG", "latn")).view(seed);
        assertEquals("20 يونيو 2024", view.text());
        assertEquals("2024-06-20T10:00:00+03:00", view.iso());
        assertEquals("Thu, 20 Jun 2024 10:00:00 +0300", view.rfc822());
    }

    @Test
    void levantineMonthsAndArabicIndicDigits() {
        DateView view = new Dates(config("ar-LB", "arab")).view(seed);
        assertEquals("٢٠ حزيران ٢٠٢٤", view.text());
        // machine formats never follow the reader locale
        assertEquals("Thu, 20 Jun 2024 10:00:00 +0300", view.rfc822());
    }

    @Test
    void independentOfJvmDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            assertEquals(
                    "Thu, 20 Jun 2024 10:00:00 +0300",
                    new Dates(config("ar-EG", "latn")).view(seed).rfc822());
        } finally {
            Locale.setDefault(previous);
        }
    }
}
