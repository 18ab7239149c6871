package dev.midad.validation;

import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.Site;
import dev.midad.config.SiteConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.NodeList;

/** Shared helpers of the output-validation tests: building, walking the output, resolving URLs to files. */
final class SiteChecks {
    /** The sample site, as seen from the generator-core module folder (surefire's working directory). */
    static final Path SAMPLE_SITE = Path.of("..", "content");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** The seed article: the first real news item the project was built around. */
    static final String SEED_TITLE = "بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية";

    static final String SEED_FILE = "2024/06/بوتين-كوريا-الشمالية/index.html";

    private SiteChecks() {}

    static BuildOptions options() {
        return BuildOptions.defaults().withClock(CLOCK);
    }

    /** A finished build and the base URL it was built for. */
    record Built(Path out, URI baseUrl, SiteConfig config, BuildResult result) {
        String basePath() {
            return baseUrl.getRawPath();
        }
    }

    static Built build(Path siteDir, Path out) throws Exception {
        Site site = Site.load(siteDir, options());
        BuildResult result = site.build(out);
        return new Built(out, site.config().baseUrl(), site.config(), result);
    }

    /** A copy of a built site's output in {@code target}, to be tampered with. */
    static Built copy(Built site, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(site.out())) {
            for (Path source : walk.toList()) {
                Path dest = target.resolve(site.out().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
        return new Built(target, site.baseUrl(), site.config(), site.result());
    }

    /** Every regular file under {@code out} ending in {@code suffix}, sorted, as paths. */
    static List<Path> files(Path out, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** {@code file} relative to {@code out}, with forward slashes. */
    static String rel(Path out, Path file) {
        return out.relativize(file).toString().replace('\\', '/');
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Percent-encodes a decoded path (UTF-8, RFC 3986 unreserved characters and '/' kept). */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c == '/'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The URL a file in the output is served at: {@code a/index.html} is served as {@code a/}. */
    static URI urlOf(Built site, Path file) {
        String rel = rel(site.out(), file);
        if (rel.equals("index.html")) {
            rel = "";
        } else if (rel.endsWith("/index.html")) {
            rel = rel.substring(0, rel.length() - "index.html".length());
        }
        return site.baseUrl().resolve(encodePath(rel));
    }

    static boolean hasRawNonAscii(String s) {
        return s.chars().anyMatch(c -> c > 0x7E || c <= 0x20);
    }

    static boolean isSameOrigin(URI url, URI base) {
        return url.getScheme() != null
                && url.getHost() != null
                && url.getScheme().equalsIgnoreCase(base.getScheme())
                && url.getHost().equalsIgnoreCase(base.getHost())
                && url.getPort() == base.getPort();
    }

    /**
     * The output file an absolute URL of the site names, or a reason it names none: outside the base path,
     * or no such file. Directories (URLs ending in '/') are served by their index.html.
     */
    static Resolution resolve(Built site, URI url) {
        String rawPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (!rawPath.startsWith(site.basePath())) {
            return new Resolution(null, "outside the site's base path " + site.basePath());
        }
        String decoded = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath(); // UTF-8 decoded
        if (!decoded.startsWith(site.basePath())) {
            return new Resolution(null, "outside the site's base path " + site.basePath());
        }
        String relative = decoded.substring(site.basePath().length());
        if (relative.contains("..")) {
            return new Resolution(null, "path escapes the site");
        }
        Path target = site.out().resolve(relative);
        if (relative.isEmpty() || relative.endsWith("/") || Files.isDirectory(target)) {
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            return new Resolution(null, "no file " + rel(site.out(), target) + " in the output");
        }
        return new Resolution(target, null);
    }

    record Resolution(Path file, String problem) {
        boolean ok() {
            return file != null;
        }
    }

    /**
     * Link checker: every internal href/src/srcset (and og:/twitter: URL) of every HTML page must name an
     * existing output file, be percent-encoded, and every fragment must name an element id of its target.
     * External hosts, mailto:, tel:, data: and javascript: are skipped.
     */
    static List<String> linkProblems(Built site) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<Path, Set<String>> idsByFile = new HashMap<>();
        for (Path file : files(site.out(), ".html")) {
            String page = rel(site.out(), file);
            URI pageUrl = urlOf(site, file);
            Document doc = Jsoup.parse(file.toFile(), "UTF-8", pageUrl.toString());
            idsByFile.put(file, ids(doc));
            for (Reference ref : references(doc)) {
                String problem = checkReference(site, file, page, pageUrl, ref.value(), idsByFile);
                if (problem != null) {
                    problems.add(page + ": <" + ref.element() + " " + ref.attribute() + "=\"" + ref.value() + "\">: "
                            + problem);
                }
            }
        }
        return problems;
    }

    record Reference(String element, String attribute, String value) {}

    static List<Reference> references(Document doc) {
        List<Reference> refs = new ArrayList<>();
        for (Element el : doc.select("[href], [src], [srcset], [poster], form[action]")) {
            for (String attr : List.of("href", "src", "poster", "action")) {
                if (el.hasAttr(attr)) {
                    refs.add(new Reference(el.tagName(), attr, el.attr(attr)));
                }
            }
            if (el.hasAttr("srcset")) {
                for (String candidate : el.attr("srcset").split(",")) {
                    String url = candidate.strip().split("\\s+")[0];
                    if (!url.isEmpty()) {
                        refs.add(new Reference(el.tagName(), "srcset", url));
                    }
                }
            }
        }
        for (Element meta : doc.select("meta[property=og:url], meta[property=og:image], meta[name=twitter:image],"
                + " meta[property=og:image:url], meta[property=og:image:secure_url]")) {
            refs.add(new Reference(
                    "meta " + meta.attr("property") + meta.attr("name"), "content", meta.attr("content")));
        }
        return refs;
    }

    private static String checkReference(
            Built site, Path file, String page, URI pageUrl, String value, Map<Path, Set<String>> idsByFile)
            throws IOException {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")
                || lower.startsWith("tel:")
                || lower.startsWith("data:")
                || lower.startsWith("javascript:")) {
            return null;
        }
        if (value.isEmpty()) {
            return "empty URL";
        }
        URI ref;
        try {
            ref = new URI(value);
        } catch (URISyntaxException e) {
            return "invalid URL: " + e.getMessage();
        }
        URI target = pageUrl.resolve(ref);
        if (!isSameOrigin(target, site.baseUrl())) {
            return null; // another host: not ours to check
        }
        if (hasRawNonAscii(value)) {
            return "internal URL not percent-encoded";
        }
        boolean sameDocument = value.startsWith("#");
        if (page.equals("404.html") && !sameDocument && ref.getScheme() == null && !value.startsWith("/")) {
            return "relative URL in 404.html, which is served at arbitrary addresses: use a root-relative URL";
        }
        Path targetFile;
        if (sameDocument) {
            targetFile = file;
        } else {
            Resolution resolution = resolve(site, target);
            if (!resolution.ok()) {
                return "broken: " + target + " is " + resolution.problem();
            }
            targetFile = resolution.file();
        }
        String fragment = target.getFragment();
        if (fragment == null
                || fragment.isEmpty()
                || fragment.equalsIgnoreCase("top")
                || !targetFile.getFileName().toString().endsWith(".html")) {
            return null;
        }
        Set<String> ids = idsByFile.get(targetFile);
        if (ids == null) {
            ids = ids(Jsoup.parse(targetFile.toFile(), "UTF-8"));
            idsByFile.put(targetFile, ids);
        }
        if (!ids.contains(fragment)) {
            return "fragment #" + fragment + " names no element id in " + rel(site.out(), targetFile);
        }
        return null;
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        return ids;
    }

    /** An AMP document: {@code <html ⚡>} or {@code <html amp>}. */
    static boolean isAmp(Document doc) {
        Element html = doc.selectFirst("html");
        return html != null && (html.hasAttr("amp") || html.hasAttr("⚡"));
    }

    static boolean isAmp(Path file) throws IOException {
        return isAmp(Jsoup.parse(file.toFile(), "UTF-8"));
    }

    /** Every page but 404.html names itself as canonical URL (absolute, percent-encoded, under the base). */
    static List<String> canonicalProblems(Built site) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(site.out(), ".html")) {
            String page = rel(site.out(), file);
            if (page.equals("404.html")) {
                continue;
            }
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            List<String> canonical = doc.select("link[rel=canonical]").eachAttr("href");
            String expected = urlOf(site, file).toString();
            if (isAmp(doc)) {
                // An AMP page names the regular article, which sits one folder up, as canonical.
                expected = expected.endsWith("/amp/") ? expected.substring(0, expected.length() - 4) : expected;
            }
            if (!canonical.equals(List.of(expected))) {
                problems.add(page + ": canonical " + canonical + ", expected [" + expected + "]");
            }
        }
        return problems;
    }

