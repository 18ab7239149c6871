package dev.midad.render;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.midad.BuildOptions;
import dev.midad.Site;
import dev.midad.TestSites;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** Every output format of one site model, each read back by an independent parser. */
class OutputFormatsTest {
    private static final String SEED_DIR = "2024/06/بوتين-كوريا-الشمالية/";

    @TempDir
    Path tmp;

    Path site;
    Path out;

    @BeforeEach
    void buildSite() throws Exception {
        site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(site, "articles/2024/08/nato.md", """
                ---
                title: NATO تعقد قمتها المقبلة في لاهاي
                date: 2024-08-15T12:00:00+03:00
                category: سياسة
                tags: [الناتو]
                ---
                نص.
                """);
        write(
                site,
                "static/images/map.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675\" viewBox=\"0 0 1200 675\"/>\n");
        String seed = read(site, "articles/2024/06/seed.md")
                .replace("featured: true", "featured: true\nimage: /images/map.svg\nimage_alt: خريطة");
        write(site, "articles/2024/06/seed.md", seed);
        write(site, "site.yaml", read(site, "site.yaml") + "amp: true\nlogo: /images/map.svg\n");
        out = tmp.resolve("out");
        // "now" is 2024-08-16 09:00 in Kyiv: only the NATO (15 Aug) and grain (14 Aug 09:30) articles are in the
        // 48-hour window
        Clock clock = Clock.fixed(Instant.parse("2024-08-16T06:00:00Z"), ZoneOffset.UTC);
        Site.load(site, BuildOptions.defaults().withClock(clock)).build(out);
    }

    @Test
    void atomFeedsForSiteAndEveryTerm() throws Exception {
        for (String path : List.of("atom.xml", "category/سياسة/atom.xml")) { // tags and authors: RSS only
            SyndFeed feed = rome(path);
            assertEquals("atom_1.0", feed.getFeedType(), path);
            assertFalse(feed.getEntries().isEmpty(), path);
            for (SyndEntry entry : feed.getEntries()) {
                assertTrue(entry.getLink().startsWith("https://test.example/"), entry.getLink());
                assertNotNull(entry.getPublishedDate());
            }
        }
        String atom = read(out, "atom.xml");
        assertTrue(atom.contains("xml:lang=\"ar\""));
        assertTrue(atom.contains("<published>2024-06-20T10:00:00+03:00</published>"), "RFC 3339 with offset");
        assertTrue(atom.contains("rel=\"self\"") && atom.contains("rel=\"alternate\""));
        assertTrue(
                atom.contains("&lt;div dir=&quot;rtl&quot; lang=&quot;ar&quot;&gt;"),
                "RTL wrapper inside the escaped content");
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        JsonObject feed = json(read(out, "feed.json"));
        assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
        assertEquals("ar", feed.getString("language"));
        assertEquals("https://test.example/feed.json", feed.getString("feed_url"));
        JsonArray items = feed.getJsonArray("items");
        assertEquals(4, items.size());
        Set<String> ids = new HashSet<>();
        for (JsonObject item : items.getValuesAs(JsonObject.class)) {
            assertTrue(ids.add(item.getString("id")), "unique ids");
            assertTrue(item.getString("url").startsWith("https://test.example/"));
            assertTrue(item.getString("content_html").startsWith("<div dir=\"rtl\" lang=\"ar\">"));
            assertTrue(item.getString("date_published")
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"));
            assertFalse(item.getJsonArray("authors").isEmpty());
        }
        JsonObject seed = items.getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("title").startsWith("بوتين"))
                .findFirst()
                .orElseThrow();
        assertEquals("https://test.example/images/map.svg", seed.getString("image"));
        assertTrue(Files.exists(out.resolve("category/سياسة/feed.json")));
        assertFalse(Files.exists(out.resolve("tag/الناتو/feed.json")), "tags get a summary RSS feed only");
        assertFalse(Files.exists(out.resolve("tag/الناتو/atom.xml")));
    }

    @Test
    void tagAndAuthorFeedsAreValidSummaryRss() throws Exception {
        for (String path : List.of("tag/روسيا/rss.xml", "author/سارة-حسن/rss.xml")) {
            SyndFeed feed = rome(path);
            assertEquals("rss_2.0", feed.getFeedType(), path);
            assertFalse(feed.getEntries().isEmpty(), path);
            for (SyndEntry entry : feed.getEntries()) {
                assertTrue(entry.getLink().startsWith("https://test.example/"), entry.getLink());
                assertTrue(entry.getContents().isEmpty(), path + ": no full content");
            }
            assertFalse(read(out, path).contains("content:encoded>"), path);
        }
        assertTrue(
                rome("category/سياسة/rss.xml").getEntries().get(0).getContents().size() == 1,
                "categories keep full content");
    }

