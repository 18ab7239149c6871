package dev.midad.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page encoded at once has the bytes it had when streamed through the writer. */
class XmlSafeWriterTest {
    private static byte[] streamed(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new XmlSafeWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    @Test
    void encodingAtOnceDropsWhatTheWriterDropsAndEncodesAlike() throws Exception {
        String[] texts = {
            "",
            "<p>مرحبا NATO</p>\n",
            "a\u0000b\u0001c\tline\r\nd\u000be\uFFFEf\uFFFFg",
            "\u0007\u0008 only controls then text \uD83D\uDE00 emoji",
            "unpaired \uD800 high and \uDC00 low surrogates",
            "\uD83D", // a lone high surrogate at the end
            "\uD83D\u0001\uDE00", // the halves of a pair around a dropped control: joined, as streamed
            "\uFEFB \uFDF2 \uFFFD \uFFFC \uFFEE", // Arabic presentation forms and other EF-led characters
            "x\uFFFF", // a forbidden character at the very end
            "\uFFFEx\uFFFF",
        };
        for (String text : texts) {
            assertArrayEquals(streamed(text), XmlSafeWriter.utf8(text), text);
            assertArrayEquals(streamed(text), XmlSafeWriter.utf8(new StringBuilder(text)), text);
        }
    }

    @Test
    void randomMixesOfEveryKindOfCharacterEncodeAsStreamed() throws Exception {
        // controls, ASCII, Arabic, three-byte characters, U+FFFE/U+FFFF and both halves of surrogate pairs
        char[] alphabet = {
            '\u0000', '\u0001', '\t', '\n', '\r', '\u001F', ' ', 'a', '<', '\u007F', '\u0080', '\u0627', '\u07FF',
            '\u0800', '\u200F', '\uFEFB', '\uFFFD', '\uFFFE', '\uFFFF', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'
        };
        java.util.Random random = new java.util.Random(20240620);
        for (int run = 0; run < 3000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String shown = text.chars()
                    .mapToObj(c -> String.format("%04x", c))
                    .toList()
                    .toString();
            assertArrayEquals(streamed(text.toString()), XmlSafeWriter.utf8(text), shown);
        }
        String longer = "خبر NATO \uD83D\uDE00 ".repeat(40_000); // past the buffers a thread keeps
        assertArrayEquals(streamed(longer), XmlSafeWriter.utf8(longer));
        assertArrayEquals(streamed("<p>بعده</p>"), XmlSafeWriter.utf8("<p>بعده</p>"), "a short page after it");
    }
}
