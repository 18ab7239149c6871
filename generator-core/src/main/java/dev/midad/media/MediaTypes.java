package dev.midad.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The one table of media types by file extension, for images, feeds and the preview server. */
public final class MediaTypes {
    public static final String RSS = "application/rss+xml";
    public static final String ATOM = "application/atom+xml";
    public static final String JSON_FEED = "application/feed+json";
    public static final String JSON = "application/json";
    public static final String JPEG = "image/jpeg";
    /** What a server sends for a file it cannot name. */
    public static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("xml", "application/xml"),
            Map.entry("json", JSON),
            Map.entry("txt", "text/plain"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", JPEG),
            Map.entry("jpeg", JPEG),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private MediaTypes() {}

    /** The media type of a file name or URL by its extension (any query or fragment ignored). */
    public static Optional<String> of(String name) {
        String path = name.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        return Optional.ofNullable(BY_EXTENSION.get(path.substring(path.lastIndexOf('.') + 1)));
    }

    /** An image's type for {@code og:image:type} and feeds; JPEG (what most news photos are) when unknown. */
    public static String ofImage(String reference) {
        return of(reference).filter(type -> type.startsWith("image/")).orElse(JPEG);
    }

    /** The {@code Content-Type} a server sends for a file: text types say UTF-8. */
    public static String contentType(String fileName) {
        return of(fileName)
                .map(type -> type.startsWith("text/") || type.equals("application/xml") || type.equals(JSON)
                        ? type + "; charset=utf-8"
                        : type)
                .orElse(UNKNOWN);
    }
}
