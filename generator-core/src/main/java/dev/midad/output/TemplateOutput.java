package dev.midad.output;

import java.util.Locale;
import java.util.Map;

/**
 * An output a site declares in site.yaml with no Java: {@code template} renders {@code path} once for the
 * site, once in each term's folder or once in each article's folder. Its media type follows from the path's
 * extension.
 *
 * @param line the entry's line in site.yaml, for problems found later (a missing template)
 */
public record TemplateOutput(String name, String template, String path, Scope scope, int line) implements OutputFormat {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "html",
            "text/html",
            "xml",
            "application/xml",
            "json",
            "application/json",
            "txt",
            "text/plain",
            "csv",
            "text/csv",
            "js",
            "text/javascript",
            "css",
            "text/css",
            "rss",
            "application/rss+xml",
            "atom",
            "application/atom+xml");

    @Override
    public String mediaType() {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
