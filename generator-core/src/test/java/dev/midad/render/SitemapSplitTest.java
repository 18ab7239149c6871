package dev.midad.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Past the sitemap limit (50,000 URLs; lowered here) sitemap.xml becomes an index of sitemap-N.xml files. */
class SitemapSplitTest {
    @TempDir
    Path tmp;

    @Test
    void largeSitesGetASitemapIndex() throws Exception {
        Path site = TestSites.small(Files.createDirectories(tmp.resolve("site")));
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(site, problems);
        ContentLoader.Content content = new ContentLoader(site, config, new MarkdownRenderer(config)).load(problems);
        Messages messages =
                Messages.load(Templates.THEME_ROOT, site.resolve("templates"), "ar", Map.of(), Dates.digits("latn"));
        SiteModelBuilder builder = new SiteModelBuilder(config, site.resolve("static"), messages, "/", List.of());
        SiteModel model = builder.build(content, TestSites.options(), Map.of(), problems);
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
                            3)
                    .render(staged, problems);
            staged.commit();
        }
        assertTrue(problems.isEmpty(), problems::toString);

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

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
