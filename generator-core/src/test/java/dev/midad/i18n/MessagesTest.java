package dev.midad.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.format.DecimalStyle;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Map<String, String> READING = Map.of(
            "reading_time.zero", "دقيقة قراءة",
            "reading_time.one", "دقيقة قراءة",
            "reading_time.two", "دقيقتان قراءة",
            "reading_time.few", "{0} دقائق قراءة",
            "reading_time.many", "{0} دقيقة قراءة",
            "reading_time.other", "{0} دقيقة قراءة",
            "read_also", "اقرأ أيضاً",
            "page_n", "الصفحة {0} من {1}");

    @Test
    void arabicPluralFormsFollowCldr() {
        Messages m = new Messages(READING, "ar", DecimalStyle.STANDARD);
        assertEquals("دقيقة قراءة", m.count("reading_time", 1));
        assertEquals("دقيقتان قراءة", m.count("reading_time", 2));
        assertEquals("3 دقائق قراءة", m.count("reading_time", 3));
        assertEquals("10 دقائق قراءة", m.count("reading_time", 10));
        assertEquals("11 دقيقة قراءة", m.count("reading_time", 11));
        assertEquals("100 دقيقة قراءة", m.count("reading_time", 100));
        assertEquals("103 دقائق قراءة", m.count("reading_time", 103));
    }

    @Test
    void arabicIndicDigitsWhenTheSiteAsksForThem() {
        Messages m = new Messages(READING, "ar", DecimalStyle.STANDARD.withZeroDigit('\u0660'));
        assertEquals("١١ دقيقة قراءة", m.count("reading_time", 11));
    }

    @Test
    void argumentsAndMissingKeys() {
        Messages m = new Messages(READING, "ar", DecimalStyle.STANDARD);
        assertEquals("اقرأ أيضاً", m.get("read_also"));
        assertEquals("الصفحة 2 من 5", m.get("page_n", 2, 5));
        assertEquals("no_such_key", m.get("no_such_key"));
    }

    @Test
    void themeBundleIsCompleteForEveryKeyTheEngineUses() throws Exception {
        Messages ar = Messages.load(
                "/dev/midad/theme", java.nio.file.Path.of("no-site-templates"), "ar", Map.of(), DecimalStyle.STANDARD);
        for (String key : new String[] {
            "taxonomy.category",
            "taxonomy.tag",
            "taxonomy.author",
            "page_title.page_n",
            "page_title.term_page_n",
            "page_title.feeds",
            "page_title.not_found",
            "description.term",
            "description.feeds"
        }) {
            assertEquals(false, ar.get(key).equals(key), "missing in ar.properties: " + key);
        }
        assertEquals("3 دقائق قراءة", ar.count("reading_time", 3));
    }

    @Test
    void siteOverridesWinKeyByKey() throws Exception {
        Messages m = Messages.load(
                "/dev/midad/theme",
                java.nio.file.Path.of("no-site-templates"),
                "ar",
                Map.of("taxonomy.tag", "الكلمات المفتاحية"),
                DecimalStyle.STANDARD);
        assertEquals("الكلمات المفتاحية", m.get("taxonomy.tag"));
        assertEquals(false, m.get("taxonomy.category").equals("taxonomy.category"));
    }
}
