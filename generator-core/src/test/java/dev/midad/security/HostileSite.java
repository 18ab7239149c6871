package dev.midad.security;

import dev.midad.TestSites;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A site whose every field an editor (or an import) can fill carries markup that would run in a browser or a
 * feed reader if it were published as markup. It must build, and nothing in its output may be live.
 */
final class HostileSite {
    static final String XSS = "<img src=x onerror=alert(1)><script>alert(2)</script><a href='javascript:alert(3)'>j</a>"
            + "<object data=x></object><svg onload=alert(4)></svg><select onfocus=alert(5) autofocus></select>";

    private HostileSite() {}

    /** Writes the site into {@code dir}; returns it. */
    static Path write(Path dir) throws IOException {
        String yamlXss = "'" + XSS.replace("'", "''") + "'";
        TestSites.write(dir, "site.yaml", """
                title: %1$s
                description: %1$s
                base_url: https://test.example/
                copyright: %1$s
                author: %1$s
                strings: {article_related_title: %1$s}
                params: {tagline: %1$s}
                """.formatted(yamlXss));
        TestSites.write(dir, "articles/2024/06/hostile.md", """
                ---
                title: %1$s
                date: 2024-06-20T10:00:00+03:00
                dateline: %1$s
                source: %1$s
                category: %1$s
                tags: [%1$s, "C<b>#</b>"]
                author: [%1$s]
                image: "https://img.example/a\\"b'c<d>.jpg"
                image_alt: %1$s
                image_caption: %1$s
                summary: %1$s
                aliases: [/old/hostile/]
                ---
                نص <em>مهم</em> <img src=x onerror=alert(1)> [رابط](javascript:alert(1)) <a href="jAvA&#x09;script:alert(1)">x</a>

                <script>alert(1)</script><iframe src="https://evil.example/x"></iframe>
                <object data="x.swf"></object><embed src="x.swf"><form action="https://evil.example/"><input></form>
                <base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
                <svg onload="alert(1)"></svg><math><mtext><img src=x onerror=alert(1)></mtext></math>
                <a href="data:text/html,<script>alert(1)</script>">d</a> <img src="data:image/svg+xml,<svg onload=alert(1)>">
                """.formatted(yamlXss));
        TestSites.write(dir, "articles/2024/06/lead.md", """
                ---
                title: خبر عادي
                date: 2024-06-21
                ---
                نص <em>مهم</em> و[رابط](https://example.org/) <script>alert(1)</script>
                """);
        TestSites.write(dir, "pages/about.md", """
                ---
                title: %1$s
                summary: %1$s
                ---
                <script>alert(1)</script><img src=x onerror=alert(1)>
                """.formatted(yamlXss));
        return dir;
    }
}
