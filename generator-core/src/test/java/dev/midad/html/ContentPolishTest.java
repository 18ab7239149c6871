package dev.midad.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.i18n.Messages;
import dev.midad.markdown.MarkdownRenderer;
import java.time.format.DecimalStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentPolishTest {
    private final Messages messages = new Messages(
            Map.of("footnotes_title", "الحواشي", "footnote_back", "العودة إلى موضع الحاشية {0}"),
            "ar",
            DecimalStyle.STANDARD);

    @Test
    void footnotesSpeakArabicAndTablesLoseObsoleteAlign() {
        String html = new MarkdownRenderer().render("""
                نص[^1].

                | البند | القيمة |
                |:---|---:|
                | قرض | 2.5 |

                [^1]: المصدر.
                """).html();
        String polished = new BodyChain("", List.of(new ContentPolish(messages))).apply(html);
        assertTrue(polished.contains("aria-label=\"العودة إلى موضع الحاشية 1\""), polished);
        assertFalse(polished.contains("Back to reference"), polished);
        assertTrue(polished.contains("<h2 class=\"footnotes-title\">الحواشي</h2>"), polished);
        assertFalse(polished.contains("align="), polished);
        assertTrue(polished.contains("style=\"text-align:right\""), polished);
    }
}
