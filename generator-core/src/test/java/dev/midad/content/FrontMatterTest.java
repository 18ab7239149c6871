package dev.midad.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    private static final Path FILE = Path.of("articles/x.md");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private final List<Problem> problems = new ArrayList<>();

    private FrontMatter split(String text) {
        return FrontMatter.split(FILE, text, problems);
    }

    @Test
    void readsFieldsAndKeepsUnknownKeys() {
        FrontMatter fm = split("""
                ---
                title: "بوتين: زيارة"
                date: 2024-06-20
                author: [سارة حسن, يوري كوفالينكو]
                tags:
                  - روسيا
                  - الناتو
                featured: true
                priority: high
                ---
                النص
                """);
        assertTrue(problems.isEmpty(), problems::toString);
        YamlMapping yaml = fm.yaml();
        assertEquals("بوتين: زيارة", yaml.string("title"));
        assertEquals(List.of("سارة حسن", "يوري كوفالينكو"), yaml.strings("author"));
        assertEquals(List.of("روسيا", "الناتو"), yaml.strings("tags"));
        assertTrue(yaml.bool("featured", false));
        assertEquals("high", yaml.values().get("priority"));
        assertEquals("النص\n", fm.body());
        assertEquals(11, fm.bodyFirstLine());
    }

    @Test
    void yaml12CoreSchemaKeepsNorwayAndYesAsText() {
        FrontMatter fm = split("---\ntitle: no\ncategory: yes\n---\n");
        assertEquals("no", fm.yaml().string("title"));
        assertEquals("yes", fm.yaml().string("category"));
    }

    @Test
    void datesWithAndWithoutTimeAndOffset() {
        FrontMatter fm = split("""
                ---
                a: 2024-06-20
                b: 2024-06-20T10:00
                c: 2024-06-20 10:00:00
                d: 2024-06-20T10:00:00+03:00
                e: 2024-06-20T07:00:00Z
                ---
                """);
        YamlMapping y = fm.yaml();
        assertEquals(ZonedDateTime.of(2024, 6, 20, 0, 0, 0, 0, KYIV), y.dateTime("a", KYIV));
        assertEquals(ZonedDateTime.of(2024, 6, 20, 10, 0, 0, 0, KYIV), y.dateTime("b", KYIV));
        assertEquals(ZonedDateTime.of(2024, 6, 20, 10, 0, 0, 0, KYIV), y.dateTime("c", KYIV));
        assertEquals(y.dateTime("d", KYIV).toInstant(), y.dateTime("e", KYIV).toInstant());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void impossibleDateIsReportedOnItsLine() {
        FrontMatter fm = split("---\ntitle: t\ndate: 2024-02-30\n---\n");
        assertNull(fm.yaml().dateTime("date", KYIV));
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertTrue(
                problems.get(0).message().contains("2024-02-30"),
                problems.get(0).message());
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertNotNull(split("---\ntitle: t\ndate: \"2024-06-20\ntags: [a\n---\n"));
        assertEquals(1, problems.size(), problems::toString);
        Problem p = problems.get(0);
        assertEquals(FILE, p.file());
        assertTrue(p.line() >= 3, p.toString());
        assertTrue(p.message().startsWith("invalid YAML"), p.toString());
    }

    @Test
    void tabsGetAHint() {
        split("---\ntitle: t\ntags:\n\t- a\n---\n");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("tabs"), problems.get(0).toString());
        assertEquals(4, problems.get(0).line());
    }

    @Test
    void wrongTypeNamesTheKeyLine() {
        FrontMatter fm = split("---\ntitle: t\ndraft: maybe\ncategory: [a, b]\n---\n");
        fm.yaml().bool("draft", false);
        fm.yaml().string("category");
        assertEquals(2, problems.size(), problems::toString);
        assertEquals(3, problems.get(0).line());
        assertEquals(4, problems.get(1).line());
    }

    @Test
    void missingOrUnclosedFrontMatter() {
        assertNull(split("# عنوان\nنص"));
        assertNull(split("---\ntitle: t\n"));
        assertNull(split(""));
        assertEquals(3, problems.size());
        assertTrue(problems.get(0).message().contains("first line must be '---'"));
        assertTrue(problems.get(1).message().contains("not closed"));
        assertTrue(problems.get(2).message().contains("empty"));
    }

    @Test
    void frontMatterWithoutBodyIsFine() {
        FrontMatter fm = split("---\ntitle: t\n---");
        assertNotNull(fm);
        assertEquals("", fm.body());
    }

    @Test
    void byteOrderMarkAndCrlfAreAcceptedSilently() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "---\r\ntitle: عنوان\r\n---\r\nنص\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);
        String text = SourceText.decode(bytes, FILE, problems);
        assertEquals("---\ntitle: عنوان\n---\nنص\n", text);
        assertEquals("عنوان", split(text).yaml().string("title"));
        assertTrue(problems.isEmpty());
    }

    @Test
    void windows1256FileIsRejectedWithAConversionHint() {
        byte[] legacy = "---\ntitle: t\n---\nبوتين\n".getBytes(Charset.forName("windows-1256"));
        assertNull(SourceText.decode(legacy, FILE, problems));
        assertEquals(1, problems.size());
        assertEquals(4, problems.get(0).line());
        assertTrue(
                problems.get(0).message().contains("iconv -f WINDOWS-1256 -t UTF-8"),
                problems.get(0).message());
    }
}
