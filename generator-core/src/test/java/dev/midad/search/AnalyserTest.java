package dev.midad.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyser on real news sentences (the seed article's among them): which written forms meet. */
class AnalyserTest {
    private final Analyser analyser = new Analyser();

    /** A query word finds a document word: same exact term, or a stem in common. */
    private boolean finds(String query, String document) {
        Analyser.Terms q = analyser.terms(query);
        Analyser.Terms d = analyser.terms(document);
        return q != null
                && d != null
                && (q.exact().equals(d.exact()) || q.stems().stream().anyMatch(d.stems()::contains));
    }

    private List<String> exacts(String text) {
        return analyser.analyse(text).stream().map(Analyser.Terms::exact).toList();
    }

    @Test
    void seedSentenceWordsAreFoundByTheirBareForms() throws Exception {
        String seed = Files.readString(Path.of("..", "seeds", "000_4fb5cd68fdc15878.txt"), StandardCharsets.UTF_8);
        List<String> words = Analyser.words(seed);
        assertTrue(
                words.containsAll(List.of("لكوريا", "والغرب", "وأشار", "ISW", "2022", "للمساعدة")), words.toString());
        assertTrue(finds("كوريا", "لكوريا"));
        assertTrue(finds("الغرب", "والغرب"));
        assertTrue(finds("غرب", "والغرب"));
        assertTrue(finds("أشار", "وأشار"));
        assertTrue(finds("المساعدة", "للمساعدة"));
        assertTrue(finds("مساعدة", "للمساعدة"));
        assertTrue(finds("isw", "ISW"));
        assertTrue(finds("الروسية", "الروسي"));
        assertTrue(finds("أمريكي", "الأمريكي"));
        assertTrue(finds("علاقة", "العلاقات"));
        assertFalse(finds("كوريا", "روسيا"));
    }

    @Test
    void seedSentenceIsSplitAtPunctuationKeepingLatinWhole() {
        assertEquals(
                List.of("صرح", "معهد", "دراسات", "الحرب", "isw", "زياره", "الديكتاتور", "الروسي", "بوتين"),
                exacts("صرح معهد دراسات الحرب ( ISW ) أن زيارة الديكتاتور الروسي بوتين"));
        assertEquals(
                List.of("عام", "2022", "كوريا", "الشماليه", "تدرس", "ارسال", "عمال"),
                exacts("في عام 2022 إلى أن كوريا الشمالية تدرس إرسال عمال"));
    }

    @Test
    void prefixesBeforeAlefAndTheArticle() {
        assertTrue(finds("الحكومة", "والحكومة"));
        assertTrue(finds("حكومة", "والحكومة"));
        assertTrue(finds("حكومة", "وللحكومة"));
        assertTrue(finds("أعلن", "وأعلن"));
        assertTrue(finds("أعلن", "فأعلن"));
        assertTrue(finds("إعلان", "بإعلان"));
        assertTrue(finds("مجلس", "لمجلس"));
        assertTrue(finds("البرلمان", "وبالبرلمان"));
        assertTrue(finds("الوزير", "كالوزير"));
    }

    @Test
    void lettersFoldedInEveryPosition() {
        assertTrue(finds("الميزانيه", "الميزانية"));
        assertTrue(finds("ميزانيه", "الميزانية"));
        assertEquals(analyser.normalise("مستشفى"), analyser.normalise("مستشفي"));
        assertEquals(analyser.normalise("إلى"), analyser.normalise("الي"));
        assertEquals("اعلن", analyser.normalise("أعلن"));
        assertEquals("امال", analyser.normalise("آمال"));
        assertEquals(analyser.normalise("كييف"), analyser.normalise("کییف")); // Persian kaf and yeh
    }

    @Test
    void tashkeelAndTatweelDropped() {
        assertEquals("محمد", analyser.normalise("مُحَمَّدٌ"));
        assertEquals("الحكومه", analyser.normalise("الحكـــومة"));
        assertEquals("قران", analyser.normalise("قُرْآن"));
        assertTrue(finds("الحكومة", "الحُكُومَة"));
    }

    @Test
    void digitsOfEverySystem() {
        assertEquals("2024", analyser.normalise("٢٠٢٤"));
        assertEquals("2024", analyser.normalise("۲۰۲۴"));
        assertEquals(List.of("155", "ملم"), exacts("١٥٥ ملم"));
        assertEquals(List.of("2025", "م"), exacts("2025م"), "a digit run is a word of its own next to Arabic");
    }

    @Test
    void latinAcronymsAndMixedTokensKeptWholeAndCaseFolded() {
        assertEquals(List.of("nato", "f-16", "g7", "covid-19"), exacts("NATO وF-16 وG7 وCOVID-19"));
        assertTrue(finds("f16", "F-16"));
        assertTrue(finds("Nato", "NATO"));
        assertFalse(finds("f-15", "F-16"));
    }

    @Test
    void acronymsInRealSentencesAreFoundByEveryWayAReaderTypesThem() {
        // the seed: «صرح معهد دراسات الحرب ( ISW ) أن …»; the sample site: «حلف شمال الأطلسي (NATO) قمتهم»
        List<String> seed = exacts("صرح معهد دراسات الحرب ( ISW ) أن زيارة الديكتاتور الروسي بوتين");
        assertTrue(seed.contains("isw"), seed.toString());
        List<String> nato = exacts("اختتم قادة حلف شمال الأطلسي (NATO) قمتهم في واشنطن بإعلان مشترك");
        assertTrue(nato.contains("nato"), nato.toString());
        for (String query : List.of("ISW", "isw", "Isw")) {
            assertTrue(finds(query, "ISW"), query);
        }
        for (String query : List.of("NATO", "nato", "Nato")) {
            assertTrue(finds(query, "NATO"), query);
        }
        // attached to an Arabic proclitic or article, after a tatweel, and inside parentheses
        assertEquals(List.of("nato"), exacts("وNATO"));
        assertEquals(List.of("nato"), exacts("الـNATO").subList(1, 2));
        assertEquals(List.of("isw"), exacts("(ISW)"));
        // mixed letters and digits, with and without the hyphen, in either case
        assertEquals(
                List.of("مقاتلات", "f-16", "لمجموعه", "g7", "وقمه", "g20"), exacts("مقاتلات F-16 لمجموعة G7 وقمة G20"));
        assertTrue(finds("f16", "F-16"));
        assertTrue(finds("F16", "F-16"));
        assertTrue(finds("f-16", "F-16"));
        assertTrue(finds("g7", "G7"));
        assertTrue(finds("covid19", "COVID-19"));
        assertFalse(finds("g20", "G7"));
        // short acronyms are not stop words
        assertEquals("un", analyser.terms("UN").exact());
        assertEquals("eu", analyser.terms("EU").exact());
        assertEquals("who", analyser.terms("WHO").exact());
    }

    @Test
    void pronounSuffixesAndSoundPlurals() {
        assertTrue(finds("حكومة", "حكومتها"));
        assertTrue(finds("الحكومة", "حكومتهم"));
        assertTrue(finds("المدن", "مدنهم"));
        assertTrue(finds("المعلمون", "المعلمين"));
        assertTrue(finds("مقاتلات", "مقاتلة"));
        assertTrue(finds("صادرات", "الصادرات"));
    }

    @Test
    void stopWordsHaveNoTerms() {
        assertNull(analyser.terms("في"));
        assertNull(analyser.terms("على"));
        assertNull(analyser.terms("ـ"));
    }

    @Test
    void shardsSpreadTheArticleWords() {
        assertEquals(Analyser.shardOf("الحكومه", 3), Analyser.shardOf("الحكم", 3));
        assertFalse(Analyser.shardOf("الحكومه", 3).equals(Analyser.shardOf("الحرب", 3)));
        assertEquals("006e00610074", Analyser.shardOf("nato", 3));
        assertEquals("0066", Analyser.shardOf("f", 3));
        assertEquals("006e0061", Analyser.shardOf("nato", 2));
        assertEquals("006e", Analyser.shardOf("nato", 1));
        assertEquals(Analyser.shardOf("الحرب", 1), Analyser.shardOf("الحكومه", 2), "ال and one letter");
        assertFalse(Analyser.shardOf("الحرب", 1).equals(Analyser.shardOf("السلام", 1)));
        assertEquals(Analyser.shardOf("والحرب", 1), Analyser.shardOf("والحكومه", 1));
    }
}
