package dev.midad.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.Site;
import dev.midad.TestSites;
import dev.midad.content.FrontMatter;
import dev.midad.importer.ImportOptions;
import dev.midad.importer.ImportReport;
import dev.midad.importer.Importer;
import dev.midad.problem.Problem;
import dev.midad.text.PortableNames;
import dev.midad.yaml.YamlMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WordPress export written by an attacker (or by a plugin gone wrong): slugs, authors and categories that
 * climb out with {@code ../} or hide text with bidi controls, Windows device names, titles that would end the
 * YAML front matter or add keys to it, bodies with scripts. The import must write every file inside the site's
 * content folders under a portable name, with front matter that reads back as exactly the fields it meant; the
 * imported site must build, under portable names, with nothing live in any page or feed.
 */
class HostileImportTest {
    private static final String RLO = "\u202E";
    /** Ends the front matter, starts a key, a comment, an alias, a tag and a flow mapping: YAML must hold it as text. */
    private static final String TITLE =
            "عنوان \"مقتبس\": نعم # لا\n---\ndraft: true\n*alias &anchor !!binary {a: b} 'x'";

    private static final String TITLE_PLAIN = TITLE.replaceAll("\\s+", " ");

    @TempDir
    Path tmp;

    private static String item(
            long id, String type, String title, String name, String creator, String terms, String body) {
        return """
                <item>
                    <title><![CDATA[%2$s]]></title>
                    <link>https://old.example/%4$s/</link>
                    <dc:creator><![CDATA[%5$s]]></dc:creator>
                    <content:encoded><![CDATA[%7$s]]></content:encoded>
                    <excerpt:encoded><![CDATA[<script>alert('excerpt')</script>ملخص <b onmouseover=alert(1)>قصير</b>]]></excerpt:encoded>
                    <wp:post_id>%1$d</wp:post_id>
                    <wp:post_date><![CDATA[2024-06-20 10:00:00]]></wp:post_date>
                    <wp:post_date_gmt><![CDATA[2024-06-20 07:00:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[%4$s]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_parent>0</wp:post_parent>
                    <wp:post_type><![CDATA[%3$s]]></wp:post_type>
                    <wp:post_password><![CDATA[]]></wp:post_password>
                    <wp:is_sticky>0</wp:is_sticky>
                    %6$s
                </item>
                """.formatted(id, title, type, name, creator, terms, body);
    }

    private static final String BODY = """
            <p>نص <script>alert(1)</script><img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">رابط</a>
            <a href=" JaVaScRiPt:alert(4)">رابط</a> <svg onload="alert(5)"></svg></p>
            <iframe src="https://evil.example/"></iframe><object data="x.swf"></object><form action="https://evil.example/"><input></form>
            <p style="background:url(javascript:alert(6))" onclick="alert(7)">فقرة</p>
            [caption id="attachment_1" width="300"]<img src="javascript:alert(8)" alt="x" onerror="alert(9)"> تعليق[/caption]
            """;

