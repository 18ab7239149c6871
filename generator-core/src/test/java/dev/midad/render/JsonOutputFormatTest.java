package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** JSON string escaping of template values: JSON-safe and safe inside an HTML script element. */
class JsonOutputFormatTest {
    private static String written(String text) throws Exception {
        StringWriter out = new StringWriter();
        JsonOutputFormat.INSTANCE.output(text, out);
        return out.toString();
    }

    @Test
    void plainArabicTextIsWrittenAsItIs() throws Exception {
        String title = "بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية (NATO، F-16)";
        assertSame(title, JsonOutputFormat.INSTANCE.escapePlainText(title));
        assertEquals(title, written(title));
    }

    @Test
    void everyCharacterThatCouldBreakJsonOrAScriptElementIsEscaped() throws Exception {
        String hostile = "\"q\" \\ </script><b>&amp;\n\r\t\u0000\u001f\u2028\u2029 كييف";
        String expected = "\\\"q\\\" \\\\ \\u003c/script\\u003e\\u003cb\\u003e\\u0026amp;\\n\\r\\t\\u0000\\u001f"
                + "\\u2028\\u2029 كييف";
        assertEquals(expected, JsonOutputFormat.INSTANCE.escapePlainText(hostile));
        assertEquals(expected, written(hostile));
        assertEquals("نص \\u003cem\\u003e", JsonOutputFormat.INSTANCE.escapePlainText("نص <em>"));
    }
}
