package dev.midad.model.build;

import dev.midad.content.OldAddress;
import dev.midad.model.Redirect;
import dev.midad.problem.Problem;
import dev.midad.text.AliasPaths;
import dev.midad.text.UrlPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Old addresses of articles and pages ({@code aliases}, WordPress ids) as redirects to their new ones. */
final class Aliases {
    /** A query-only alias such as {@code p=123}: written into server configuration, so strictly limited. */
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9_.-]+=[A-Za-z0-9_.~%+-]*");

    private final Links links;

    Aliases(Links links) {
        this.links = links;
    }

    /**
     * Old addresses of an article or page: every {@code aliases} entry (a site path, percent-encoded or not),
     * and WordPress's {@code /?p=ID} (pages: {@code /?page_id=ID}) when {@code wp_id} is set. Paths that would
     * leave the site are dropped.
     *
     * @param idParameter WordPress's query parameter for this kind of content
     */
    List<Redirect> redirects(
            Map<String, Object> params,
            Path source,
            String idParameter,
            String toUrl,
            String toAbsolute,
            List<Problem> problems) {
        List<Redirect> redirects = new ArrayList<>();
        Object aliases = params.get("aliases");
        List<?> entries = aliases instanceof List<?> list ? list : aliases == null ? List.of() : List.of(aliases);
        for (Object entry : entries) {
            String alias = String.valueOf(entry).strip();
            if (alias.contains("?")) {
                String query = alias.substring(alias.indexOf('?') + 1);
                // the query goes into server configuration files: nothing that could end a rule may pass
                if (!alias.startsWith("/?") || !SAFE_QUERY.matcher(query).matches()) {
                    problems.add(Problem.of(
                            source,
                            "'aliases' entry '" + alias.replace("\n", "\\n")
                                    + "' may only be /?name=value with letters, digits and - _ . ~ % + in its query"));
                    continue;
                }
                redirects.add(new Redirect("", query, toUrl, toAbsolute));
                continue;
            }
            AliasPaths.Checked checked = AliasPaths.path(alias);
            if (!checked.ok()) {
                continue; // reported with its line when the file was read
            }
            String decoded = checked.path();
            if (!links.url(decoded).equals(toUrl)) { // the article's own address: nothing to redirect
                redirects.add(new Redirect(decoded, "", toUrl, toAbsolute));
            }
        }
        Object wpId = params.get("wp_id");
        if (wpId != null && String.valueOf(wpId).matches("\\d+")) {
            redirects.add(new Redirect("", idParameter + "=" + wpId, toUrl, toAbsolute));
        }
        return redirects;
    }

    /** The entries of {@code data/redirects.yaml} as redirects, but for the paths the site serves ({@code served}). */
    List<Redirect> oldAddresses(List<OldAddress> entries, Set<String> served) {
        List<Redirect> redirects = new ArrayList<>();
        Set<String> seen = new HashSet<>(served);
        for (OldAddress entry : entries) {
            if (seen.add(entry.from())) {
                String to = links.url(UrlPaths.decode(entry.to(), ""));
                redirects.add(new Redirect(entry.from(), "", to, links.absoluteUrl(to)));
            }
        }
        return redirects;
    }

    /** A problem for every redirect whose old address is the address of a page or article ({@code claimed}). */
    static void checkClaimed(
            List<Redirect> redirects, Map<Redirect, Path> sources, Map<String, Path> claimed, List<Problem> problems) {
        for (Redirect redirect : redirects) {
            if (redirect.hasPage()) {
                Path earlier = claimed.get(redirect.fromPath());
                if (earlier != null) {
                    problems.add(Problem.of(
                            sources.get(redirect),
                            "the alias " + redirect.fromPath() + " is the address of " + earlier
                                    + ": remove it from 'aliases'"));
                }
            }
        }
    }
}