    private Path export() throws Exception {
        String authors = """
                <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[climber]]></wp:author_login><wp:author_display_name><![CDATA[../../../etc/كاتب%s]]></wp:author_display_name></wp:author>
                <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[device]]></wp:author_login><wp:author_display_name><![CDATA[CON]]></wp:author_display_name></wp:author>
                """.formatted(RLO + "gpj.exe");
        String climbing = """
                <category domain="category" nicename="..%2f..%2fcat"><![CDATA[../../أخبار]]></category>
                <category domain="post_tag" nicename="nul"><![CDATA[NUL]]></category>
                <category domain="post_tag" nicename="x"><![CDATA[<script>alert('tag')</script>وسم]]></category>
                """;
        String devices = """
                <category domain="category" nicename="aux"><![CDATA[AUX]]></category>
                <category domain="post_tag" nicename="com1"><![CDATA[COM1.txt]]></category>
                <category domain="post_tag" nicename="bidi"><![CDATA[وسم%sمقلوب]]></category>
                """.formatted(RLO);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                    <title>موقع قديم</title>
                    <link>https://old.example</link>
                    <wp:wxr_version>1.2</wp:wxr_version>
                    <wp:base_site_url>https://old.example</wp:base_site_url>
                    <wp:base_blog_url>https://old.example</wp:base_blog_url>
                    %s
                    %s%s%s%s%s
                </channel>
                </rss>
                """.formatted(
                        authors,
                        item(301, "post", TITLE, "..%2f..%2f..%2fetc%2fpasswd", "climber", climbing, BODY),
                        item(302, "post", "خبر جهاز", "CON", "device", devices, BODY),
                        item(
                                303,
                                "post",
                                "<script>alert(1)</script>عنوان" + RLO + "مقلوب",
                                "%e2%80%aegpj.exe",
                                "climber",
                                climbing,
                                BODY),
                        item(304, "post", "---", "..\\..\\windows\\lpt1.", "device", devices, BODY),
                        item(305, "page", TITLE, "../../../pages/../../x", "climber", "", BODY));
        Path file = tmp.resolve("export.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void hostileExportImportsIntoSafeFrontMatterAndNamesAndBuildsWithNothingLive() throws Exception {
        Path site = tmp.resolve("site");
        TestSites.write(site, "site.yaml", "title: موقع\nbase_url: https://test.example/\ntime_zone: Asia/Riyadh\n");
        ImportReport report =
                Importer.importFrom(export(), site, ImportOptions.defaults().withTimeZone(ZoneId.of("Asia/Riyadh")));
        assertEquals(5, report.imported().size(), report::summary);

        // every file inside the site's content folders, under an ASCII name; nothing beside the site
        try (Stream<Path> beside = Files.list(tmp)) {
            assertEquals(
                    Set.of("export.xml", "site"),
                    Set.copyOf(beside.map(p -> p.getFileName().toString()).toList()));
        }
        for (ImportReport.Imported imported : report.imported()) {
            Path file = site.resolve(imported.file()).normalize();
            assertTrue(
                    file.startsWith(site.resolve("articles")) || file.startsWith(site.resolve("pages")),
                    file::toString);
            assertTrue(
                    imported.file()
                            .toString()
                            .replace('\\', '/')
                            .matches("(articles/\\d{4}/\\d{2}|pages)/\\d+(-[a-z0-9]+)*\\.md"),
                    imported.file()::toString);
            assertTrue(Files.isRegularFile(file), file::toString);
        }

        // the front matter reads back as exactly the fields written: the title did not end it or add keys
        YamlMapping post = frontMatter(site, report.fileOf("post 301"));
        assertEquals(TITLE_PLAIN, post.string("title"));
        assertEquals(
                List.of("title", "slug", "date", "author", "category", "tags", "summary", "wp_id"),
                List.copyOf(post.values().keySet()));
        assertEquals("etc-passwd", post.string("slug"));
        assertEquals("../../../etc/كاتبgpj.exe", post.string("author")); // a name: its address comes from its slug
        assertEquals("../../أخبار", post.string("category"));
        assertProblem(report, "post 301 its slug '../../../etc/passwd' contains '/': written as slug: etc-passwd");
        assertProblem(report, "post 301 its old address '/..%2f..%2f..%2fetc%2fpasswd/' has a '..' segment");
        assertProblem(report, "post 301 a javascript: link was removed");
        assertProblem(report, "post 301 an image with a javascript: address was removed");
        assertFalse(post.bool("draft", false));
        assertEquals("ملخص قصير", post.string("summary"));
        assertEquals(List.of("NUL", "وسم"), post.strings("tags"));
        assertEquals("---", frontMatter(site, report.fileOf("post 304")).string("title"));
        YamlMapping devices = frontMatter(site, report.fileOf("post 302"));
        assertEquals("con_", devices.string("slug"));
        assertEquals(List.of("COM1.txt", "وسممقلوب"), devices.strings("tags"));
        YamlMapping bidi = frontMatter(site, report.fileOf("post 303"));
        assertEquals("عنوانمقلوب", bidi.string("title"));
        assertEquals("gpj-exe", bidi.string("slug"));
        assertEquals(
                "windows-lpt1", frontMatter(site, report.fileOf("post 304")).string("slug"));
        YamlMapping page = frontMatter(site, report.fileOf("page 305"));
        assertEquals(TITLE_PLAIN, page.string("title"));
        assertFalse(page.has("draft"));
        // no slug climbs or hides text: each is one portable segment
        for (ImportReport.Imported imported : report.imported()) {
            YamlMapping yaml = frontMatter(site, imported.file());
            String slug = yaml.string("slug");
            if (slug != null) {
                assertFalse(slug.contains("/") || slug.contains("\\"), imported.file() + ": slug " + slug);
                assertEquals(
                        java.util.Optional.empty(), PortableNames.problem(slug), imported.file() + ": slug " + slug);
            }
            for (Object value : yaml.values().values()) {
                assertFalse(
                        String.valueOf(value).matches("(?s).*[\u202A-\u202E\u2066-\u2069].*"),
                        imported.file() + ": a bidi control in " + value);
            }
            String body = FrontMatter.split(
                            site.resolve(imported.file()), read(site, imported.file()), new ArrayList<>())
                    .body();
            assertFalse(body.contains("javascript:") || body.toLowerCase().contains("<script"), body);
        }

        // the imported site builds, under portable names, and nothing in a page or a feed can run
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        List<String> badNames = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> !f.equals(out)).toList()) {
                String name = file.getFileName().toString();
                if (PortableNames.problem(name).isPresent() || name.contains(RLO)) {
                    badNames.add(out.relativize(file) + ": "
                            + PortableNames.problem(name).orElse("bidi control"));
                }
            }
        }
        assertEquals(List.of(), badNames);
        assertEquals(List.of(), OutputScan.scan(out, Set.of()));
    }

    private static void assertProblem(ImportReport report, String expected) {
        assertTrue(
                report.problems().stream().anyMatch(p -> p.toString().contains(expected)),
                "no problem contains: " + expected + "\n" + report.summary());
    }

    private static YamlMapping frontMatter(Path site, Path relative) throws Exception {
        assertNotNull(relative, "not imported");
        Path file = site.resolve(relative);
        List<Problem> problems = new ArrayList<>();
        FrontMatter front = FrontMatter.split(file, read(site, relative), problems);
        assertEquals(List.of(), problems, file::toString);
        return front.yaml();
    }

    private static String read(Path site, Path relative) throws Exception {
        return Files.readString(site.resolve(relative), StandardCharsets.UTF_8);
    }
}
