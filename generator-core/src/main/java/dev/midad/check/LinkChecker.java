package dev.midad.check;

import dev.midad.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link, image and anchor of a built site: each {@code href}/{@code src} that points
 * into the site (root-relative, relative, or absolute under the base URL) must name an existing file, and
 * each {@code #fragment} an existing id on the target page.
 */
public final class LinkChecker {
    private final Path root;
    private final URI baseUrl;
    /** The base URL's path without its trailing slash: "" at a domain root, "/news" under a folder. */
    private final String basePath;

    private final Map<Path, Set<String>> idsByFile = new HashMap<>();

    public LinkChecker(Path root, URI baseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
        String path = baseUrl.getRawPath() == null ? "/" : baseUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Every broken link, one problem each, named by the page that holds it. */
    public List<Problem> check() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(root)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
        List<Problem> problems = new ArrayList<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            String pagePath = "/" + root.relativize(page).toString().replace('\\', '/');
            for (Element el : doc.select("a[href], link[href], img[src], script[src], source[src], amp-img[src]")) {
                String attr = el.hasAttr("href") ? "href" : "src";
                String target = el.attr(attr);
                String broken = brokenReason(pagePath, target, () -> idsOf(doc));
                if (broken != null) {
                    problems.add(Problem.of(
                            root.relativize(page),
                            "broken " + el.tagName() + " " + attr + "=\"" + target + "\": " + broken));
                }
            }
        }
        return problems;
    }

    /**
     * Why {@code target}, linked from the built page at {@code pagePath} (e.g. {@code /2024/06/x/index.html}), is
     * broken, or null when it resolves.
     */
    public String brokenReason(String pagePath, String target) {
        return brokenReason(pagePath, target, () -> {
            Path own = fileFor(pagePath);
            return own == null ? Set.of() : idsByFile.computeIfAbsent(own, LinkChecker::readIds);
        });
    }

    /** Why {@code target} on the page at {@code pagePath} is broken, or null when it resolves. */
    private String brokenReason(String pagePath, String target, Supplier<Set<String>> ownIds) {
        if (target.isEmpty()
                || target.startsWith("mailto:")
                || target.startsWith("tel:")
                || target.startsWith("data:")
                || target.startsWith("javascript:")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create("http://site.invalid" + basePath + pagePath).resolve(target.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return "not a valid URL";
        }
        boolean internal = uri.getHost() != null && uri.getHost().equals("site.invalid");
        if (!internal && !sameSite(uri)) {
            return null; // another site: not ours to check
        }
        String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
        if (!rawPath.startsWith(basePath + "/")) {
            return "outside the site's base path " + basePath + "/";
        }
        String path = rawPath.substring(basePath.length());
        String fragment = uri.getRawFragment();
        Path file = fileFor(path);
        if (file == null) {
            return "no such page or file";
        }
        if (fragment != null && !fragment.isEmpty() && file.toString().endsWith(".html")) {
            String id = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
            Set<String> ids = path.equals(pagePath)
                            || (pagePath.endsWith("/index.html")
                                    && path.equals(pagePath.substring(0, pagePath.length() - "index.html".length())))
                    ? ownIds.get()
                    : idsByFile.computeIfAbsent(file, LinkChecker::readIds);
            if (!ids.contains(id)) {
                return "no element with id \"" + id + "\"";
            }
        }
        return null;
    }

    private boolean sameSite(URI uri) {
        try {
            URI base = new URI(baseUrl.getScheme(), baseUrl.getAuthority(), null, null, null);
            URI other = new URI(uri.getScheme(), uri.getAuthority(), null, null, null);
            return base.equals(other)
                    && uri.getRawPath() != null
                    && uri.getRawPath().startsWith(baseUrl.getRawPath());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Path fileFor(String rawPath) {
        String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = root.resolve(decoded.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static Set<String> idsOf(Document doc) {
        Set<String> ids = new HashSet<>(doc.select("[id]").eachAttr("id"));
        ids.addAll(doc.select("a[name]").eachAttr("name"));
        return ids;
    }

    private static Set<String> readIds(Path file) {
        try {
            return idsOf(Jsoup.parse(file.toFile(), "UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
