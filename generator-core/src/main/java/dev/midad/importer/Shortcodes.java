package dev.midad.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * WordPress shortcodes turned into the HTML WordPress itself would have rendered, before the HTML is walked:
 * {@code [caption]} → {@code <figure>} with {@code <figcaption>}, {@code [embed]}, {@code [youtube]} and a video
 * address alone on its line (WordPress's auto-embed) → an embed marker, {@code [video]}/{@code [audio]} → media
 * markers, {@code [gallery ids=…]} → the images. Unknown shortcodes are left as text and noted.
 */
final class Shortcodes {
    /** Marker elements the converter turns into embeds; they never reach the output. */
    static final String EMBED_TAG = "midad-embed";

    static final String MEDIA_TAG = "midad-media";

    private static final Pattern CAPTION =
            Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CAPTION_IMAGE = Pattern.compile(
            "^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EMBED =
            Pattern.compile("\\[embed([^\\]]*)\\](.*?)\\[/embed\\]", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern YOUTUBE =
            Pattern.compile("\\[youtube[\\s=]+([^\\]\\s]+)[^\\]]*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEDIA = Pattern.compile(
            "\\[(video|audio)\\b([^\\]]*)\\](?:(.*?)\\[/\\1\\])?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery\\b([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'\\]]+))");
    /** A known video address alone on a line, or alone in a paragraph: WordPress embeds it. */
    private static final Pattern BARE_VIDEO_LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:<p>\\s*)?(https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch|shorts/|embed/|live/)|youtu\\.be/"
                    + "|vimeo\\.com/)[^\\s<>\"]*)\\s*(?:</p>)?[ \\t]*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ANY = Pattern.compile("\\[([a-z][a-z0-9_-]*)(?=[\\s\\]/])[^\\]\\[]*\\]");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i)jpe?g|png|gif|webp|avif|svg");
    private static final Pattern AUDIO_FILE = Pattern.compile("(?i)mp3|m4a|ogg|oga|wav|flac");
    private static final Pattern VIDEO_FILE = Pattern.compile("(?i)mp4|m4v|webm|ogv|mov");
    private static final Set<String> HANDLED = Set.of("caption", "embed", "youtube", "video", "audio", "gallery");

    private Shortcodes() {}

    /**
     * @param postId the post whose attachments a {@code [gallery]} or {@code [audio]} without ids shows, as
     *               WordPress does; 0 when unknown
     */
    static String expand(
            String html, Map<Long, HtmlToMarkdown.Media> media, boolean classic, Set<String> notes, long postId) {
        String out = replace(CAPTION, html, m -> caption(m, notes));
        out = replace(EMBED, out, m -> embedMarker(m.group(2).strip()));
        out = replace(YOUTUBE, out, m -> embedMarker(m.group(1).strip()));
        out = replace(MEDIA, out, m -> mediaMarker(m, attached(media, postId), notes));
        out = replace(GALLERY, out, m -> gallery(attributes(m.group(1)), media, attached(media, postId), notes));
        if (classic) {
            out = replace(BARE_VIDEO_LINE, out, m -> embedMarker(m.group(1)));
        }
        Matcher unknown = ANY.matcher(out);
        while (unknown.find()) {
            String name = unknown.group(1).toLowerCase(Locale.ROOT);
            if (!HANDLED.contains(name)) {
                notes.add("shortcode [" + name + "] has no Markdown equivalent and was left as text");
            }
        }
        return out;
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String replace(Pattern pattern, String text, Replacement replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.put(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return attributes;
    }

    private static String caption(Matcher m, Set<String> notes) {
        Map<String, String> attributes = attributes(m.group(1));
        Matcher inner = CAPTION_IMAGE.matcher(m.group(2));
        if (!inner.matches()) {
            notes.add("a [caption] without an image was kept as its text");
            return m.group(2);
        }
        String caption = attributes.containsKey("caption")
                ? attributes.get("caption")
                : inner.group(2).strip();
        String align = attributes.getOrDefault("align", "");
        String alignClass = align.matches("align(left|right|center|none)") ? " " + align : "";
        return "<figure class=\"wp-caption" + alignClass + "\">" + inner.group(1) + "<figcaption>" + caption
                + "</figcaption></figure>";
    }

    private static String embedMarker(String written) {
        String url = Jsoup.parseBodyFragment(written).text().strip();
        return "<" + EMBED_TAG + " data-url=\"" + attribute(url) + "\"></" + EMBED_TAG + ">";
    }

    /** The media uploaded to post {@code postId}, by id (WordPress's order when a gallery names none). */
    private static Map<Long, HtmlToMarkdown.Media> attached(Map<Long, HtmlToMarkdown.Media> media, long postId) {
        Map<Long, HtmlToMarkdown.Media> attached = new TreeMap<>();
        if (postId != 0) {
            media.forEach((id, item) -> {
                if (item.parent() == postId) {
                    attached.put(id, item);
                }
            });
        }
        return attached;
    }

    private static boolean isKind(String url, Pattern extensions) {
        String path = url.replaceFirst("[?#].*$", "");
        return extensions.matcher(path.substring(path.lastIndexOf('.') + 1)).matches();
    }

    private static String mediaMarker(Matcher m, Map<Long, HtmlToMarkdown.Media> attached, Set<String> notes) {
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        Map<String, String> attributes = attributes(m.group(2));
        String src = null;
        for (String key :
                List.of("src", "mp4", "m4v", "webm", "ogv", "mov", "mp3", "m4a", "ogg", "oga", "wav", "flac")) {
            if (attributes.containsKey(key) && !attributes.get(key).isBlank()) {
                src = Parser.unescapeEntities(attributes.get(key).strip(), true);
                break;
            }
        }
        if (src == null) {
            // WordPress plays the post's first attached file of that kind
            Pattern extensions = kind.equals("audio") ? AUDIO_FILE : VIDEO_FILE;
            src = attached.values().stream()
                    .map(HtmlToMarkdown.Media::url)
                    .filter(url -> isKind(url, extensions))
                    .findFirst()
                    .orElse(null);
        }
        if (src == null) {
            notes.add("a [" + kind + "] without a file address was dropped");
            return "";
        }
        return "<" + MEDIA_TAG + " data-kind=\"" + kind + "\" data-url=\"" + attribute(src) + "\""
                + (attributes.containsKey("poster")
                        ? " data-poster=\"" + attribute(Parser.unescapeEntities(attributes.get("poster"), true)) + "\""
                        : "")
                + "></" + MEDIA_TAG + ">";
    }

    private static String gallery(
            Map<String, String> attributes,
            Map<Long, HtmlToMarkdown.Media> media,
            Map<Long, HtmlToMarkdown.Media> attached,
            Set<String> notes) {
        String ids = galleryIds(attributes, attached);
        if (ids.isBlank()) {
            notes.add("a [gallery] without ids, in a post with no attached images in the export, was dropped:"
                    + " add the images by hand");
            return "";
        }
        List<String> images = new ArrayList<>();
        for (String id : ids.split(",")) {
            HtmlToMarkdown.Media item = null;
            try {
                item = media.get(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (item == null) {
                notes.add("[gallery] image " + id.strip() + " is not in the export and was dropped");
                continue;
            }
            images.add("<p><img src=\"" + attribute(item.url()) + "\" alt=\"" + attribute(item.alt()) + "\"></p>");
        }
        return String.join("\n\n", images);
    }

    /** The ids a gallery shows: {@code ids} (or {@code include}), else the images uploaded to the post. */
    private static String galleryIds(Map<String, String> attributes, Map<Long, HtmlToMarkdown.Media> attached) {
        String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
        if (ids.isBlank()) {
            ids = String.join(
                    ",",
                    attached.entrySet().stream()
                            .filter(e -> isKind(e.getValue().url(), IMAGE_FILE))
                            .map(e -> String.valueOf(e.getKey()))
                            .toList());
        }
        return ids;
    }

    /**
     * A post's first {@code [gallery]} taken out of its body, for the front matter's {@code gallery:} list.
     *
     * @param ids  the attachments it shows that are in the export, in its order
     * @param html the body without it
     */
    record Gallery(List<Long> ids, String html) {}

    /** The first {@code [gallery]} whose images are all in the export; null when there is none. */
    static Gallery firstGallery(String html, Map<Long, HtmlToMarkdown.Media> media, long postId) {
        Matcher m = GALLERY.matcher(html);
        if (!m.find()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String id :
                galleryIds(attributes(m.group(1)), attached(media, postId)).split(",")) {
            String digits = id.strip();
            if (!digits.matches("\\d{1,18}") || !media.containsKey(Long.parseLong(digits))) {
                return null; // left in the body, where a missing image is reported
            }
            ids.add(Long.parseLong(digits));
        }
        return new Gallery(List.copyOf(ids), html.substring(0, m.start()) + html.substring(m.end()));
    }

    static String attribute(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
