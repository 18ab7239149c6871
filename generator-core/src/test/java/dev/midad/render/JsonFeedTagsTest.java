package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFeedTagsTest {
    @TempDir
    Path tmp;

    @Test
    void aCategoryThatIsAlsoATagIsListedOnce() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        TestSites.write(site, "articles/2024/10/both.md", """
                ---
                title: خبر في الاقتصاد
                date: 2024-10-01
                category: اقتصاد
                tags: [اقتصاد, أوديسا]
                ---
                نص.
                """);
        Site.load(site, TestSites.options()).build(tmp.resolve("out"));
        String feed = TestSites.read(tmp.resolve("out"), "feed.json");
        Matcher item = Pattern.compile("\"title\": \"خبر في الاقتصاد\".*?\"tags\": \\[([^\\]]*)\\]", Pattern.DOTALL)
                .matcher(feed);
        assertTrue(item.find(), feed);
        assertEquals("\"اقتصاد\", \"أوديسا\"", item.group(1));
    }
}
