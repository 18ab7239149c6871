package dev.midad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildException;
import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arabic written composed (NFC: آ U+0622, أ U+0623) and decomposed (NFD: ا U+0627 with madda U+0653 or hamza
 * U+0654 above) looks the same and is one file name on macOS: slugs and tags that differ only so share one
 * portable (NFC) address, two articles there are a problem naming both files, and one tag is one term.
 */
class NormalisationTest {
    private static final String NFC = "آخر-أخبار-الحرب";
    private static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

    @TempDir
    Path tmp;

    private Path site() throws Exception {
        assertNotEquals(NFC, NFD, "the fixture must really differ in its code points");
        assertEquals("\u0627\u0653", NFD.substring(0, 2));
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "title: موقع\nbase_url: https://test.example/\n");
        return site;
    }

    private static String article(String slug, String tag) {
        return "---\ntitle: خبر\ndate: 2024-06-20\nslug: " + slug + "\ntags: [" + tag + "]\n---\nنص.\n";
    }

    @Test
    void slugsThatDifferOnlyInNormalisationAreACollisionNamingBothFiles() throws Exception {
        Path site = site();
        TestSites.write(site, "articles/composed.md", article(NFC, "وسم"));
        TestSites.write(site, "articles/decomposed.md", article(NFD, "وسم"));
        Path out = tmp.resolve("out");
        BuildException e = assertThrows(
                BuildException.class, () -> Site.load(site, TestSites.options()).build(out));
        String message = e.getMessage();
        assertTrue(
                message.contains("has the same address /2024/06/" + NFC + "/ as ")
                        && message.contains("composed.md")
                        && message.contains("decomposed.md"),
                message);
        assertTrue(Files.notExists(out), "a failed build writes nothing");
    }

    @Test
    void oneSlugWrittenDecomposedGetsTheComposedAddressAndTagsMerge() throws Exception {
        Path site = site();
        TestSites.write(site, "articles/composed.md", article("خبر-أول", "آخر"));
        TestSites.write(site, "articles/decomposed.md", article(NFD, Normalizer.normalize("آخر", Normalizer.Form.NFD)));
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        // the decomposed slug is written composed: one name for every file system (and the same URL)
        assertTrue(Files.isRegularFile(out.resolve("2024/06/" + NFC + "/index.html")));
        try (Stream<Path> files = Files.walk(out)) {
            List<String> decomposed = files.map(p -> out.relativize(p).toString())
                    .filter(p -> !Normalizer.isNormalized(p, Normalizer.Form.NFC))
                    .toList();
            assertEquals(List.of(), decomposed, "output names not in NFC");
        }
        // the two spellings of the tag are one term: one page listing both articles, once each
        Path tagPage = out.resolve("tag/آخر/index.html");
        assertTrue(Files.isRegularFile(tagPage));
        assertEquals(
                2,
                Jsoup.parse(tagPage.toFile(), "UTF-8").select("main a[href*=/2024/06/]").eachAttr("href").stream()
                        .distinct()
                        .count());
    }
}
