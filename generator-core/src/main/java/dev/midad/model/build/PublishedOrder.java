package dev.midad.model.build;

import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which articles are published and in what order (newest first), remembering the last answer: asked twice per
 * load (for translations, then for the model) and, in the preview, on every keystroke.
 */
final class PublishedOrder {
    private Published lastPublished;

    /** Published articles (drafts and future ones only when asked for, none taken down), newest first. */
    List<Article> published(ContentLoader.Content content, Publishing options) {
        if (lastPublished != null && lastPublished.content() == content && lastPublished.options() == options) {
            return lastPublished.articles(); // asked twice per load: for translations, then for the model
        }
        List<Article> same = sameOrderAsBefore(content, options);
        if (same != null) {
            lastPublished = new Published(content, options, same);
            return same;
        }
        ZonedDateTime now = ZonedDateTime.now(options.clock());
        List<Article> published = content.articles().stream()
                .filter(a -> options.includeDrafts() || !a.draft())
                .filter(a -> options.includeFuture() || !a.date().isAfter(now))
                .filter(a -> !Takedowns.expired(a, options, now))
                .map(a -> new NewestFirst(
                        a, a.date().toInstant().toEpochMilli(), a.source().toString()))
                .sorted(NewestFirst.ORDER)
                .map(NewestFirst::article)
                .toList();
        lastPublished = new Published(content, options, published);
        return published;
    }

    private record Published(ContentLoader.Content content, Publishing options, List<Article> articles) {}

    /**
     * The previous build's order with edited articles swapped in, when that is certainly the order a sort
     * would give: the same files, each edited one with the same date, and nothing filtered out (drafts and
     * future articles shown, as in the preview). Null otherwise. Saves sorting 10,000
     * articles on every keystroke.
     */
    private List<Article> sameOrderAsBefore(ContentLoader.Content content, Publishing options) {
        if (lastPublished == null
                || !options.includeDrafts()
                || !options.includeFuture()
                || !lastPublished.options().includeDrafts()
                || !lastPublished.options().includeFuture()) {
            return null;
        }
        List<Article> before = lastPublished.content().articles();
        List<Article> now = content.articles();
        if (before.size() != now.size()) {
            return null;
        }
        Map<Article, Article> edited = new IdentityHashMap<>();
        for (int i = 0; i < now.size(); i++) {
            Article old = before.get(i);
            Article current = now.get(i);
            if (old != current) {
                if (!old.source().equals(current.source()) || !old.date().equals(current.date())) {
                    return null;
                }
                edited.put(old, current);
            }
        }
        if (edited.isEmpty()) {
            return lastPublished.articles();
        }
        List<Article> order = new ArrayList<>(lastPublished.articles());
        order.replaceAll(a -> edited.getOrDefault(a, a));
        return List.copyOf(order);
    }

    /** Sort key of an article, computed once per article rather than on each of the sort's comparisons. */
    private record NewestFirst(Article article, long epochMilli, String source) {
        static final Comparator<NewestFirst> ORDER = Comparator.comparingLong(NewestFirst::epochMilli)
                .reversed()
                .thenComparing(
                        (a, b) -> b.article().date().compareTo(a.article().date()))
                .thenComparing(NewestFirst::source);
    }
}
