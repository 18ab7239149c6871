package dev.midad;

import static dev.midad.TestSites.read;
import static dev.midad.TestSites.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kinds of article, corrections, author profiles, live blogs and breaking news, end to end. */
class NewsroomTest {
    private static final String OPINION = "2024/07/قمة-الناتو-في-واشنطن/";
    private static final String SEED = "2024/06/بوتين-كوريا-الشمالية/";
    private static final String LIVE = "2025/12/live/";

    @TempDir
    Path tmp;

    private Path site() throws IOException {
        Path dir = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        write(dir, "site.yaml", read(dir, "site.yaml") + "kinds: {سياسة: analysis, رأي: opinion}\n");
        write(dir, "articles/2024/07/second.md", """
                ---
                title: قمة الناتو في واشنطن
                date: 2024-07-10
                category: رأي
                author: سارة حسن
                ---
                نص المقال.
                """);
        write(
                dir,
                "articles/2024/06/seed.md",
                read(dir, "articles/2024/06/seed.md").replace("featured: true", """
                featured: true
                update_note: أضيف تصريح الكرملين <b>
                corrections:
                  - {date: 2024-06-22T09:00, text: "ورد خطأً أن الزيارة يومان <script>"}"""));
        write(dir, "authors/sara.md", """
                ---
                name: سارة حسن
                role: مراسلة الشؤون الأوكرانية
                photo: /images/sara.svg
                email: sara@example.org
                x: https://x.com/sara
                telegram: https://t.me/sara
                website: https://sara.example.org/
                ---
                تغطي سارة **الحرب** منذ 2014.
                """);
        write(dir, "static/images/sara.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\"/>");
        write(dir, "articles/2025/12/live.md", """
                ---
                title: تغطية مباشرة
                date: 2025-12-31T09:00:00+02:00
                slug: live
                live: true
                category: أخبار
                ---
                مقدمة التغطية.

                ## 09:15
                أول تحديث.

                ## 10:40 {author="يوري كوفالينكو"}
                ثاني تحديث.

                ## 09:30 {pinned}
                تحديث مثبت.
                """);
        write(dir, "data/breaking.yaml", """
                items:
                  - {text: "عاجل: انفجار", link: /2024/06/x/, expires: 2030-01-01T00:00}
                  - {text: قديم, expires: 2020-01-01T00:00}
                """);
        return dir;
    }

    private static Document html(Path out, String file) throws IOException {
        return Jsoup.parse(read(out, file));
    }