    @Test
    void everyPageAdvertisesItsFeeds() throws Exception {
        Document tagPage = html("tag/روسيا/index.html");
        List<String> feeds = tagPage.select("link[rel=alternate]").eachAttr("href");
        assertTrue(feeds.contains("/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/rss.xml"), feeds.toString());
        assertFalse(feeds.contains("/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/atom.xml"), "not written, not advertised");
        assertFalse(feeds.contains("/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/feed.json"), feeds.toString());
        assertTrue(feeds.contains("/rss.xml"), feeds.toString());
        Document feedsPage = html("feeds/index.html");
        assertTrue(feedsPage
                        .select("a[href=/author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%AD%D8%B3%D9%86/rss.xml]")
                        .size()
                == 1);
    }

    @Test
    void latinLeadingTitlesAreIsolatedInPlainTextOutputsOnly() throws Exception {
        String rss = read(out, "rss.xml");
        assertTrue(rss.contains("<title>\u2067NATO تعقد قمتها المقبلة في لاهاي\u2069</title>"), "isolated in feeds");
        assertTrue(rss.contains("<title>بوتين يعتبر"), "Arabic-first titles untouched");
        Document page = html("2024/08/nato-تعقد-قمتها-المقبلة-في-لاهاي/index.html");
        assertEquals("NATO تعقد قمتها المقبلة في لاهاي", page.selectFirst("h1").text(), "HTML uses dir, not controls");
    }

