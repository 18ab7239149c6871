package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.midad.BuildOptions;
import dev.midad.TestSites;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.ContentLoader;
import dev.midad.i18n.Messages;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.model.SiteModel;
import dev.midad.model.build.Dates;
import dev.midad.model.build.SiteModelBuilder;
import dev.midad.output.OutputRegistry;
import dev.midad.problem.Problem;
import dev.midad.write.StagedOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Past the sitemap limits (lowered here) sitemap.xml and news-sitemap.xml become indexes of their parts. */
class SitemapSplitTest {
    @TempDir
    Path tmp;

    @Test
    void largeSitesGetASitemapIndex() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        Path out = render(site, TestSites.options(), 3, 1_000);

        Document index = parse(out.resolve("sitemap.xml"));
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        NodeList parts = index.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertTrue(parts.getLength() > 1);
        Set<String> locs = new HashSet<>();
        int urls = 0;
        for (int i = 0; i < parts.getLength(); i++) {
            String loc = parts.item(i).getTextContent();
            assertEquals("https://test.example/sitemap-" + (i + 1) + ".xml", loc);
            NodeList entries = parse(out.resolve("sitemap-" + (i + 1) + ".xml"))
                    .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
            assertTrue(entries.getLength() <= 3);
            for (int j = 0; j < entries.getLength(); j++) {
                assertTrue(locs.add(entries.item(j).getTextContent()), "each URL once");
                urls++;
            }
        }
        assertTrue(locs.contains("https://test.example/about/"));
        assertEquals(locs.size(), urls);
    }

    /** Google News: past 1,000 URLs (lowered here to 2) news-sitemap.xml is an index of news-sitemap-N.xml. */
    @Test
    void manyNewsArticlesAreSplitUnderANewsSitemapIndexNotTruncated() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        for (int hour = 10; hour <= 12; hour++) {
            TestSites.write(site, "articles/2024/08/news-" + hour + ".md", """
                    ---
                    title: خبر الساعة %d
                    slug: news-%d
                    date: 2024-08-14T%d:00:00
                    ---
                    نص.
                    """.formatted(hour, hour, hour));
        }
        // 2024-08-15T06:00Z: the three above and third.md (2024-08-14 09:30) are within 48 hours
        BuildOptions options =
                TestSites.options().withClock(Clock.fixed(Instant.parse("2024-08-15T06:00:00Z"), ZoneOffset.UTC));
        Path out = render(site, options, 50_000, 2);

        Document index = parse(out.resolve("news-sitemap.xml"));
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        NodeList parts = index.getElementsByTagNameNS(SITEMAPS, "loc");
        assertEquals(2, parts.getLength());
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < parts.getLength(); i++) {
            assertEquals(
                    "https://test.example/news-sitemap-" + (i + 1) + ".xml",
                    parts.item(i).getTextContent());
            Document part = parse(out.resolve("news-sitemap-" + (i + 1) + ".xml"));
            assertEquals("urlset", part.getDocumentElement().getLocalName());
            NodeList locs = part.getElementsByTagNameNS(SITEMAPS, "loc");
            for (int j = 0; j < locs.getLength(); j++) {
                urls.add(locs.item(j).getTextContent());
            }
        }
        assertEquals(
                List.of(
                        "https://test.example/2024/08/news-12/",
                        "https://test.example/2024/08/news-11/",
                        "https://test.example/2024/08/news-10/",
                        "https://test.example/2024/08/%D8%B5%D8%A7%D8%AF%D8%B1%D8%A7%D8%AA-%D8%A7%D9%84%D8%AD%D8%A8"
                                + "%D9%88%D8%A8-%D9%85%D9%86-%D8%A3%D9%88%D8%AF%D9%8A%D8%B3%D8%A7/"),
                urls,
                "every article of the last 48 hours, newest first, none left out");
        NodeList lastmods = index.getElementsByTagNameNS(SITEMAPS, "lastmod");
        assertEquals("2024-08-14T12:00:00+03:00", lastmods.item(0).getTextContent());
    }

    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** Builds {@code site} with the given limits per sitemap file; the output folder. */
    private Path render(Path site, BuildOptions options, int sitemapLimit, int newsLimit) throws Exception {
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(site, problems);
        ContentLoader.Content content = new ContentLoader(site, config, new MarkdownRenderer(config)).load(problems);
        Messages messages =
                Messages.load(Templates.THEME_ROOT, site.resolve("templates"), "ar", Map.of(), Dates.digits("latn"));
        SiteModelBuilder builder = new SiteModelBuilder(config, site.resolve("static"), messages, "/", List.of());
        SiteModel model = builder.build(content, options, Map.of(), problems);
        Templates.View view = new Templates(site.resolve("templates"))
                .view(config.locale(), TemplateFunctions.of(messages, true, "ar", "latn", model.now()));
        Path out = tmp.resolve("out");
        try (StagedOutput staged = new StagedOutput(out)) {
            new SiteRenderer(
                            model,
                            builder.links(),
                            OutputRegistry.of(config, problems),
                            view,
                            messages,
                            SiteRenderer.Placement.root(List.of()),
                            RenderMemo.none(),
                            sitemapLimit,
                            newsLimit)
                    .render(staged, problems);
            staged.commit();
        }
        assertTrue(problems.isEmpty(), problems::toString);
        return out;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