    private static JsonObject jsonLd(Document page) {
        return json(page.selectFirst("script[type=application/ld+json]").data());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private Path build(Path site) throws Exception {
        Path out = tmp.resolve("out");
        Site.load(site, TestSites.options()).build(out);
        return out;
    }

    @Test
    void kindsComeFromFrontMatterOrTheCategoryAndShowAsLabelAndType() throws Exception {
        Path out = build(site());
        Document opinion = html(out, OPINION + "index.html");
        assertEquals("رأي", opinion.selectFirst(".story-header .label--opinion").text());
        assertEquals("OpinionNewsArticle", jsonLd(opinion).getString("@type"));
        Document seed = html(out, SEED + "index.html");
        assertEquals("AnalysisNewsArticle", jsonLd(seed).getString("@type"), "from kinds: in site.yaml");
        assertEquals(
                "NewsArticle",
                jsonLd(html(out, "2024/08/صادرات-الحبوب-من-أوديسا/index.html")).getString("@type"));
        Element card = html(out, "author/سارة-حسن/index.html").select(".card").stream()
                .filter(c -> c.text().contains("قمة الناتو"))
                .findFirst()
                .orElseThrow();
        assertEquals("رأي", card.selectFirst(".label").text(), "label on cards");
        Element writer = card.selectFirst(".card-writer");
        assertEquals(
                "/images/sara.svg", writer.selectFirst("img.card-writer-photo").attr("src"), "the writer's photo");
        assertEquals("", writer.selectFirst("img").attr("alt"), "the name follows: the photo is decoration");
        assertEquals("سارة حسن", writer.text());
        Element analysis = html(out, "tag/روسيا/index.html").select(".card").stream()
                .filter(c -> c.text().contains("بوتين"))
                .findFirst()
                .orElseThrow();
        assertNull(analysis.selectFirst(".card-writer"), "only opinion cards show their writer");
    }

    @Test
    void anUnknownKindIsAProblemAtItsLine() throws Exception {
        Path site = site();
        write(
                site,
                "articles/2024/07/second.md",
                read(site, "articles/2024/07/second.md").replace("author: سارة حسن", "kind: gossip"));
        BuildException e = assertThrows(BuildException.class, () -> build(site));
        assertTrue(e.getMessage().contains("articles/2024/07/second.md:5: 'kind' is 'gossip'"), e.getMessage());
    }

    @Test
    void correctionsShowUnderTheHeadlineInFeedsAndJsonLdAndMoveDateModified() throws Exception {
        Path out = build(site());
        Document seed = html(out, SEED + "index.html");
        Element notices = seed.selectFirst(".story-header .story-notices");
        assertNotNull(notices);
        assertTrue(notices.text().contains("ورد خطأً أن الزيارة يومان <script>"), "escaped, not markup");
        assertTrue(notices.select("script, b").isEmpty());
        assertTrue(notices.text().contains("أضيف تصريح الكرملين"));
        JsonObject ld = jsonLd(seed);
        JsonObject correction = ld.getJsonArray("correction").getJsonObject(0);
        assertEquals("CorrectionComment", correction.getString("@type"));
        assertEquals("2024-06-22T09:00:00+03:00", correction.getString("datePublished"));
        assertEquals("2024-06-22T09:00:00+03:00", ld.getString("dateModified"));
        assertEquals("2024-06-20T10:00:00+03:00", ld.getString("datePublished"));
        String rss = read(out, "rss.xml");
        assertTrue(rss.contains("ورد خطأً أن الزيارة يومان &amp;lt;script&amp;gt;"), "in the feed's content, escaped");
        assertTrue(read(out, "feed.json").contains("story-notices"));
        assertTrue(read(out, "atom.xml").contains("story-notices"));
    }

    @Test
    void anUpdateNeverChangesTheAddressOrTheGuid() throws Exception {
        Path site = site();
        Path first = tmp.resolve("first");
        Site.load(site, TestSites.options()).build(first);
        write(
                site,
                "articles/2024/06/seed.md",
                read(site, "articles/2024/06/seed.md")
                        .replace("title: بوتين يعتبر", "title: محدث بوتين يعتبر")
                        .replace(
                                "corrections:",
                                "updated: 2024-06-23T08:00\ncorrections:\n  - {date: 2024-06-23, text: ثان}"));
        Path second = tmp.resolve("second");
        Site.load(site, TestSites.options()).build(second);
        assertTrue(Files.isRegularFile(second.resolve(SEED + "index.html")), "same address");
        assertEquals(guids(first), guids(second));
        assertTrue(read(second, "rss.xml").contains("محدث بوتين"));
    }

    private static List<String> guids(Path out) throws IOException {
        return Jsoup.parse(read(out, "rss.xml"), "", org.jsoup.parser.Parser.xmlParser())
                .select("guid")
                .eachText();
    }

    @Test
    void anAuthorPageShowsTheProfileAndJsonLdThePerson() throws Exception {
        Path out = build(site());
        Document author = html(out, "author/سارة-حسن/index.html");
        Element profile = author.selectFirst(".author-profile");
        assertNotNull(profile);
        assertTrue(profile.selectFirst(".author-bio strong").text().equals("الحرب"), "bio Markdown");
        assertEquals("/images/sara.svg", profile.selectFirst("img").attr("src"));
        assertEquals(
                List.of(
                        "mailto:sara@example.org",
                        "https://x.com/sara",
                        "https://t.me/sara",
                        "https://sara.example.org/"),
                profile.select("a").eachAttr("href"));
        assertTrue(
                profile.elementSiblingIndex() < author.selectFirst(".card-grid").elementSiblingIndex(),
                "above the list");
        Document opinion = html(out, OPINION + "index.html");
        assertEquals(
                "/author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%AD%D8%B3%D9%86/",
                opinion.selectFirst(".byline a").attr("href"), "the byline links to the profile");
        JsonObject person = jsonLd(opinion).getJsonArray("author").getJsonObject(0);
        assertEquals("Person", person.getString("@type"));
        assertEquals(
                "https://test.example/author/%D8%B3%D8%A7%D8%B1%D8%A9-%D8%AD%D8%B3%D9%86/", person.getString("url"));
        assertEquals("مراسلة الشؤون الأوكرانية", person.getString("jobTitle"));
        assertEquals("https://test.example/images/sara.svg", person.getString("image"));
        assertEquals(3, person.getJsonArray("sameAs").size());
        // an author without a profile still works
        Document other = html(out, "author/يوري-كوفالينكو/index.html");
        assertTrue(other.select(".author-profile").isEmpty());
        JsonObject yuri = jsonLd(html(out, "2024/08/صادرات-الحبوب-من-أوديسا/index.html"))
                .getJsonArray("author")
                .getJsonObject(1);
        assertFalse(yuri.containsKey("jobTitle"));
    }

    @Test
    void hostileProfileLinksAreProblemsNamingTheField() throws Exception {
        Path site = site();
        write(site, "authors/bad.md", """
                ---
                name: "<script>x</script>"
                x: http://x.com/plain
                telegram: javascript:alert(1)
                facebook: https://evil.example/facebook.com
                photo: javascript:alert(1)
                ---
                """);
        BuildException e = assertThrows(BuildException.class, () -> build(site));
        for (String field : List.of(
                "bad.md:3: 'x' must be an https address",
                "bad.md:4: 'telegram'",
                "bad.md:5: 'facebook'",
                "bad.md:6: 'photo'")) {
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
    }

    @Test
    void aLiveBlogListsItsUpdatesNewestFirstWithAnchorsAndLiveBlogPosting() throws Exception {
        Path out = build(site());
        Document live = html(out, LIVE + "index.html");
        List<String> ids = live.select(".live-entry").eachAttr("id");
        assertEquals(
                List.of("update-20251231-0930", "update-20251231-1040", "update-20251231-0915"),
                ids,
                "pinned first, then newest first");
        assertEquals(
                List.of("09:30", "10:40", "09:15"),
                live.select(".live-entry time").eachText());
        assertTrue(live.selectFirst("#update-20251231-1040").text().contains("بقلم يوري كوفالينكو"));
        assertEquals(
                "#update-20251231-0915",
                live.selectFirst("#update-20251231-0915 a.live-entry-time").attr("href"));
        assertTrue(live.selectFirst(".story-body").text().contains("مقدمة التغطية"));
        assertFalse(live.selectFirst(".story-body").text().contains("أول تحديث"), "updates are not in the intro");
        assertEquals("مباشر", live.selectFirst(".label--live").text());
        assertEquals(
                "/assets/liveblog.js",
                live.selectFirst("script[src$=liveblog.js]").attr("src"));
        JsonObject ld = jsonLd(live);
        assertEquals("LiveBlogPosting", ld.getString("@type"));
        assertEquals("2025-12-31T09:00:00+02:00", ld.getString("coverageStartTime"));
        JsonArray updates = ld.getJsonArray("liveBlogUpdate");
        assertEquals(3, updates.size());
        assertEquals("BlogPosting", updates.getJsonObject(1).getString("@type"));
        assertEquals("2025-12-31T10:40:00+02:00", updates.getJsonObject(1).getString("datePublished"));
        assertEquals(
                "https://test.example/2025/12/live/#update-20251231-1040",
                updates.getJsonObject(1).getString("url"));
        assertEquals("2025-12-31T10:40:00+02:00", ld.getString("dateModified"), "the newest update");
        JsonObject json = json(read(out, LIVE + "live.json"));
        assertTrue(json.getBoolean("active"));
        assertEquals(
                ids,
                json.getJsonArray("updates").getValuesAs(JsonObject.class).stream()
                        .map(u -> u.getString("id"))
                        .toList());
        assertTrue(
                json.getJsonArray("updates").getJsonObject(0).getString("html").contains("تحديث مثبت"));
        assertFalse(Files.exists(out.resolve(SEED + "live.json")), "only live articles get one");
        assertTrue(Files.isRegularFile(out.resolve("assets/liveblog.js")));
    }

    /** A feed reader sees the introduction and then the newest updates, each linked to its anchor on the page. */
    @Test
    void feedsCarryALiveBlogsNewestUpdatesAfterItsIntroduction() throws Exception {
        Path site = site();
        Path out = build(site);
        SyndEntry rss = feedEntry(out, "rss.xml");
        SyndEntry atom = feedEntry(out, "atom.xml");
        JsonObject jsonFeed = json(read(out, "feed.json")).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("url").endsWith(LIVE))
                .findFirst()
                .orElseThrow();
        for (String content : List.of(
                rss.getContents().get(0).getValue(),
                atom.getContents().get(0).getValue(),
                jsonFeed.getString("content_html"))) {
            Document item = Jsoup.parseBodyFragment(content);
            assertTrue(item.text().startsWith("مقدمة التغطية."), item::html);
            Element updates = item.selectFirst("section.live-updates");
            assertNotNull(updates, item::html);
            assertEquals("التحديثات", updates.selectFirst("h2").text());
            assertEquals(
                    List.of(
                            "https://test.example/2025/12/live/#update-20251231-1040",
                            "https://test.example/2025/12/live/#update-20251231-0930",
                            "https://test.example/2025/12/live/#update-20251231-0915"),
                    updates.select("h3 > a").eachAttr("href"),
                    "newest first, a feed follows time; absolute links to each update's anchor");
            assertEquals(
                    "2025-12-31T10:40:00+02:00", updates.selectFirst("h3 time").attr("datetime"));
            assertTrue(updates.selectFirst("h3").text().contains("بقلم يوري كوفالينكو"));
            assertEquals(
                    List.of("ثاني تحديث.", "تحديث مثبت.", "أول تحديث."),
                    updates.select("h3 + p").eachText());
        }

        StringBuilder many = new StringBuilder(read(site, "articles/2025/12/live.md"));
        for (int minute = 10; minute < 22; minute++) {
            many.append("\n## 11:")
                    .append(minute)
                    .append("\nتحديث رقم ")
                    .append(minute)
                    .append(".\n");
        }
        write(site, "articles/2025/12/live.md", many.toString());
        Element updates = Jsoup.parseBodyFragment(
                        feedEntry(build(site), "rss.xml").getContents().get(0).getValue())
                .selectFirst("section.live-updates");
        assertEquals(10, updates.select("h3").size(), "the newest ten of fifteen");
        assertEquals("تحديث رقم 21.", updates.selectFirst("h3 + p").text());
        Element more = updates.selectFirst("section > p:last-child > a");
        assertEquals("https://test.example/2025/12/live/#live-title", more.attr("href"));
        assertEquals("5 تحديثات أقدم على الصفحة", more.text());
    }

    private static SyndEntry feedEntry(Path out, String feed) throws Exception {
        try (Reader reader = Files.newBufferedReader(out.resolve(feed), StandardCharsets.UTF_8)) {
            return new SyndFeedInput()
                    .build(reader).getEntries().stream()
                            .filter(e -> e.getLink().endsWith(LIVE))
                            .findFirst()
                            .orElseThrow();
        }
    }

    @Test
    void liveEndTurnsTheLiveBlogIntoANormalArticle() throws Exception {
        Path site = site();
        write(
                site,
                "articles/2025/12/live.md",
                read(site, "articles/2025/12/live.md")
                        .replace("live: true", "live: true\nlive_end: 2025-12-31T20:00:00+02:00"));
        Path out = build(site);
        Document live = html(out, LIVE + "index.html");
        assertEquals("NewsArticle", jsonLd(live).getString("@type"));
        assertTrue(live.select(".label--live, script[src$=liveblog.js], [data-live-updates]")
                .isEmpty());
        assertEquals(3, live.select(".live-entry").size(), "the updates stay");
        assertFalse(Files.exists(out.resolve(LIVE + "live.json")));
    }

    @Test
    void breakingNewsIsOneJsonThatPagesFetch() throws Exception {
        Path out = build(site());
        JsonObject breaking = json(read(out, "breaking.json"));
        JsonArray items = breaking.getJsonArray("items");
        assertEquals(1, items.size(), "the expired item is gone");
        assertEquals("عاجل: انفجار", items.getJsonObject(0).getString("text"));
        assertEquals("/2024/06/x/", items.getJsonObject(0).getString("url"));
        for (String page : List.of("index.html", SEED + "index.html", "tags/index.html")) {
            Document doc = html(out, page);
            assertEquals("/breaking.json", doc.selectFirst("[data-breaking]").attr("data-breaking"), page);
            assertNotNull(doc.selectFirst("script[src=/assets/breaking.js]"), page);
        }
        assertTrue(read(out, "assets/breaking.js").contains("t > now"), "the client drops expired items too");
    }

    @Test
    void aBreakingItemWithAScriptLinkIsAProblem() throws Exception {
        Path site = site();
        write(site, "data/breaking.yaml", "items:\n  - {text: x, link: 'javascript:alert(1)', expires: 2030-01-01}\n");
        BuildException e = assertThrows(BuildException.class, () -> build(site));
        assertTrue(e.getMessage().contains("data/breaking.yaml:2: a breaking item's link"), e.getMessage());
    }
}