    @Test
    void articleCarriesSocialAndNewsArticleData() throws Exception {
        Document page = html(SEED_DIR + "index.html");
        String canonical =
                "https://test.example/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7-%D8%A7%D9%84%D8%B4%D9%85%D8%A7%D9%84%D9%8A%D8%A9/";
        assertEquals(canonical, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("ar_AR", meta(page, "og:locale"), "Facebook lists one Arabic locale");
        assertEquals("article", meta(page, "og:type"));
        assertEquals("2024-06-20T10:00:00+03:00", meta(page, "article:published_time"));
        assertEquals("سياسة", meta(page, "article:section"));
        assertTrue(page.select("meta[property=article:tag]").eachAttr("content").contains("روسيا"));
        // an SVG lead image is no preview for Facebook, X or WhatsApp: the article's social card is
        assertEquals(canonical + "card.jpg", meta(page, "og:image"));
        assertEquals("image/jpeg", meta(page, "og:image:type"));
        assertEquals(
                canonical + "card.jpg",
                page.selectFirst("meta[name=twitter:image]").attr("content"));
        assertEquals("1200", meta(page, "og:image:width"));
        assertEquals("630", meta(page, "og:image:height"));
        assertEquals(
                "summary_large_image",
                page.selectFirst("meta[name=twitter:card]").attr("content"));

        JsonObject ld =
                json(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("NewsArticle", ld.getString("@type"));
        assertEquals("بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية", ld.getString("headline"));
        assertEquals("2024-06-20T10:00:00+03:00", ld.getString("datePublished"));
        assertEquals("2024-06-20T10:00:00+03:00", ld.getString("dateModified"));
        assertEquals("ar", ld.getString("inLanguage"));
        assertEquals("Person", ld.getJsonArray("author").getJsonObject(0).getString("@type"));
        JsonObject publisher = ld.getJsonObject("publisher");
        assertEquals("Organization", publisher.getString("@type"));
        assertEquals(
                "https://test.example/images/map.svg",
                publisher.getJsonObject("logo").getString("url"));
        assertEquals(canonical, ld.getJsonObject("mainEntityOfPage").getString("@id"));
        assertEquals(1200, ld.getJsonArray("image").getJsonObject(0).getInt("width"));

        assertEquals(
                "WebSite",
                json(html("index.html")
                                .selectFirst("script[type=application/ld+json]")
                                .data())
                        .getString("@type"));
        assertEquals(
                "CollectionPage",
                json(html("category/سياسة/index.html")
                                .selectFirst("script[type=application/ld+json]")
                                .data())
                        .getString("@type"));
    }

    @Test
    void sitemapLastmodCountsUpdates() throws Exception {
        write(
                site,
                "articles/2024/06/seed.md",
                read(site, "articles/2024/06/seed.md")
                        .replace("featured: true", "featured: true\nupdated: 2024-12-01T08:00:00+02:00"));
        Site.load(site, TestSites.options()).build(out);
        String sitemap = read(out, "sitemap.xml");
        assertTrue(
                sitemap.contains("<loc>https://test.example/</loc>\n    <lastmod>2024-12-01T08:00:00+02:00</lastmod>"),
                sitemap);
        assertTrue(sitemap.contains("<lastmod>2024-12-01T08:00:00+02:00</lastmod>"));
        String enclosure = read(out, "rss.xml");
        assertTrue(
                enclosure.matches(
                        "(?s).*<enclosure url=\"https://test.example/images/map.svg\" type=\"image/svg\\+xml\" length=\"\\d{2,}\"/>.*"),
                "enclosure carries the file size");
    }

    @Test
    void sitemapRobotsAndGoogleNews() throws Exception {
        org.w3c.dom.Document sitemap = xml("sitemap.xml");
        NodeList locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertTrue(locs.getLength() > 10);
        String robots = read(out, "robots.txt");
        assertTrue(robots.contains("Sitemap: https://test.example/sitemap.xml"));
        assertTrue(robots.contains("Sitemap: https://test.example/news-sitemap.xml"));

        org.w3c.dom.Document news = xml("news-sitemap.xml");
        String ns = "http://www.google.com/schemas/sitemap-news/0.9";
        NodeList titles = news.getElementsByTagNameNS(ns, "title");
        List<String> newsTitles = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            newsTitles.add(titles.item(i).getTextContent());
        }
        assertEquals(
                List.of("NATO تعقد قمتها المقبلة في لاهاي", "صادرات الحبوب من أوديسا"),
                newsTitles,
                "only the last 48 hours");
        assertEquals("ar", news.getElementsByTagNameNS(ns, "language").item(0).getTextContent());
        assertEquals(
                "بوابة الاختبار",
                news.getElementsByTagNameNS(ns, "name").item(0).getTextContent());
    }

    @Test
    void ampVersionFollowsTheAmpRulesWeRelyOn() throws Exception {
        String raw = read(out, SEED_DIR + "amp/index.html");
        Document amp = Jsoup.parse(raw);
        Element html = amp.selectFirst("html");
        assertTrue(html.hasAttr("⚡") || html.hasAttr("amp"));
        assertEquals("rtl", html.attr("dir"));
        assertTrue(raw.startsWith("<!doctype html>"));
        assertEquals(
                1,
                amp.select("script[src=https://cdn.ampproject.org/v0.js][async]")
                        .size());
        assertEquals(2, amp.select("style[amp-boilerplate]").size());
        Element custom = amp.selectFirst("style[amp-custom]");
        assertTrue(custom.data().getBytes(StandardCharsets.UTF_8).length < 75_000);
        assertFalse(custom.data().contains("!important"));
        assertTrue(amp.select("img").isEmpty(), "plain img is not allowed in AMP");
        for (Element img : amp.select("amp-img")) {
            assertTrue(img.hasAttr("width") && img.hasAttr("height") && img.hasAttr("layout"), img.outerHtml());
        }
        for (Element script : amp.select("script")) {
            assertTrue(
                    script.attr("src").equals("https://cdn.ampproject.org/v0.js")
                            || script.attr("type").equals("application/ld+json"),
                    script.outerHtml());
        }
        assertTrue(amp.select("[style]").isEmpty());
        assertEquals(
                html(SEED_DIR + "index.html").selectFirst("link[rel=canonical]").attr("href"),
                amp.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(
                "/2024/06/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%83%D9%88%D8%B1%D9%8A%D8%A7-%D8%A7%D9%84%D8%B4%D9%85%D8%A7%D9%84%D9%8A%D8%A9/amp/",
                html(SEED_DIR + "index.html").selectFirst("link[rel=amphtml]").attr("href"));
    }

    @Test
    void ampIsOffByDefault() throws Exception {
        Path plain = TestSites.small(Files.createDirectories(tmp.resolve("plain")));
        Site.load(plain, TestSites.options()).build(tmp.resolve("plain-out"));
        assertFalse(Files.exists(tmp.resolve("plain-out").resolve(SEED_DIR + "amp/index.html")));
        assertTrue(Jsoup.parse(read(tmp.resolve("plain-out"), SEED_DIR + "index.html"))
                .select("link[rel=amphtml]")
                .isEmpty());
        // nothing new in the last 48 hours: no empty (schema-invalid) news sitemap, and robots.txt does not list one
        assertFalse(Files.exists(tmp.resolve("plain-out/news-sitemap.xml")));
        assertFalse(read(tmp.resolve("plain-out"), "robots.txt").contains("news-sitemap"));
    }

    private String meta(Document page, String property) {
        Element el = page.selectFirst("meta[property=" + property + "]");
        assertNotNull(el, property);
        return el.attr("content");
    }

    private Document html(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    private SyndFeed rome(String path) throws Exception {
        try (InputStreamReader reader =
                new InputStreamReader(Files.newInputStream(out.resolve(path)), StandardCharsets.UTF_8)) {
            return new SyndFeedInput().build(reader);
        }
    }

    private org.w3c.dom.Document xml(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(out.resolve(path).toFile());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
