package dev.midad.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhpSerializedTest {
    /** As WordPress 6.5 stores an upload (shortened): string lengths in UTF-8 bytes, sizes nested. */
    static final String METADATA =
            "a:5:{s:5:\"width\";i:1600;s:6:\"height\";i:1067;s:4:\"file\";s:16:\"2024/06/kyiv.jpg\";"
                    + "s:5:\"sizes\";a:2:{s:6:\"medium\";a:4:{s:4:\"file\";s:16:\"kyiv-300x200.jpg\";s:5:\"width\";i:300;"
                    + "s:6:\"height\";i:200;s:9:\"mime-type\";s:10:\"image/jpeg\";}s:9:\"thumbnail\";a:3:{s:4:\"file\";"
                    + "s:16:\"kyiv-150x150.jpg\";s:5:\"width\";i:150;s:6:\"height\";i:150;}}s:10:\"image_meta\";a:2:{"
                    + "s:6:\"credit\";s:12:\"رويترز\";s:11:\"orientation\";s:1:\"0\";}}";

    @Test
    void readsWordPressAttachmentMetadata() {
        assertEquals(
                new AttachmentMetadata(1600, 1067, List.of("kyiv-300x200.jpg", "kyiv-150x150.jpg"), "رويترز"),
                AttachmentMetadata.of(METADATA));
    }

    @Test
    void readsEveryScalarType() {
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put(0L, "مداد");
        expected.put("n", null);
        expected.put("b", true);
        expected.put("d", 0.5);
        expected.put("i", -3L);
        assertEquals(
                expected,
                PhpSerialized.parse(
                        "a:5:{i:0;s:8:\"مداد\";s:1:\"n\";N;s:1:\"b\";b:1;s:1:\"d\";d:0.5;" + "s:1:\"i\";i:-3;}"));
    }

    @Test
    void refusesMalformedAndHostileValues() {
        for (String hostile : List.of(
                "",
                "a:1:{",
                "s:5:\"ab\";",
                "s:-1:\"\";",
                "s:99999999999:\"x\";",
                "a:999999999:{}",
                "i:12345678901234567890;",
                "O:8:\"stdClass\":0:{}",
                "r:1;",
                "b:2;",
                "a:1:{d:1;i:1;}",
                "i:1;trailing",
                "a:1:{i:0;".repeat(40) + "N;" + "}".repeat(40))) {
            assertThrows(IllegalArgumentException.class, () -> PhpSerialized.parse(hostile), hostile);
            assertEquals(AttachmentMetadata.NONE, AttachmentMetadata.of(hostile), hostile);
        }
    }

    @Test
    void metadataWithoutSizesOrWithHostileFileNamesKeepsWhatIsSound() {
        assertEquals(
                new AttachmentMetadata(0, 0, List.of(), ""),
                AttachmentMetadata.of("a:2:{s:5:\"width\";i:-5;s:6:\"height\";s:3:\"abc\";}"));
        assertEquals(
                List.of("ok.jpg"),
                AttachmentMetadata.of("a:1:{s:5:\"sizes\";a:2:{s:1:\"m\";a:1:{s:4:\"file\";s:13:\"../../x\\\".jpg\";}"
                                + "s:1:\"s\";a:1:{s:4:\"file\";s:6:\"ok.jpg\";}}}")
                        .sizeFiles());
    }
}
