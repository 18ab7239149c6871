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
}
