package dev.midad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.lang.UCharacter;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class PortableNamesTest {
    /** The definition: full case folding of the NFC form, in NFC. */
    private static String folded(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return Normalizer.normalize(UCharacter.foldCase(nfc, true), Normalizer.Form.NFC);
    }

    @Test
    void everyCharacterAndPairFoldsAsTheDefinitionSays() {
        // ASCII, Latin-1, the Arabic block (letters, marks, digits) and its presentation forms, Greek long s
        StringBuilder characters = new StringBuilder();
        for (char c = 0x20; c < 0x100; c++) {
            characters.append(c);
        }
        for (char c = 0x0600; c <= 0x06ff; c++) {
            characters.append(c);
        }
        characters.append("\ufb50\ufe8d\ufefb\u017f\u03a3\u212a");
        for (int i = 0; i < characters.length(); i++) {
            String one = String.valueOf(characters.charAt(i));
            assertEquals(folded(one), PortableNames.fold(one), "U+" + Integer.toHexString(one.charAt(0)));
            // a letter and a mark after it may compose (alef + hamza above is U+0623): every pair
            for (int j = 0; j < characters.length(); j++) {
                String two = one + characters.charAt(j);
                assertEquals(folded(two), PortableNames.fold(two), two);
            }
        }
    }

    @Test
    void outputPathsFoldAsBefore() {
        for (String path : new String[] {
            "2024/06/بوتين-كوريا-الشمالية/index.html",
            "tags/NATO/index.html",
            "tags/nato/index.html",
            "2024/06/ا\u0654/index.html",
            "café/index.html",
            "cafe\u0301/index.html",
            "ſport.html"
        }) {
            assertEquals(folded(path), PortableNames.fold(path), path);
        }
        assertEquals("tags/nato/index.html", PortableNames.fold("tags/NATO/index.html"));
        assertEquals("2024/06/\u0623/index.html", PortableNames.fold("2024/06/ا\u0654/index.html"));
    }
}
