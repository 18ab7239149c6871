package dev.midad.importer;

import dev.midad.problem.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress eXtended RSS export (WXR 1.0–1.2) with the JDK's StAX parser, DTDs and external entities
 * switched off. Characters XML forbids are dropped before parsing (and reported), as WordPress writes them into
 * exports unescaped. Only what the importer uses is kept.
 */
final class WxrReader {
    private static final Pattern WP_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/\\d+\\.\\d+/");
    private static final Pattern EXCERPT_NAMESPACE =
            Pattern.compile("https?://wordpress\\.org/export/\\d+\\.\\d+/excerpt/");
    private static final Pattern ENCODING =
            Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private WxrReader() {}

    /** An author: login (as in dc:creator) and the name readers saw. */
    record Author(String login, String displayName) {}

    /** A category or tag assigned to an item. */
    record ItemTerm(String domain, String nicename, String name) {}

    /** One {@code <item>}: a post, page, attachment, menu item or any other WordPress post type. */
    record Item(
            int line,
            long id,
            String type,
            String status,
            String title,
            String link,
            String creator,
            String content,
            String excerpt,
            String postDate,
            String postDateGmt,
            String pubDate,
            String postName,
            boolean sticky,
            String password,
            List<ItemTerm> terms,
            Map<String, String> meta,
            String attachmentUrl,
            int comments,
            long parent) {}

    /**
     * A whole export.
     *
     * @param blogUrl   the old site's address (wp:base_blog_url, else the channel link), without trailing slash
     * @param authors   by login
     * @param termNames category and tag names by term id (for "primary category" post meta)
     * @param problems  what was dropped while reading
     */
    record Export(
            String version,
            String blogUrl,
            Map<String, Author> authors,
            Map<Long, String> termNames,
            List<Item> items,
            List<Problem> problems) {}

