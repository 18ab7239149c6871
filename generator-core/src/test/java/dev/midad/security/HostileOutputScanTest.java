package dev.midad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hostile site builds, and nothing in any page or any HTML field of any feed can run. */
class HostileOutputScanTest {
    private static final Set<String> EMBED_HOSTS =
            Set.of("www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com");

    @TempDir
    Path tmp;

    @Test
    void nothingLiveInAnyPageOrFeedField() throws Exception {
        Path site = HostileSite.write(tmp.resolve("site"));
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        assertTrue(Files.isRegularFile(out.resolve("old/hostile/index.html")), "the alias page is there");
        List<String> findings = OutputScan.scan(out, EMBED_HOSTS);
        assertEquals(List.of(), findings, "live markup in the output");
    }

    @Test
    void theScanFindsWhatItLooksFor() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("planted"));
        Files.writeString(
                out.resolve("index.html"),
                "<!DOCTYPE html><title>x</title><p onclick=x>"
                        + "<a href=' JaVa\tscript:x'>a</a><iframe src=https://evil.example/></iframe><base href=/>"
                        + "<meta http-equiv=refresh content=0><form></form><object></object><script>x</script>",
                StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("rss.xml"),
                "<rss><channel><title>t</title><item><description>"
                        + "&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>",
                StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("atom.xml"),
                "<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
                        + "<summary type='html'>&lt;script&gt;x&lt;/script&gt;</summary>"
                        + "<title>&lt;script&gt;plain text, not HTML&lt;/script&gt;</title></entry></feed>",
                StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("feed.json"),
                "{\"items\": [{\"summary\": \"<svg onload=x>\","
                        + " \"content_html\": \"<a href='vbscript:x'>v</a>\"}]}",
                StandardCharsets.UTF_8);
        List<String> findings = OutputScan.scan(out, EMBED_HOSTS);
        for (String expected : List.of(
                "index.html: event handler onclick",
                "index.html: script URL in <a",
                "outside embed_hosts",
                "index.html: <base>",
                "index.html: meta refresh",
                "index.html: <form>",
                "index.html: <object>",
                "index.html: <script>",
                "rss.xml <description>: event handler onerror",
                "atom.xml <summary>: <script>",
                "feed.json summary: event handler onload",
                "feed.json content_html: script URL")) {
            assertTrue(
                    findings.stream().anyMatch(f -> f.startsWith(expected) || f.contains(expected)),
                    expected + " not found in " + findings);
        }
        assertFalse(findings.stream().anyMatch(f -> f.contains("<title>")), "Atom type=text is text");
    }
}
