package dev.midad.security;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.json.Json;
import javax.json.JsonObject;
import javax.json.JsonReader;
import javax.json.JsonValue;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a built site the way a browser and a feed reader would and lists everything that could run script or
 * take over a page: every HTML page, and every field of every feed that readers parse as HTML (RSS title,
 * description and content:encoded; Atom text constructs of type html; JSON Feed content_html and
 * summary). Found: script elements (JSON-LD data excepted), event handler attributes, script URLs, frames
 * from hosts outside {@code embed_hosts}, {@code <base>}, {@code <object>}, {@code <embed>}, {@code <form>},
 * and meta refresh outside redirect pages. The theme's own parts are not findings: its same-origin scripts
 * (assets/search.js, breaking.js, liveblog.js, embed.js: external, no inline code) and its search form (a GET form to the site's search page
 * holding only a label, a search field and a button); anything else of that kind is.
 */
final class OutputScan {
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "poster",
            "data",
            "background",
            "srcset",
            "cite",
            "longdesc",
            "lowsrc",
            "dynsrc");
    private static final Set<String> FORBIDDEN_TAGS =
            Set.of("base", "object", "embed", "applet", "form", "frame", "frameset");

    private final Set<String> embedHosts;
    private final List<String> findings = new ArrayList<>();

    private OutputScan(Set<String> embedHosts) {
        this.embedHosts = embedHosts;
    }

    /** Every finding under {@code out}, as "file: what"; empty when the site is clean. */
    static List<String> scan(Path out, Set<String> embedHosts) throws Exception {
        OutputScan scan = new OutputScan(embedHosts);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String where = out.relativize(file).toString();
            if (name.matches(".*\\.(jpe?g|png|webp|gif|avif|ico|woff2?)$")) {
                continue; // raster images and fonts: no markup a browser or reader would run
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (name.endsWith(".html")) {
                Document doc = Jsoup.parse(text);
                scan.html(where, doc.body().parent(), isRedirectPage(doc));
            } else if (name.endsWith(".xml")) {
                scan.xmlFeed(where, file);
            } else if (name.endsWith(".json")) {
                scan.jsonFeed(where, text);
            }
        }
        return scan.findings;
    }

    /** The redirect template's page: noindex, a canonical link, a refresh and a body of one link. */
    private static boolean isRedirectPage(Document doc) {
        return doc.selectFirst("meta[name=robots][content=noindex]") != null
                && doc.selectFirst("link[rel=canonical]") != null
                && doc.body().select("*").size() == 3
                && doc.body().selectFirst("p > a") != null;
    }

    /** A whole page (not a feed field): only there may the theme's own search form and scripts appear. */
    private static boolean isPage(Element root) {
        return root.normalName().equals("html");
    }

    /** The theme's own same-origin script file, with no inline code: assets/search.js, breaking.js, liveblog.js, embed.js. */
    private static boolean isThemeScript(Element script) {
        return script.attr("src").matches("(/[^/:]*)*/assets/(search|breaking|liveblog|embed)\\.js")
                && script.data().isBlank();
    }

    /** The theme's search box: a GET form to the site's own /search/ page with a query field and a button. */
    private static boolean isThemeSearchForm(Element form) {
        return form.attr("method").equalsIgnoreCase("get")
                && form.attr("action").matches("(/[^/:]*)*/search/")
                && form.select("*").stream()
                        .skip(1)
                        .allMatch(e -> e.normalName().matches("label|input|button"))
                && form.select("input").stream().allMatch(i -> i.attr("type").matches("search|text"));
    }

    /** Counts one HTML field: its text is parsed as a body fragment, as a feed reader does. */
    private void fragment(String where, String html) {
        html(where, Jsoup.parseBodyFragment(html).body(), false);
    }

    private void html(String where, Element root, boolean redirectPage) {
        for (Element element : root.getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("script") && !(isPage(root) && isThemeScript(element))) {
                String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
                if (!type.equals("application/ld+json") || element.hasAttr("src")) {
                    findings.add(where + ": <script" + (type.isEmpty() ? "" : " type=" + type) + ">");
                }
            }
            if (tag.equals("form") && isPage(root) && isThemeSearchForm(element)) {
                continue;
            }
            if (FORBIDDEN_TAGS.contains(tag)) {
                findings.add(where + ": <" + tag + ">");
            }
            if (tag.equals("iframe") && !isEmbed(element.attr("src"))) {
                findings.add(where + ": <iframe src=" + element.attr("src") + "> outside embed_hosts");
            }
            if (tag.equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh") && !redirectPage) {
                findings.add(where + ": meta refresh outside a redirect page");
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    findings.add(where + ": event handler " + key + " on <" + tag + ">");
                }
                if (URL_ATTRIBUTES.contains(key) && isScriptUrl(attribute.getValue(), tag, key)) {
                    findings.add(where + ": script URL in <" + tag + " " + key + "=" + attribute.getValue() + ">");
                }
            }
        }
    }

    private boolean isEmbed(String src) {
        try {
            URI uri = new URI(src.strip());
            return "https".equals(uri.getScheme()) && uri.getHost() != null && embedHosts.contains(uri.getHost());
        } catch (Exception e) {
            return false;
        }
    }

    /** What a browser would run: scheme as it reads it (controls and spaces dropped, any case). */
    static boolean isScriptUrl(String value, String tag, String attribute) {
        String scheme = value.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        if (scheme.startsWith("javascript:") || scheme.startsWith("vbscript:") || scheme.startsWith("livescript:")) {
            return true;
        }
        return scheme.startsWith("data:")
                && !(tag.equals("img") && attribute.equals("src") && scheme.startsWith("data:image/"));
    }

    private void xmlFeed(String where, Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(file.toFile());
        String root = doc.getDocumentElement().getLocalName();
        if (root.equals("rss")) {
            // RSS's own title and description, and content:encoded (media:description type="plain" is text)
            for (String name : List.of("title", "description", "encoded")) {
                NodeList nodes = doc.getElementsByTagNameNS("*", name);
                for (int i = 0; i < nodes.getLength(); i++) {
                    String namespace = nodes.item(i).getNamespaceURI();
                    if (namespace == null || namespace.equals("http://purl.org/rss/1.0/modules/content/")) {
                        fragment(where + " <" + name + ">", nodes.item(i).getTextContent());
                    }
                }
            }
        } else if (root.equals("feed")) {
            for (String name : List.of("title", "subtitle", "summary", "content", "rights")) {
                NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
                for (int i = 0; i < nodes.getLength(); i++) {
                    org.w3c.dom.Element element = (org.w3c.dom.Element) nodes.item(i);
                    String type = element.getAttribute("type");
                    if (type.equals("xhtml")) {
                        findings.add(where + ": <" + name + " type=xhtml> (Midad writes none; not scanned)");
                    } else if (type.equals("html")) {
                        fragment(where + " <" + name + ">", element.getTextContent());
                    }
                }
            }
            NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
            for (int i = 0; i < links.getLength(); i++) {
                String href = ((org.w3c.dom.Element) links.item(i)).getAttribute("href");
                try {
                    URI.create(href);
                } catch (IllegalArgumentException e) {
                    findings.add(where + ": <link href=" + href + "> is not a URI");
                }
                if (isScriptUrl(href, "a", "href")) {
                    findings.add(where + ": script URL in <link href=" + href + ">");
                }
            }
        }
    }

    private void jsonFeed(String where, String text) throws IOException {
        JsonObject feed;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object) || !object.containsKey("items")) {
                return;
            }
            feed = object;
        }
        for (JsonValue item : feed.getJsonArray("items")) {
            JsonObject entry = item.asJsonObject();
            for (String field : List.of("content_html", "summary")) {
                if (entry.containsKey(field)) {
                    fragment(where + " " + field, entry.getString(field));
                }
            }
        }
    }
}
