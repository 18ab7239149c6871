package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedirectsTest {
    private static final String NEW_URL =
            "/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7-%D8%A7%D9%84%D8%B4%D9%85%D8%A7%D9%84%D9%8A%D8%A9/";

    @TempDir
    Path tmp;

    private Path site(String aliases) throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(
                site,
                "articles/2024/06/seed.md",
                read(site, "articles/2024/06/seed.md").replace("featured: true", "featured: true\n" + aliases));
        return site;
    }

    /**
     * Netlify applies an unforced rule only where no file exists, and Midad writes a redirect page at every old path
     * (and a home page at {@code /}, which the {@code ?p=} rules match): every rule must be forced, in Netlify's
     * documented form {@code from [name=value] to 301!}.
     */
    @Test
    void netlifyRulesAreForcedBecauseEveryOldPathHasAFile() throws Exception {
        Path site = site("wp_id: 4711\naliases: [/archives/4711]\n");
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        java.util.List<String> rules = read(out, "_redirects")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertEquals(2, rules.size(), rules::toString);
        for (String rule : rules) {
            assertTrue(rule.matches("/\\S* (\\w+=\\w+ )?/\\S* 301!"), rule);
        }
        assertTrue(rules.contains("/ p=4711 " + NEW_URL + " 301!"), rules::toString);
        assertTrue(
                Files.isRegularFile(out.resolve("index.html"))
                        && Files.isRegularFile(out.resolve("archives/4711/index.html")),
                "files exist where the rules match, so unforced rules would be skipped");
    }

    @Test
    void everyOldAddressGetsAPageAndAServerRule() throws Exception {
        Path site = site("""
                wp_id: 4711
                aliases:
                  - /2024/06/20/%d8%a8%d9%88%d8%aa%d9%8a%d9%86/
                  - /2024/06/20/%d8%a8%d9%88%d8%aa%d9%8a%d9%86/amp/
                  - /archives/4711
                """);
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);

        for (String oldFile : new String[] {
            "2024/06/20/بوتين/index.html", "2024/06/20/بوتين/amp/index.html", "archives/4711/index.html"
        }) {
            Document page = Jsoup.parse(out.resolve(oldFile).toFile(), "UTF-8");
            assertEquals(
                    "https://test.example" + NEW_URL,
                    page.selectFirst("link[rel=canonical]").attr("href"));
            assertEquals(
                    "0; url=" + NEW_URL,
                    page.selectFirst("meta[http-equiv=refresh]").attr("content"));
            // the redirect resolves: its target exists in the output
            assertTrue(Files.isRegularFile(out.resolve("2024/06/بوتين-كوريا-الشمالية/index.html")));
        }
        String netlify = read(out, "_redirects");
        assertTrue(netlify.contains("/2024/06/20/%D8%A8%D9%88%D8%AA%D9%8A%D9%86/ " + NEW_URL + " 301"), netlify);
        assertTrue(netlify.contains("/ p=4711 " + NEW_URL + " 301"), netlify);
        String nginx = read(out, "redirects.nginx.conf");
        // decoded and quoted: nginx matches the decoded path (the real servers: security.RedirectServersTest)
        assertTrue(nginx.contains("location = \"/archives/4711/\" { return 301 " + NEW_URL + "; }"), nginx);
        assertTrue(nginx.contains("location = \"/2024/06/20/بوتين/\" { return 301 " + NEW_URL + "; }"), nginx);
        assertTrue(nginx.contains("if ($arg_p = \"4711\") { return 301 " + NEW_URL + "; }"), nginx);
        String apache = read(out, ".htaccess");
        assertTrue(apache.contains("RewriteCond %{QUERY_STRING} (^|&)p=4711(&|$)"), apache);
        // mod_rewrite reads %8… in a target as a back-reference: every % of the new address is escaped
        String target = "\"" + NEW_URL.replace("%", "\\%") + "\" [R=301,L,NE]";
        assertTrue(apache.contains("RewriteRule \"^2024/06/20/بوتين/$\" " + target), apache);
    }

    @Test
    void aliasesCannotLeaveTheSiteOrShadowAPage() throws Exception {
        // refused with file and line (it used to be dropped without a word)
        BuildException climbing = assertThrows(
                BuildException.class, () -> Site.load(site("aliases: [/../../outside/]\n"), TestSites.options()));
        assertTrue(
                climbing.getMessage().contains("seed.md:")
                        && climbing.getMessage().contains("'..' segment"),
                climbing.getMessage());
        assertFalse(Files.exists(tmp.resolve("outside")));

        Path shadowing = site("aliases: [/about/]\n");
        BuildException e = assertThrows(BuildException.class, () -> Site.load(shadowing, TestSites.options()));
        assertTrue(e.getMessage().contains("seed.md") && e.getMessage().contains("/about/"), e.getMessage());
    }

    @Test
    void migratedPagesKeepTheirOldAddressesToo() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("pages-site")));
        write(
                site,
                "pages/about.md",
                "---\ntitle: من نحن\nslug: about\nwp_id: 7\naliases: [/%d9%85%d9%86-%d9%86%d8%ad%d9%86/]\n---\nنص.\n");
        Path out = tmp.resolve("pages-out");
        Site.load(site, TestSites.options()).build(out);
        Document page = Jsoup.parse(out.resolve("من-نحن/index.html").toFile(), "UTF-8");
        assertEquals(
                "https://test.example/about/",
                page.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(read(out, "_redirects").contains("/ page_id=7 /about/ 301"), read(out, "_redirects"));
    }

    @Test
    void queryAliasesCannotInjectServerConfiguration() throws Exception {
        Path site = site("aliases: [\"/?p=2\\nAddType application/x-httpd-php .jpg\\n#\"]\n");
        BuildException e = assertThrows(BuildException.class, () -> Site.load(site, TestSites.options()));
        assertTrue(
                e.getMessage().contains("seed.md") && e.getMessage().contains("may only be /?name=value"),
                e.getMessage());
    }

    @Test
    void emptyParamsInSiteYamlAreAbsentNotACrash() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("empty-params")));
        write(site, "site.yaml", read(site, "site.yaml") + "params:\n  tagline:\n");
        Site.load(site, TestSites.options()).build(tmp.resolve("out-empty"));
        assertTrue(Files.exists(tmp.resolve("out-empty/index.html")));
    }

    @Test
    void noRedirectFilesWithoutRedirects() throws Exception {
        Path out = tmp.resolve("out");
        Site.load(TestSites.small(Files.createDirectories(tmp.resolve("plain"))), TestSites.options())
                .build(out);
        assertFalse(Files.exists(out.resolve("_redirects")));
        assertFalse(Files.exists(out.resolve(".htaccess")));
    }
}
