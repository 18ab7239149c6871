package dev.midad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page in pages/ dated after the build's "now" is embargoed like a future article: no page, no menu link, no
 * sitemap or search entry, no redirect from its aliases, nothing in any feed, until its date has come.
 */
class FuturePageTest {
    /** The test clock's now is 2026-01-01T00:00Z. */
    private static final String EMBARGOED = "بيان-محظور-النشر";

    private static final String EMBARGOED_TITLE = "بيان لم يحن موعده";

    @TempDir
    Path tmp;

    private Path site(String date) throws Exception {
        Path site = TestSites.small(tmp.resolve("site"));
        TestSites.write(site, "pages/embargo.md", """
                ---
                title: %s
                slug: %s
                date: %s
                aliases: [/old-statement/]
                ---
                نص البيان.
                """.formatted(EMBARGOED_TITLE, EMBARGOED, date));
        return site;
    }

    @Test
    void aFuturePageStaysOutOfEveryOutput() throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site("2026-01-01T03:00:01+03:00"), TestSites.options()).build(out);
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertEquals(List.of(), filesMentioning(out), "the embargoed page shows in these files");
        assertTrue(Files.notExists(out.resolve("old-statement")), "its alias got a redirect page");
    }

    @Test
    void aPageWhoseDateHasComeIsPublished() throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site("2026-01-01T03:00:00+03:00"), TestSites.options()).build(out);
        assertTrue(Files.isRegularFile(out.resolve(EMBARGOED + "/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("old-statement/index.html")));
        assertTrue(filesMentioning(out).contains("sitemap.xml"), filesMentioning(out)::toString);
    }

    /** Every text file of the output that names the page by title or (encoded or not) address. */
    private static List<String> filesMentioning(Path out) throws Exception {
        String encoded = java.net.URLEncoder.encode(EMBARGOED, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.matches(".*\\.(jpe?g|png|webp|gif|ico|woff2?)$")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (text.contains(EMBARGOED_TITLE)
                        || text.contains(EMBARGOED)
                        || text.contains(encoded)
                        || text.contains("old-statement")
                        || out.relativize(file).toString().contains(EMBARGOED)) {
                    found.add(out.relativize(file).toString());
                }
            }
        }
        return found;
    }
}
