package dev.midad.importer;

import dev.midad.config.Pagination;
import dev.midad.text.AliasPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WordPress's list addresses and where the imported site has them: {@code /category/x/}, {@code /tag/x/},
 * {@code /author/x/}, their feeds ({@code …/feed/}), their pages ({@code …/page/N/}), the home list's pages and
 * the site feeds ({@code /feed/}, {@code /comments/feed/}). Written as {@code data/redirects.yaml}, which the build
 * turns into redirect pages and server rules; the build drops the entries whose old address it serves itself.
 *
 * <p>A WordPress page N of a list shows the articles from number {@code 10 (N-1) + 1} (WordPress's default of ten
 * per page; the export does not say more): it redirects to the page of the imported list that starts with that
 * article, as the imported site's pages split its lists on the day of the import.
 */
final class ListAddresses {
    static final int WORDPRESS_PER_PAGE = 10;

    private final int perPage;
    private final Pagination pagination;
    private int posts;
    /** By old decoded path, e.g. /category/أخبار-عاجلة/. */
    private final Map<String, Term> terms = new LinkedHashMap<>();

    private static final class Term {
        String newPath;
        int posts;

        Term(String newPath) {
            this.newPath = newPath;
        }
    }

    /**
     * @param perPage    the imported site's articles per list page
     * @param pagination how it splits lists into pages
     */
    ListAddresses(int perPage, Pagination pagination) {
        this.perPage = perPage;
        this.pagination = pagination;
    }

    /** One more published post in the home list. */
    void post() {
        posts++;
    }

    /**
     * One more published post in the WordPress list {@code /oldFolder/oldSlug/}, which is {@code /kind/newSlug/}
     * in the imported site (a category that is not a post's primary one becomes a tag; a category wins).
     *
     * @param oldSlug decoded, as WordPress's nicename
     */
    void term(String oldFolder, String oldSlug, String kind, String newSlug) {
        if (oldSlug.isEmpty() || newSlug.isEmpty() || oldSlug.contains("/")) {
            return;
        }
        String newPath = "/" + kind + "/" + newSlug + "/";
        Term term = terms.computeIfAbsent("/" + oldFolder + "/" + oldSlug + "/", path -> new Term(newPath));
        if (kind.equals("category")) {
            term.newPath = newPath;
        }
        term.posts++;
    }

    /** The entries of data/redirects.yaml: old path → new path, none that points at itself. */
    Map<String, String> redirects() {
        Map<String, String> redirects = new LinkedHashMap<>();
        if (posts > 0) {
            redirects.put("/feed/", "/rss.xml");
            redirects.put("/comments/feed/", "/rss.xml");
            pages("/", "/", posts, redirects);
        }
        terms.forEach((oldPath, term) -> {
            redirects.put(oldPath, term.newPath);
            redirects.put(oldPath + "feed/", term.newPath + "rss.xml");
            pages(oldPath, term.newPath, term.posts, redirects);
        });
        redirects.entrySet().removeIf(e -> e.getKey().equals(e.getValue()) || !keepable(e.getKey()));
        return redirects;
    }

    /**
     * Old addresses that cannot be kept: their redirect page would need a file name that is not portable
     * (a term slugged {@code nul} or {@code com1} on WordPress), which the build refuses.
     */
    List<String> unkept() {
        List<String> unkept = new ArrayList<>();
        terms.keySet().forEach(oldPath -> {
            if (!keepable(oldPath)) {
                unkept.add(oldPath);
            }
        });
        return unkept;
    }

    private static boolean keepable(String oldPath) {
        return AliasPaths.oldListPath(oldPath).ok();
    }

    /** The file's content: a comment saying what it is, then {@code redirects:}. */
    String yaml() {
        List<Map<String, Object>> entries = new ArrayList<>();
        redirects().forEach((from, to) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", from);
            entry.put("to", to);
            entries.add(entry);
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("redirects", entries);
        return "# Old WordPress addresses of lists and feeds, and where they are now (written by import)\n"
                + ContentFiles.yaml(document);
    }

    private void pages(String oldPath, String newPath, int count, Map<String, String> redirects) {
        int oldPages = (count + WORDPRESS_PER_PAGE - 1) / WORDPRESS_PER_PAGE;
        for (int n = 2; n <= oldPages; n++) {
            int first = WORDPRESS_PER_PAGE * (n - 1); // zero-based number of the page's first article
            int page = pagination.pageOf(first, count, perPage);
            redirects.put(oldPath + "page/" + n + "/", page == 0 ? newPath : newPath + "page/" + page + "/");
        }
    }
}
