package dev.midad.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict UTF-8: the fast path must accept exactly what the strict decoder accepts. */
class SourceTextTest {
    private static final Path FILE = Path.of("articles/a.md");

    private static byte[] bytes(String text, int... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        for (int b : extra) {
            out.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void arabicWithBomAndCrlfReadsAsLfText() {
        List<Problem> problems = new ArrayList<>();
        byte[] withBom = bytes("\uFEFFكييف 20 يونيو\r\nNATO\rISW\n");
        assertEquals("كييف 20 يونيو\nNATO\nISW\n", SourceText.decode(withBom, FILE, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void aReplacementCharacterWrittenOnPurposeIsValidText() {
        List<Problem> problems = new ArrayList<>();
        assertEquals("علامة \uFFFD هنا\n", SourceText.decode(bytes("علامة \uFFFD هنا\n"), FILE, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMalformedSequenceIsReportedAtItsLineAndColumn() {
        int[][] malformed = {
            {0xD8}, // a lone lead byte
            {0xC0, 0xAF}, // overlong '/'
            {0xED, 0xA0, 0x80}, // a UTF-16 surrogate encoded as UTF-8
            {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
            {0x80} // a lone continuation byte
        };
        for (int[] bad : malformed) {
            List<Problem> problems = new ArrayList<>();
            byte[] input = bytes("سطر\nكلمة ", bad);
            assertNull(SourceText.decode(input, FILE, problems));
            assertEquals(1, problems.size(), problems.toString());
            String shown = problems.get(0).toString();
            assertTrue(shown.startsWith("articles/a.md:2:6: "), shown);
            assertTrue(shown.contains("UTF-8"), shown);
        }
    }
}
