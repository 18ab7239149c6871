package dev.midad.model.build;

import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.Expiry;
import dev.midad.model.Redirect;
import dev.midad.model.SiteModel;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Articles taken down because their {@code expires:} time has passed: each address becomes a redirect
 * ({@code expires_redirect:}) or a "410 Gone" page. Not when future articles are asked for (the preview shows
 * every article whatever its dates). An address a published article or page now has stays theirs.
 */
final class Takedowns {
    private Takedowns() {}

    record Found(List<SiteModel.Gone> gone, List<Redirect> redirects, Map<Redirect, Path> sources) {}

    /** Whether {@code article} is taken down at {@code now}. */
    static boolean expired(Article article, Publishing options, ZonedDateTime now) {
        Expiry expiry = article.editorial().expiry();
        return !options.includeFuture() && expiry != null && expiry.passed(now);
    }

    /**
     * @param claimed   decoded paths of what is published, by source
     * @param redirects the old addresses of what is published (theirs too stay theirs)
     */
    static Found of(
            ContentLoader.Content content,
            Publishing options,
            ZonedDateTime now,
            Links links,
            String rootUrl,
            Map<String, Path> claimed,
            List<Redirect> redirects) {
        Set<String> taken = null; // made when an article has expired: most builds have none
        List<SiteModel.Gone> gone = new ArrayList<>();
        List<Redirect> moved = new ArrayList<>();
        Map<Redirect, Path> sources = new IdentityHashMap<>();
        for (Article article : content.articles()) {
            if ((article.draft() && !options.includeDrafts())
                    || article.date().isAfter(now)
                    || !expired(article, options, now)) {
                continue;
            }
            if (taken == null) {
                taken = new HashSet<>(claimed.keySet());
                for (Redirect redirect : redirects) {
                    taken.add(redirect.fromPath());
                }
            }
            String path = links.path(article);
            if (!taken.add(path)) {
                continue;
            }
            String url = links.url(path);
            String target = article.editorial().expiry().redirect();
            if (target.isEmpty()) {
                gone.add(new SiteModel.Gone(path, url, links.absoluteUrl(url)));
            } else {
                String to = links.resolve(target, rootUrl);
                Redirect redirect = new Redirect(path, "", to, to.startsWith("https://") ? to : links.absoluteUrl(to));
                moved.add(redirect);
                sources.put(redirect, article.source());
            }
        }
        gone.sort(Comparator.comparing(SiteModel.Gone::fromPath));
        return new Found(List.copyOf(gone), moved, sources);
    }
}
