package dev.midad.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** RSS feeds (parsed with ROME and as raw XML) and the sitemap of the built sample site. */
class SampleSiteFeedsTest {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    /** RFC 822 date as RSS 2.0 wants it, with English day and month names: "Thu, 20 Jun 2024 10:00:00 +0300". */
    static final Pattern RFC822 = Pattern.compile(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"
                    + " \\d{2}:\\d{2}:\\d{2} ([+-]\\d{4}|GMT|UT|Z)$");
    /** Arabic UTF-8 decoded as Latin-1/Windows-1252 looks like "Ø¨Ù". */
    static final Pattern MOJIBAKE = Pattern.compile("[ØÙÚÛ][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178"
            + "\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013-\\u203A\\u20AC\\u2122]|\\uFFFD");

    @TempDir
    static Path tmp;

    private static SiteChecks.Built site;
    private static List<Path> feedFiles;
    /** Every feed, parsed by ROME, by file relative to the output folder. */
    private static final Map<String, SyndFeed> FEEDS = new LinkedHashMap<>();

    private static final Map<String, Document> RAW = new LinkedHashMap<>();
    /** Title → lead image (or "") of every article source of the sample site. */
    private static final Map<String, String> IMAGE_BY_TITLE = new LinkedHashMap<>();

    @BeforeAll
    static void buildAndParse() throws Exception {
        site = SiteChecks.build(SiteChecks.SAMPLE_SITE, tmp.resolve("site"));
        feedFiles = SiteChecks.files(site.out(), "rss.xml");
        for (Path file : feedFiles) {
            String rel = SiteChecks.rel(site.out(), file);
            try (InputStream in = Files.newInputStream(file);
                    // As a server would send it: the charset stated explicitly, no guessing, no leniency.
                    XmlReader reader = new XmlReader(in, "application/rss+xml; charset=UTF-8", false, "UTF-8")) {
                assertEquals("UTF-8", reader.getEncoding(), rel);
                FEEDS.put(rel, new SyndFeedInput().build(reader));
            }
            RAW.put(rel, SiteChecks.xmlParser().parse(file.toFile()));
        }
        Load yaml = new Load(LoadSettings.builder().build());
        // Articles of the main edition (articles/) and of every other edition (editions/<path>/articles/).
        try (Stream<Path> sources = Files.walk(SiteChecks.SAMPLE_SITE)) {
            for (Path md : sources.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> SiteChecks.SAMPLE_SITE
                            .relativize(p)
                            .toString()
                            .replace('\\', '/')
                            .matches("(editions/[^/]+/)?articles/.*"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(md, StandardCharsets.UTF_8).replace("\r\n", "\n");
                int end = text.indexOf("\n---", 4);
                Map<?, ?> front = (Map<?, ?>) yaml.loadFromString(text.substring(4, end));
                Object image = front.get("image");
                IMAGE_BY_TITLE.put(String.valueOf(front.get("title")), image == null ? "" : image.toString());
            }
        }
    }

    /** The language a feed must declare: its edition's (files under {@code <edition path>/}) or the site's. */
    static String expectedLanguage(String rel) {
        return site.config().editions().stream()
                .filter(e -> rel.startsWith(e.path() + "/"))
                .map(e -> e.language())
                .findFirst()
                .orElse(site.config().language());
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String ns, String name) {
        List<org.w3c.dom.Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof org.w3c.dom.Element e
                    && name.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static org.w3c.dom.Element channel(String rel) {
        org.w3c.dom.Element rss = RAW.get(rel).getDocumentElement();
        assertEquals("rss", rss.getLocalName(), rel + ": root element");
        assertEquals("2.0", rss.getAttribute("version"), rel + ": RSS version");
        List<org.w3c.dom.Element> channels = children(rss, null, "channel");
        assertEquals(1, channels.size(), rel + ": one <channel>");
        return channels.get(0);
    }

    private static boolean isAbsoluteHttp(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** href/src/srcset values of an HTML fragment that are not absolute http(s) URLs. */
    static List<String> relativeUrls(String html) {
        List<String> found = new ArrayList<>();
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        for (Element el : doc.select("[href], [src], [srcset]")) {
            for (String attr : List.of("href", "src")) {
                String url = el.attr(attr);
                if (el.hasAttr(attr) && !url.startsWith("mailto:") && !isAbsoluteHttp(url)) {
                    found.add("<" + el.tagName() + " " + attr + "=\"" + url + "\">");
                }
            }
            for (String candidate : el.attr("srcset").split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty() && !isAbsoluteHttp(url)) {
                    found.add("<" + el.tagName() + " srcset> " + url);
                }
            }
        }
        return found;
    }

    /** Atom feeds (atom.xml next to each rss.xml), when the engine writes them. */
    @Test
    void atomFeedsAreValidAndAbsolute() throws Exception {
        List<Path> atoms = SiteChecks.files(site.out(), "atom.xml");
        List<String> problems = new ArrayList<>();
        for (Path file : atoms) {
            String rel = SiteChecks.rel(site.out(), file);
            SyndFeed feed;
            try (InputStream in = Files.newInputStream(file);
                    XmlReader reader = new XmlReader(in, "application/atom+xml; charset=UTF-8", false, "UTF-8")) {
                feed = new SyndFeedInput().build(reader);
            }
            if (!feed.getFeedType().startsWith("atom_1")) {
                problems.add(rel + ": not Atom 1.0 but " + feed.getFeedType());
            }
            Document xml = SiteChecks.xmlParser().parse(file.toFile());
            org.w3c.dom.Element root = xml.getDocumentElement();
            String lang = root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            if (!expectedLanguage(rel).equals(lang)) {
                problems.add(rel + ": <feed xml:lang> is '" + lang + "', not " + expectedLanguage(rel));
            }
            String self = children(root, ATOM_NS, "link").stream()
                    .filter(l -> "self".equals(l.getAttribute("rel")))
                    .map(l -> l.getAttribute("href"))
                    .findFirst()
                    .orElse(null);
            if (!SiteChecks.urlOf(site, file).toString().equals(self)) {
                problems.add(rel + ": link rel=self is " + self);
            }
            Set<String> ids = new HashSet<>();
            for (SyndEntry entry : feed.getEntries()) {
                if (!isAbsoluteHttp(entry.getLink())) {
                    problems.add(rel + ": entry link not absolute: " + entry.getLink());
                }
                if (entry.getUri() == null || !ids.add(entry.getUri())) {
                    problems.add(rel + ": missing or duplicate id " + entry.getUri());
                }
                if (entry.getUpdatedDate() == null && entry.getPublishedDate() == null) {
                    problems.add(rel + ": " + entry.getTitle() + " has no date");
                }
                for (SyndContent content : entry.getContents()) {
                    relativeUrls(content.getValue())
                            .forEach(u ->
                                    problems.add(rel + ": " + entry.getTitle() + ": relative URL in content: " + u));
                }
            }
            if (rel.equals("atom.xml")
                    && feed.getEntries().stream().noneMatch(e -> SiteChecks.SEED_TITLE.equals(e.getTitle()))) {
                problems.add("atom.xml: the seed article is missing");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** JSON Feed 1.1 (feed.json), when the engine writes it. */
    @Test
    void jsonFeedsAreValidAndAbsolute() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : SiteChecks.files(site.out(), "feed.json")) {
            String rel = SiteChecks.rel(site.out(), file);
            Object parsed;
            try {
                parsed = TinyJson.parse(SiteChecks.read(file));
            } catch (IllegalArgumentException e) {
                problems.add(rel + ": not valid JSON: " + e.getMessage());
                continue;
            }
            Map<?, ?> feed = (Map<?, ?>) parsed;
            if (!"https://jsonfeed.org/version/1.1".equals(feed.get("version"))) {
                problems.add(rel + ": version " + feed.get("version"));
            }
            if (!expectedLanguage(rel).equals(feed.get("language"))) {
                problems.add(rel + ": language " + feed.get("language"));
            }
            if (!SiteChecks.urlOf(site, file).toString().equals(feed.get("feed_url"))) {
                problems.add(rel + ": feed_url " + feed.get("feed_url"));
            }
            if (!isAbsoluteHttp(String.valueOf(feed.get("home_page_url")))) {
                problems.add(rel + ": home_page_url " + feed.get("home_page_url"));
            }
            Set<String> ids = new HashSet<>();
            for (Object o : (List<?>) feed.get("items")) {
                Map<?, ?> item = (Map<?, ?>) o;
                String id = String.valueOf(item.get("id"));
                if (!ids.add(id)) {
                    problems.add(rel + ": duplicate id " + id);
                }
                String url = String.valueOf(item.get("url"));
                if (!isAbsoluteHttp(url)
                        || !SiteChecks.resolve(site, URI.create(url)).ok()) {
                    problems.add(rel + ": item url " + url + " is not an absolute URL of an output file");
                }
                if (!String.valueOf(item.get("date_published"))
                        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})")) {
                    problems.add(rel + ": date_published not RFC 3339: " + item.get("date_published"));
                }
                relativeUrls((String) item.get("content_html"))
                        .forEach(u -> problems.add(rel + ": " + id + ": relative URL in content_html: " + u));
                if (item.get("image") != null && !isAbsoluteHttp(String.valueOf(item.get("image")))) {
                    problems.add(rel + ": image not absolute: " + item.get("image"));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theSiteAndEveryCategoryHaveAFeed() throws Exception {
        assertTrue(FEEDS.containsKey("rss.xml"), "site feed rss.xml missing; feeds: " + FEEDS.keySet());
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(site.out().resolve("category"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.isRegularFile(dir.resolve("rss.xml"))) {
                    missing.add(SiteChecks.rel(site.out(), dir));
                }
            }
        }
        assertTrue(missing.isEmpty(), "category folders without rss.xml: " + missing);
        assertTrue(FEEDS.size() >= 2, "expected category feeds too: " + FEEDS.keySet());
    }

    @Test
    void feedsAreUtf8WithoutMojibake() throws Exception {
        for (Path file : feedFiles) {
            String rel = SiteChecks.rel(site.out(), file);
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                fail(rel + " is not valid UTF-8: " + e);
                return;
            }
            assertTrue(text.startsWith("<?xml"), rel + " starts with an XML declaration (no BOM, no blank line)");
            assertTrue(
                    Pattern.compile("^<\\?xml version=\"1\\.0\" encoding=\"(?i:utf-8)\"\\?>")
                            .matcher(text)
                            .find(),
                    rel + " declares UTF-8: " + text.lines().findFirst().orElse(""));
            assertFalse(
                    MOJIBAKE.matcher(text).find(),
                    rel + " contains mojibake near: " + (MOJIBAKE.matcher(text).find() ? snippet(text, MOJIBAKE) : ""));
        }
    }

    private static String snippet(String text, Pattern pattern) {
        var m = pattern.matcher(text);
        m.find();
        return text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40));
    }

    @Test
    void feedLanguageIsArabic() {
        assertEquals("ar", site.config().language(), "the sample site is Arabic");
        assertEquals("ar", FEEDS.get("rss.xml").getLanguage(), "rss.xml: <language>");
        FEEDS.forEach((rel, feed) -> assertEquals(expectedLanguage(rel), feed.getLanguage(), rel + ": <language>"));
    }

    @Test
    void channelAndEntryLinksAreAbsoluteAndExist() {
        List<String> problems = new ArrayList<>();
        FEEDS.forEach((rel, feed) -> {
            if (!isAbsoluteHttp(feed.getLink())) {
                problems.add(rel + ": channel <link> not absolute: " + feed.getLink());
            }
            assertFalse(feed.getEntries().isEmpty(), rel + " has no items");
            for (SyndEntry entry : feed.getEntries()) {
                String link = entry.getLink();
                if (!isAbsoluteHttp(link)) {
                    problems.add(rel + ": item link not absolute: " + link);
                } else if (SiteChecks.hasRawNonAscii(link)) {
                    problems.add(rel + ": item link not percent-encoded: " + link);
                } else {
                    SiteChecks.Resolution r = SiteChecks.resolve(site, URI.create(link));
                    if (!r.ok()) {
                        problems.add(rel + ": item link " + link + " is " + r.problem());
                    }
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyUrlInEntryContentIsAbsolute() {
        List<String> problems = new ArrayList<>();
        int contents = 0;
        for (Map.Entry<String, SyndFeed> feed : FEEDS.entrySet()) {
            for (SyndEntry entry : feed.getValue().getEntries()) {
                List<SyndContent> htmls = new ArrayList<>(entry.getContents());
                contents += entry.getContents().size();
                if (entry.getDescription() != null) {
                    htmls.add(entry.getDescription());
                }
                for (SyndContent content : htmls) {
                    org.jsoup.nodes.Document doc =
                            Jsoup.parseBodyFragment(content.getValue() == null ? "" : content.getValue());
                    for (Element el : doc.select("[href], [src], [srcset]")) {
                        for (String attr : List.of("href", "src")) {
                            String url = el.attr(attr);
                            if (el.hasAttr(attr) && !url.startsWith("mailto:") && !isAbsoluteHttp(url)) {
                                problems.add(feed.getKey() + ": " + entry.getTitle() + ": <" + el.tagName() + " " + attr
                                        + "=\"" + url + "\"> is not absolute");
                            }
                        }
                        for (String candidate : el.attr("srcset").split(",")) {
                            String url = candidate.strip().split("\\s+")[0];
                            if (!url.isEmpty() && !isAbsoluteHttp(url)) {
                                problems.add(feed.getKey() + ": " + entry.getTitle() + ": srcset " + url
                                        + " is not absolute");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(contents > 0, "no item has content:encoded");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The default feeds: full content for the site and its categories, summaries for tags and authors
     * (RSS only there), each item still with a title, a link and a description when the article has one.
     */
    @Test
    void siteAndCategoryItemsHaveFullContentTagAndAuthorItemsSummaries() {
        int summaryFeeds = 0;
        for (Map.Entry<String, Document> feed : RAW.entrySet()) {
            String rel = feed.getKey();
            boolean full = !rel.matches("([a-z-]+/)?(tag|author)/.*"); // en/tag/… in the English edition
            summaryFeeds += full ? 0 : 1;
            for (org.w3c.dom.Element item : children(channel(rel), null, "item")) {
                String title = children(item, null, "title").get(0).getTextContent();
                assertEquals(
                        full ? 1 : 0,
                        children(item, "http://purl.org/rss/1.0/modules/content/", "encoded")
                                .size(),
                        rel + ": item " + title + (full ? " has one <content:encoded>" : " has none"));
                assertEquals(1, children(item, null, "link").size(), rel + ": item " + title + " has a link");
            }
            if (!full) {
                assertFalse(Files.exists(site.out().resolve(rel).resolveSibling("atom.xml")), rel + ": RSS only");
                assertFalse(Files.exists(site.out().resolve(rel).resolveSibling("feed.json")), rel + ": RSS only");
            }
        }
        assertTrue(summaryFeeds > 0, "no tag or author feed");
        SyndFeed tag = FEEDS.entrySet().stream()
                .filter(e -> e.getKey().startsWith("tag/"))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertTrue(
                tag.getEntries().stream()
                        .anyMatch(e -> e.getDescription() != null
                                && !e.getDescription().getValue().isBlank()),
                "summary feeds carry the summaries");
    }

    @Test
    void guidsAreUniqueAndDatesPresentNewestFirst() {
        FEEDS.forEach((rel, feed) -> {
            Set<String> guids = new HashSet<>();
            Date previous = null;
            for (SyndEntry entry : feed.getEntries()) {
                assertNotNull(entry.getUri(), rel + ": " + entry.getTitle() + " has no guid");
                assertTrue(guids.add(entry.getUri()), rel + ": duplicate guid " + entry.getUri());
                Date date = entry.getPublishedDate();
                assertNotNull(date, rel + ": " + entry.getTitle() + " has no (parsable) pubDate");
                if (previous != null) {
                    assertFalse(date.after(previous), rel + ": items not newest first at " + entry.getTitle());
                }
                previous = date;
            }
        });
        RAW.forEach((rel, xml) -> {
            for (org.w3c.dom.Element item : children(channel(rel), null, "item")) {
                List<org.w3c.dom.Element> guid = children(item, null, "guid");
                assertEquals(1, guid.size(), rel + ": one <guid> per item");
                if (!"false".equals(guid.get(0).getAttribute("isPermaLink"))) {
                    assertTrue(
                            isAbsoluteHttp(guid.get(0).getTextContent().strip()),
                            rel + ": a permalink guid must be an absolute URL: "
                                    + guid.get(0).getTextContent());
                }
                for (org.w3c.dom.Element pubDate : children(item, null, "pubDate")) {
                    assertTrue(
                            RFC822.matcher(pubDate.getTextContent().strip()).matches(),
                            rel + ": item pubDate not RFC 822 in English: " + pubDate.getTextContent());
                }
            }
        });
    }

    @Test
    void seedArticleIsInTheSiteFeedWithItsArabicTitle() {
        SyndFeed feed = FEEDS.get("rss.xml");
        assertNotNull(feed, "no site feed");
        SyndEntry seed = feed.getEntries().stream()
                .filter(e -> SiteChecks.SEED_TITLE.equals(e.getTitle()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("seed article not in rss.xml; titles: "
                        + feed.getEntries().stream().map(SyndEntry::getTitle).toList()));
        String expectedLink =
                SiteChecks.urlOf(site, site.out().resolve(SiteChecks.SEED_FILE)).toString();
        assertEquals(expectedLink, seed.getLink());
        String body =
                seed.getContents().isEmpty() ? "" : seed.getContents().get(0).getValue();
        String text = Jsoup.parse(body).text();
        assertTrue(text.contains("( ISW )"), "seed content:encoded holds the article body: " + body);
        assertTrue(text.contains("صرح معهد دراسات الحرب"), "Arabic body intact");
        assertEquals(SiteChecks.SEED_TITLE.length(), seed.getTitle().length());
    }

    @Test
    void everyFeedLinksToItselfWithAtomSelf() {
        RAW.forEach((rel, xml) -> {
            List<org.w3c.dom.Element> self = children(channel(rel), ATOM_NS, "link").stream()
                    .filter(l -> "self".equals(l.getAttribute("rel")))
                    .toList();
            assertEquals(1, self.size(), rel + ": one <atom:link rel=\"self\"> in the channel");
            String href = self.get(0).getAttribute("href");
            assertEquals(
                    SiteChecks.urlOf(site, site.out().resolve(rel)).toString(),
                    href,
                    rel + ": atom:link self names the feed's own URL");
            assertEquals("application/rss+xml", self.get(0).getAttribute("type"), rel + ": atom:link type");
        });
    }

    @Test
    void channelDatesAreRfc822InEnglish() {
        RAW.forEach((rel, xml) -> {
            org.w3c.dom.Element channel = channel(rel);
            List<org.w3c.dom.Element> dates = new ArrayList<>(children(channel, null, "pubDate"));
            dates.addAll(children(channel, null, "lastBuildDate"));
            assertFalse(dates.isEmpty(), rel + ": channel has neither pubDate nor lastBuildDate");
            for (org.w3c.dom.Element date : dates) {
                assertTrue(
                        RFC822.matcher(date.getTextContent().strip()).matches(),
                        rel + ": <" + date.getLocalName() + "> not RFC 822 in English: " + date.getTextContent());
            }
        });
    }

    @Test
    void itemsOfArticlesWithAnImageCarryIt() {
        List<String> problems = new ArrayList<>();
        int withImage = 0;
        for (Map.Entry<String, Document> feed : RAW.entrySet()) {
            for (org.w3c.dom.Element item : children(channel(feed.getKey()), null, "item")) {
                String title = children(item, null, "title").get(0).getTextContent();
                String image = IMAGE_BY_TITLE.get(title);
                if (image == null) {
                    problems.add(feed.getKey() + ": item title '" + title + "' matches no article source");
                    continue;
                }
                List<String> urls = new ArrayList<>();
                for (org.w3c.dom.Element enclosure : children(item, null, "enclosure")) {
                    urls.add(enclosure.getAttribute("url"));
                    if (!enclosure.getAttribute("type").startsWith("image/")) {
                        problems.add(feed.getKey() + ": " + title + ": enclosure type '"
                                + enclosure.getAttribute("type") + "'");
                    }
                    if (!enclosure.getAttribute("length").matches("\\d+")) {
                        problems.add(feed.getKey() + ": " + title + ": enclosure without numeric length"
                                + " (required by RSS 2.0)");
                    }
                }
                children(item, MEDIA_NS, "content").forEach(m -> urls.add(m.getAttribute("url")));
                if (image.isEmpty()) {
                    continue;
                }
                withImage++;
                if (urls.isEmpty()) {
                    problems.add(feed.getKey() + ": " + title + " has image " + image
                            + " but neither <enclosure> nor <media:content>");
                }
                for (String url : urls) {
                    if (!isAbsoluteHttp(url)) {
                        problems.add(feed.getKey() + ": " + title + ": image URL not absolute: " + url);
                    } else if (SiteChecks.isSameOrigin(URI.create(url), site.baseUrl())
                            && !SiteChecks.resolve(site, URI.create(url)).ok()) {
                        problems.add(feed.getKey() + ": " + title + ": image " + url + " is "
                                + SiteChecks.resolve(site, URI.create(url)).problem());
                    }
                }
            }
        }
        assertTrue(withImage > 0, "no feed item belongs to an article with an image");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void robotsTxtNamesExistingValidSitemaps() throws Exception {
        Path robots = site.out().resolve("robots.txt");
        if (!Files.isRegularFile(robots)) {
            return; // robots.txt is optional
        }
        List<String> problems = new ArrayList<>();
        List<String> sitemaps = SiteChecks.read(robots)
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Sitemap:", 0, 8))
                .map(l -> l.substring(8).strip())
                .toList();
        assertTrue(sitemaps.contains(site.baseUrl() + "sitemap.xml"), "robots.txt names sitemap.xml: " + sitemaps);
        for (String url : sitemaps) {
            if (!isAbsoluteHttp(url) || SiteChecks.hasRawNonAscii(url)) {
                problems.add("robots.txt: sitemap URL not absolute and encoded: " + url);
                continue;
            }
            SiteChecks.Resolution r = SiteChecks.resolve(site, URI.create(url));
            if (!r.ok()) {
                problems.add("robots.txt: sitemap " + url + " is " + r.problem());
                continue;
            }
            String rel = SiteChecks.rel(site.out(), r.file());
            Document xml = SiteChecks.xmlParser().parse(r.file().toFile());
            if (xml.getElementsByTagNameNS(SiteChecks.SITEMAP_NS, "loc").getLength() == 0) {
                continue; // an empty news sitemap (no article of the last two days): reported, not failed
            }
            problems.addAll(SiteChecks.sitemapProblems(site, rel));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void sitemapLocsAreAbsoluteEncodedUniqueAndExist() throws Exception {
        List<String> problems = SiteChecks.sitemapProblems(site);
        assertTrue(problems.isEmpty(), "sitemap.xml:\n" + String.join("\n", problems));
        String sitemap = SiteChecks.read(site.out().resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>" + site.baseUrl() + "</loc>"), "home page in the sitemap");
        assertTrue(
                sitemap.contains("<loc>" + SiteChecks.urlOf(site, site.out().resolve(SiteChecks.SEED_FILE)) + "</loc>"),
                "seed article in the sitemap");
        // Every article page and every first page of a category, tag or author is listed.
        List<String> missing = new ArrayList<>();
        for (Path page : SiteChecks.files(site.out(), "index.html")) {
            String rel = SiteChecks.rel(site.out(), page);
            if (rel.matches("\\d{4}/\\d{2}/[^/]+/index\\.html|(category|tag|author)/[^/]+/index\\.html|index\\.html")
                    && !sitemap.contains("<loc>" + SiteChecks.urlOf(site, page) + "</loc>")) {
                missing.add(rel);
            }
        }
        assertTrue(missing.isEmpty(), "pages missing from sitemap.xml: " + missing);
    }
}