    static Export read(Path file) throws IOException, ImportException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            Charset charset = charset(raw, file);
            Reader decoded = new InputStreamReader(
                    raw,
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE));
            XmlCharFilter filtered = new XmlCharFilter(decoded);
            XMLStreamReader xml = null;
            try {
                xml = factory().createXMLStreamReader(filtered);
                Export export = parse(xml, file);
                List<Problem> problems = new ArrayList<>(export.problems());
                if (filtered.dropped() > 0) {
                    problems.add(Problem.at(
                            file,
                            filtered.firstDroppedLine(),
                            filtered.dropped()
                                    + " character" + (filtered.dropped() == 1 ? "" : "s") + " XML does not allow ("
                                    + filtered.droppedCharacters() + ") removed; the first is on this line"));
                }
                if (filtered.replacements() > 0) {
                    problems.add(Problem.at(
                            file,
                            filtered.firstReplacementLine(),
                            filtered.replacements()
                                    + " place" + (filtered.replacements() == 1 ? "" : "s")
                                    + " with bytes that are not valid "
                                    + charset.name()
                                    + " now show the replacement character \uFFFD; the first is on this line"));
                }
                return new Export(
                        export.version(),
                        export.blogUrl(),
                        export.authors(),
                        export.termNames(),
                        export.items(),
                        problems);
            } catch (XMLStreamException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
                String message = e.getMessage() == null
                        ? ""
                        : e.getMessage()
                                .replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*" + "Message:\\s*", "")
                                .strip();
                throw new ImportException(
                        Problem.at(
                                file,
                                Math.max(line, 0),
                                "not a well-formed XML file: " + message
                                        + ". Export the site again (WordPress: Tools → Export → All content)"),
                        e);
            } finally {
                if (xml != null) {
                    try {
                        xml.close();
                    } catch (XMLStreamException ignored) {
                        // the stream is closed with the file
                    }
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException e) {
            // older StAX implementations: DTD support is off anyway
        }
        return factory;
    }

    /** The encoding the XML declaration names (a BOM is skipped); UTF-8 when none. */
    private static Charset charset(InputStream in, Path file) throws IOException {
        in.mark(1024);
        byte[] head = in.readNBytes(1024);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skip(3);
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                        || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        Matcher m = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** An element read whole: name (with a canonical prefix), attributes, text, children. */
    private record Element(String name, Map<String, String> attributes, String text, List<Element> children, int line) {
        String child(String childName) {
            for (Element child : children) {
                if (child.name.equals(childName)) {
                    return child.text;
                }
            }
            return null;
        }

        String child(String childName, String fallback) {
            String value = child(childName);
            return value == null ? fallback : value;
        }
    }

    private static Export parse(XMLStreamReader xml, Path file) throws XMLStreamException, ImportException {
        String version = null;
        String channelLink = "";
        String blogUrl = null;
        Map<String, Author> authors = new LinkedHashMap<>();
        Map<Long, String> termNames = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean root = true;
        boolean inChannel = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("channel")) {
                inChannel = false;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = name(xml);
            if (root) {
                root = false;
                if (!name.equals("rss")) {
                    throw new ImportException(Problem.at(
                            file,
                            xml.getLocation().getLineNumber(),
                            "not a WordPress"
                                    + " export: the file starts with <" + xml.getLocalName()
                                    + ">, an export starts with <rss>"
                                    + " (WordPress: Tools → Export → All content)"));
                }
                continue;
            }
            if (name.equals("channel")) {
                inChannel = true;
                continue;
            }
            Element element = element(xml);
            if (!inChannel) {
                continue;
            }
            switch (element.name) {
                case "wp:wxr_version" -> version = element.text.strip();
                case "link" -> channelLink = element.text.strip();
                case "wp:base_blog_url" -> blogUrl = element.text.strip();
                case "wp:author" -> {
                    String login = element.child("wp:author_login", "").strip();
                    authors.put(
                            login,
                            new Author(
                                    login,
                                    element.child("wp:author_display_name", "").strip()));
                }
                case "wp:category" -> term(termNames, element.child("wp:term_id"), element.child("wp:cat_name"));
                case "wp:tag" -> term(termNames, element.child("wp:term_id"), element.child("wp:tag_name"));
                case "wp:term" -> term(termNames, element.child("wp:term_id"), element.child("wp:term_name"));
                case "item" -> {
                    Item item = item(element, file, problems);
                    if (item != null) {
                        items.add(item);
                    }
                }
                default -> {
                    // title, description, language, generator, …
                }
            }
        }
        if (version == null) {
            if (items.isEmpty()) {
                throw new ImportException(
                        Problem.of(
                                file,
                                "not a WordPress export: an RSS file without"
                                        + " <wp:wxr_version> and without WordPress items (WordPress: Tools → Export → All content)"));
            }
            problems.add(Problem.of(file, "no <wp:wxr_version>: read as a WordPress export anyway"));
        }
        String base = blogUrl != null && !blogUrl.isBlank() ? blogUrl : channelLink;
        return new Export(version, base.replaceAll("/+$", ""), authors, termNames, items, problems);
    }

    private static void term(Map<Long, String> names, String id, String name) {
        if (id != null && name != null && id.strip().matches("\\d{1,18}")) {
            names.put(Long.parseLong(id.strip()), name.strip());
        }
    }

    private static Item item(Element item, Path file, List<Problem> problems) {
        String idText = item.child("wp:post_id", "").strip();
        if (!idText.matches("\\d{1,18}")) {
            problems.add(Problem.at(
                    file,
                    item.line,
                    "an <item> without a wp:post_id was skipped: " + item.child("title", "(no title)")));
            return null;
        }
        List<ItemTerm> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        int comments = 0;
        for (Element child : item.children) {
            switch (child.name) {
                case "category" ->
                    terms.add(new ItemTerm(
                            child.attributes.getOrDefault("domain", "category"),
                            child.attributes.getOrDefault("nicename", ""),
                            child.text.strip()));
                case "wp:postmeta" ->
                    meta.put(child.child("wp:meta_key", "").strip(), child.child("wp:meta_value", ""));
                case "wp:comment" -> comments++;
                default -> {
                    // every other field is read by name below
                }
            }
        }
        return new Item(
                item.line,
                Long.parseLong(idText),
                item.child("wp:post_type", "post").strip(),
                item.child("wp:status", "publish").strip(),
                item.child("title", ""),
                item.child("link", "").strip(),
                item.child("dc:creator", "").strip(),
                item.child("content:encoded", ""),
                item.child("excerpt:encoded", ""),
                item.child("wp:post_date", "").strip(),
                item.child("wp:post_date_gmt", "").strip(),
                item.child("pubDate", "").strip(),
                item.child("wp:post_name", "").strip(),
                item.child("wp:is_sticky", "0").strip().equals("1"),
                item.child("wp:post_password", ""),
                terms,
                meta,
                item.child("wp:attachment_url", "").strip(),
                comments,
                parent(item.child("wp:post_parent", "0").strip()));
    }

    /** The post an attachment belongs to ({@code wp:post_parent}); 0 when none. */
    private static long parent(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : 0;
    }

    /** Reads the element the reader is on, whole; the reader ends on its end tag. */
    private static Element element(XMLStreamReader xml) throws XMLStreamException {
        String name = name(xml);
        int line = xml.getLocation().getLineNumber();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(xml));
                case XMLStreamConstants.CHARACTERS,
                        XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Element(name, attributes, text.toString(), children, line);
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /** "wp:post_id", "content:encoded", "dc:creator", "excerpt:encoded" whatever prefixes the file uses. */
    private static String name(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (namespace == null || namespace.isEmpty()) {
            return local;
        }
        if (WP_NAMESPACE.matcher(namespace).matches()) {
            return "wp:" + local;
        }
        if (EXCERPT_NAMESPACE.matcher(namespace).matches()) {
            return "excerpt:" + local;
        }
        return switch (namespace) {
            case "http://purl.org/rss/1.0/modules/content/" -> "content:" + local;
            case "http://purl.org/dc/elements/1.1/" -> "dc:" + local;
            default -> "{" + namespace + "}" + local;
        };
    }
}