    /**
     * Every {@code <script type="application/ld+json">} is well-formed JSON with an {@code @context}, and a
     * NewsArticle's headline round-trips to the page's {@code <h1>} (so escaping neither broke nor mangled it).
     */
    static List<String> jsonLdProblems(Built site) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(site.out(), ".html")) {
            String page = rel(site.out(), file);
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element script : doc.select("script[type=application/ld+json]")) {
                Object json;
                try {
                    json = TinyJson.parse(script.data().strip());
                } catch (RuntimeException e) {
                    problems.add(page + ": JSON-LD is not valid JSON (" + e.getMessage() + "): " + script.data());
                    continue;
                }
                if (!(json instanceof Map<?, ?> map) || map.get("@context") == null) {
                    problems.add(page + ": JSON-LD without @context: " + script.data());
                    continue;
                }
                if ("NewsArticle".equals(map.get("@type"))) {
                    Element h1 = doc.selectFirst("h1");
                    // A title starting with Latin letters may be wrapped in a bidi isolate (RLI/LRI … PDI).
                    String headline =
                            String.valueOf(map.get("headline")).replaceAll("^[\u2066\u2067](.*)\u2069$", "$1");
                    if (h1 == null || !h1.text().equals(headline)) {
                        problems.add(page + ": JSON-LD headline '" + map.get("headline") + "' is not the <h1> '"
                                + (h1 == null ? null : h1.text()) + "'");
                    }
                }
            }
        }
        return problems;
    }

    /** A namespace-aware DOM parser hardened against XXE (no DTDs, no external entities). */
    static DocumentBuilder xmlParser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /**
     * Sitemap rules for {@code sitemap.xml} (a urlset, or a sitemap index whose parts are checked in turn):
     * every loc absolute, on the site, percent-encoded, unique and naming an output file.
     */
    static List<String> sitemapProblems(Built site) throws Exception {
        return sitemapProblems(site, "sitemap.xml");
    }

    static List<String> sitemapProblems(Built site, String fileName) throws Exception {
        List<String> problems = new ArrayList<>();
        Path file = site.out().resolve(fileName);
        org.w3c.dom.Document xml = xmlParser().parse(file.toFile());
        org.w3c.dom.Element root = xml.getDocumentElement();
        Set<String> seen = new HashSet<>();
        if (SITEMAP_NS.equals(root.getNamespaceURI()) && "sitemapindex".equals(root.getLocalName())) {
            NodeList locs = xml.getElementsByTagNameNS(SITEMAP_NS, "loc");
            if (locs.getLength() == 0) {
                problems.add(fileName + ": sitemap index without <loc>");
            }
            for (int i = 0; i < locs.getLength(); i++) {
                String loc = locs.item(i).getTextContent().strip();
                Resolution part = checkLoc(site, fileName, loc, new HashSet<>(), problems);
                if (part != null && part.ok()) {
                    org.w3c.dom.Document partXml = xmlParser().parse(part.file().toFile());
                    checkUrlset(site, rel(site.out(), part.file()), partXml, seen, problems);
                }
            }
        } else {
            checkUrlset(site, fileName, xml, seen, problems);
        }
        return problems;
    }

    private static void checkUrlset(
            Built site, String fileName, org.w3c.dom.Document xml, Set<String> seen, List<String> problems) {
        org.w3c.dom.Element root = xml.getDocumentElement();
        if (!SITEMAP_NS.equals(root.getNamespaceURI()) || !"urlset".equals(root.getLocalName())) {
            problems.add(fileName + ": root element is {" + root.getNamespaceURI() + "}" + root.getLocalName()
                    + ", not {" + SITEMAP_NS + "}urlset");
        }
        NodeList urls = xml.getElementsByTagNameNS(SITEMAP_NS, "url");
        NodeList locs = xml.getElementsByTagNameNS(SITEMAP_NS, "loc");
        if (locs.getLength() == 0) {
            problems.add(fileName + ": no <loc> at all");
        }
        if (locs.getLength() > 50_000) {
            problems.add(fileName + ": " + locs.getLength() + " URLs, more than the 50,000 sitemaps.org allows");
        }
        if (urls.getLength() != locs.getLength()) {
            problems.add(fileName + ": " + urls.getLength() + " <url> but " + locs.getLength() + " <loc>");
        }
        for (int i = 0; i < locs.getLength(); i++) {
            String loc = locs.item(i).getTextContent();
            if (!loc.equals(loc.strip())) {
                problems.add(fileName + ": loc with surrounding white space: '" + loc + "'");
            }
            checkLoc(site, fileName, loc.strip(), seen, problems);
        }
        NodeList lastmods = xml.getElementsByTagNameNS(SITEMAP_NS, "lastmod");
        for (int i = 0; i < lastmods.getLength(); i++) {
            String lastmod = lastmods.item(i).getTextContent().strip();
            // W3C Datetime: a date, or a date and time with a time zone.
            if (!lastmod.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?")) {
                problems.add(fileName + ": lastmod not in W3C Datetime format: '" + lastmod + "'");
            }
        }
    }

    /** Checks one loc; returns the file it names, or null when it is unusable (a problem was added). */
    private static Resolution checkLoc(
            Built site, String fileName, String loc, Set<String> seen, List<String> problems) {
        if (!seen.add(loc)) {
            problems.add(fileName + ": duplicate loc " + loc);
        }
        if (hasRawNonAscii(loc)) {
            problems.add(fileName + ": loc not percent-encoded: " + loc);
            return null;
        }
        URI uri;
        try {
            uri = new URI(loc);
        } catch (URISyntaxException e) {
            problems.add(fileName + ": invalid loc " + loc + ": " + e.getMessage());
            return null;
        }
        if (!uri.isAbsolute() || !(loc.startsWith("http://") || loc.startsWith("https://"))) {
            problems.add(fileName + ": loc not an absolute http(s) URL: " + loc);
            return null;
        }
        if (!isSameOrigin(uri, site.baseUrl())) {
            problems.add(fileName + ": loc on another host than " + site.baseUrl() + ": " + loc);
            return null;
        }
        Resolution resolution = resolve(site, uri);
        if (!resolution.ok()) {
            problems.add(fileName + ": loc " + loc + " is " + resolution.problem());
        }
        return resolution;
    }
}
