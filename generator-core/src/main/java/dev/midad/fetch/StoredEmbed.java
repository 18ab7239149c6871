package dev.midad.fetch;

import dev.midad.content.EmbedStore;
import dev.midad.html.EmbedUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;

/**
 * Writes what was fetched in the form {@link EmbedStore} reads: {@code data/embeds/<platform>/<id>.yaml}, and
 * the thumbnail beside the site's other files as {@code static/embeds/<platform>/<id>.<ext>}. Each file is
 * written whole under a temporary name and then renamed, the picture before the data that names it, so a
 * build never sees half a file or data pointing at a missing picture.
 */
final class StoredEmbed {
    static final Path THUMBNAILS = Path.of("static", "embeds");

    private StoredEmbed() {}

    /** The YAML of {@code fetched}; {@code thumbnail} is a site path, an https address or "". */
    static String yaml(EmbedUrl url, Fetched fetched, String thumbnail) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "title", fetched.title());
        put(values, "author", fetched.author());
        put(values, "author_url", fetched.authorUrl());
        put(values, "thumbnail", thumbnail);
        if (fetched.duration() != null) {
            values.put("duration", fetched.duration().toString());
        }
        if (fetched.uploaded() != null) {
            values.put("uploaded", fetched.uploaded().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        put(values, "text", fetched.text());
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setUseUnicodeEncoding(true)
                .setSplitLines(false)
                .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
                .build();
        return "# " + url.url() + "\n# from " + fetched.source()
                + " (plain text only), stored by 'midad embeds fetch': edit freely, it is not fetched again\n"
                + new Dump(settings).dumpToString(values);
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(key, value);
        }
    }

    /** Where the data of {@code url} lives in the site. */
    static Path dataFile(Path siteDir, EmbedUrl url) {
        return siteDir.resolve(EmbedStore.FOLDER).resolve(url.provider().key()).resolve(url.id() + ".yaml");
    }

    /** Writes the thumbnail (if any) and then the data; returns the data file. */
    static Path write(Path siteDir, EmbedUrl url, Fetched fetched, Thumbnail thumbnail) throws IOException {
        String shownThumbnail = Platforms.https(fetched.thumbnail());
        if (thumbnail != null) {
            String name = url.id() + "." + thumbnail.extension();
            atomically(siteDir.resolve(THUMBNAILS).resolve(url.provider().key()).resolve(name), thumbnail.bytes());
            shownThumbnail = "/embeds/" + url.provider().key() + "/" + name;
        }
        Path data = dataFile(siteDir, url);
        atomically(data, yaml(url, fetched, shownThumbnail).getBytes(StandardCharsets.UTF_8));
        return data;
    }

    private static void atomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        // not ending in .yaml: a build that lists the folder meanwhile passes over it
        Path temporary = Files.createTempFile(file.getParent(), ".fetch-", ".part");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A picture as it came, known by its first bytes to be a JPEG, PNG or WebP. */
    record Thumbnail(byte[] bytes, String extension) {
        static Thumbnail of(byte[] bytes) {
            if (bytes.length > 3
                    && (bytes[0] & 0xff) == 0xff
                    && (bytes[1] & 0xff) == 0xd8
                    && (bytes[2] & 0xff) == 0xff) {
                return new Thumbnail(bytes, "jpg");
            }
            if (bytes.length > 8
                    && (bytes[0] & 0xff) == 0x89
                    && bytes[1] == 'P'
                    && bytes[2] == 'N'
                    && bytes[3] == 'G') {
                return new Thumbnail(bytes, "png");
            }
            if (bytes.length > 12
                    && new String(bytes, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                    && new String(bytes, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
                return new Thumbnail(bytes, "webp");
            }
            return null;
        }
    }
}
