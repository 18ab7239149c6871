package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <@cached key=[…]>}: rendered once per key and place in one build, the same text written again. */
class CachedDirectiveTest {
    @TempDir
    Path tmp;

    private Templates.View view(String name, String source) throws Exception {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates").resolve(name), source, StandardCharsets.UTF_8);
        return new Templates(tmp.resolve("templates")).view(Locale.ROOT, Map.of());
    }

    @Test
    void theContentIsRenderedOncePerKeyAndPlaceAndWrittenEachTime() throws Exception {
        // the body counts its renderings: a hit writes the first text and does not run the body again
        Templates.View view = view("t.ftl", """
                <#global n = 0><#list keys as k><@cached key=[k, "x"]><#global n = n + 1>[${k}:${n}]</@cached></#list> \
                <#list keys as k><@cached key=[k, "x"]>{${k}}</@cached></#list> ${n}""");
        StringWriter out = new StringWriter();
        view.render("t.ftl", Map.of("keys", List.of("a", "b", "a", "a", "b")), out);
        // a second place with the same keys has its own fragments
        assertEquals("[a:1][b:2][a:1][a:1][b:2] {a}{b}{a}{a}{b} 2", out.toString());

        // the next page of the same build reuses them; numbers and booleans are keys by value
        StringWriter again = new StringWriter();
        view.render("t.ftl", Map.of("keys", List.of("b", "c")), again);
        assertEquals("[b:2][c:1] {b}{c} 1", again.toString());
    }

    @Test
    void modelObjectsAreKeysByIdentityAndANewBuildStartsEmpty() throws Exception {
        String source = "<#list items as i><@cached key=i>${i.name}:${i?index}</@cached> </#list>";
        Templates templates = new Templates(tmp.resolve("templates"));
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/o.ftl"), source, StandardCharsets.UTF_8);
        Map<String, String> one = Map.of("name", "x");
        Map<String, String> equalButOther = Map.of("name", "x");
        Templates.View build = templates.view(Locale.ROOT, Map.of());
        StringWriter out = new StringWriter();
        build.render("o.ftl", Map.of("items", List.of(one, one, equalButOther)), out);
        assertEquals("x:0 x:0 x:2 ", out.toString(), "an equal map that is another object is another key");

        StringWriter next = new StringWriter(); // another build (a new view): nothing cached yet
        templates.view(Locale.ROOT, Map.of()).render("o.ftl", Map.of("items", List.of(equalButOther, one)), next);
        assertEquals("x:0 x:1 ", next.toString());
    }
}
