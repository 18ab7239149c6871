package dev.midad.text;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and normalises the old addresses written in {@code aliases}. Each becomes a redirect page (a file
 * of the output) and a rule in three server configuration files, so an alias must be a plain site path whose
 * every segment is a portable file name, and never an address Midad writes itself.
 */
public final class AliasPaths {
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");
    /** First segments of addresses Midad writes (lists, taxonomies, feeds, assets). */
    private static final Set<String> RESERVED_FOLDERS =
            Set.of("page", "tag", "tags", "category", "categories", "author", "authors", "feeds", "assets");
    /** File names Midad writes: an alias ending in one would replace a page or a feed. */
    private static final Set<String> RESERVED_FILES = Set.of(
            "index.html",
            "rss.xml",
            "atom.xml",
            "feed.json",
            "sitemap.xml",
            "news-sitemap.xml",
            "robots.txt",
            "404.html",
            "_redirects",
            "redirects.nginx.conf",
            ".htaccess",
            ".site.manifest");

    private AliasPaths() {}

    /** An alias: its decoded site path (always starting with {@code /}) or why it is refused. */
    public record Checked(String path, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * {@code alias} (a site path, percent-encoded or not; not a {@code /?name=value} alias) checked: repeated
     * slashes are collapsed (WordPress exports carry {@code //greek/…}), a file-less path gets its final
     * {@code /}; anything else that is not a portable site path is refused.
     */
    public static Checked path(String alias) {
        return check(alias, false);
    }

    /**
     * An old address of a list or archive ({@code data/redirects.yaml}): checked like an alias, except that it may
     * sit in a list folder ({@code /category/…}, {@code /page/…}); the site drops it where it serves the address
     * itself.
     */
    public static Checked oldListPath(String alias) {
        return check(alias, true);
    }

    private static Checked check(String alias, boolean listFolders) {
        String written = alias.strip();
        if (SCHEME.matcher(written).matches()) {
            return refused("is an absolute URL; write the old address as a site path, e.g. /2019/05/old-slug/");
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(written.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refused("has a '%' that starts no escape such as %D8%A8");
        }
        if (decoded.contains("\\")) {
            return refused("contains '\\', which browsers read as '/'");
        }
        String path = ("/" + decoded).replaceAll("/{2,}", "/");
        if (path.equals("/")) {
            return refused("is the home page's address");
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i == segments.length - 1) {
                continue; // the final slash
            }
            Optional<String> problem = PortableNames.problem(segment);
            if (problem.isPresent()) {
                return refused(problem.get());
            }
        }
        if (!listFolders && RESERVED_FOLDERS.contains(PortableNames.fold(segments[0]))
                || RESERVED_FILES.contains(PortableNames.fold(segments[segments.length - 1]))
                || PortableNames.fold(segments[0]).matches("sitemap(-\\d+)?\\.xml")) {
            return refused("is an address Midad writes itself (lists, feeds, sitemaps, the redirect files);"
                    + " a redirect there would replace it");
        }
        if (!path.endsWith("/") && !path.matches(".*\\.[A-Za-z0-9]{1,5}$")) {
            path += "/";
        }
        return new Checked(path, null);
    }

    /** True when every {@code %} in {@code path} starts an escape of UTF-8. */
    public static boolean decodes(String path) {
        try {
            java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Checked refused(String why) {
        return new Checked(null, why);
    }
}
