package dev.midad.model.build;

import dev.midad.config.SiteConfigLoader;
import dev.midad.i18n.Messages;
import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.model.SiteModel;
import dev.midad.model.TaxonomyView;
import dev.midad.model.Term;
import dev.midad.problem.Problem;
import dev.midad.text.UrlPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The site's taxonomies (categories, tags, authors): each term with its articles, newest first, and the term
 * links of an article. Remembers the previous build's terms and hands back the same object for a term whose
 * name and articles are the same objects, so the renderer sees at a glance that its pages did not change.
 * A new taxonomy is one more line in {@link #of} and {@link #termsOf}, plus a message {@code taxonomy.<kind>}.
 */
final class Taxonomies {
    private final Links links;
    private final Messages messages;
    /** Terms of the previous build by URL, and of this one. */
    private Map<String, Term> lastTerms = Map.of();

    private final Map<String, Term> nextTerms = new HashMap<>();
    /**
     * This build's term links by kind and name, one object for all the articles of a term (a link per article
     * and term was a tenth of a large site's heap: 6 tags an article, each with its own percent-encoded URL).
     */
    private final Map<String, Link> termLinks = new java.util.concurrent.ConcurrentHashMap<>();

    Taxonomies(Links links, Messages messages) {
        this.links = links;
        this.messages = messages;
    }

    /** Categories, tags and authors of {@code views}, in that order. */
    List<SiteModel.Taxonomy> of(List<ArticleView> views, List<Problem> problems) {
        SiteModel.Taxonomy categories = taxonomy(
                "category",
                "/categories/",
                "/category/",
                views,
                v -> v.category() == null ? List.of() : List.of(v.category()),
                problems);
        SiteModel.Taxonomy tags = taxonomy("tag", "/tags/", "/tag/", views, ArticleView::tags, problems);
        SiteModel.Taxonomy authors = taxonomy("author", "/authors/", "/author/", views, ArticleView::authors, problems);
        lastTerms = Map.copyOf(nextTerms);
        nextTerms.clear();
        termLinks.clear(); // the next build's terms may be others
        return List.of(categories, tags, authors);
    }

    /** An article's category (or null), tags and authors as links to their term pages; empty slugs left out. */
    record ArticleTerms(Link category, List<Link> tags, List<Link> authors) {}

    ArticleTerms termsOf(String category, List<String> tags, List<String> authors) {
        return new ArticleTerms(
                category == null ? null : link("category", category), links(tags, "tag"), links(authors, "author"));
    }

    private List<Link> links(List<String> names, String kind) {
        return TermNames.oncePerAddress(names.stream()
                .filter(name -> !links.slug(name).isEmpty())
                .map(name -> link(kind, name))
                .toList());
    }

    private Link link(String kind, String name) {
        return termLinks.computeIfAbsent(kind + "/" + name, key -> new Link(name, links.termUrl(kind, name)));
    }

    private SiteModel.Taxonomy taxonomy(
            String kind,
            String indexPath,
            String prefix,
            List<ArticleView> views,
            Function<ArticleView, List<Link>> termsOf,
            List<Problem> problems) {
        record Gathered(String name, String source, List<ArticleView> articles) {}
        Map<String, Gathered> byUrl = new HashMap<>(); // sorted once below, not on every insert
        Set<String> reported = new HashSet<>();
        for (ArticleView view : views) {
            for (Link term : termsOf.apply(view)) {
                Gathered gathered = byUrl.computeIfAbsent(
                        term.url(), k -> new Gathered(term.name(), view.sourcePath(), new ArrayList<>()));
                if (!TermNames.sameTerm(gathered.name(), term.name()) && reported.add(term.url())) {
                    problems.add(Problem.of(
                            Path.of(view.sourcePath()),
                            TermNames.clash(
                                    kind,
                                    term.name(),
                                    gathered.name(),
                                    gathered.source(),
                                    UrlPaths.decode(term.url(), links.basePath()))));
                }
                List<ArticleView> listed = gathered.articles();
                if (listed.isEmpty() || listed.get(listed.size() - 1) != view) { // once, however it is spelt
                    listed.add(view);
                }
            }
        }
        List<Term> terms = new ArrayList<>();
        new TreeMap<>(byUrl).forEach((url, gathered) -> {
            Term last = lastTerms.get(url);
            if (last != null
                    && last.name().equals(gathered.name())
                    && sameObjects(last.articles(), gathered.articles())) {
                terms.add(last); // the same object: its pages' inputs compare at a glance, not article by article
            } else {
                String slug = UrlPaths.decode(url, links.basePath())
                        .substring(prefix.length())
                        .replace("/", "");
                terms.add(new Term(gathered.name(), slug, url, gathered.articles()));
            }
        });
        terms.forEach(term -> nextTerms.put(term.url(), term));
        terms.sort(Comparator.comparingInt(Term::count).reversed().thenComparing(Term::name));
        return new SiteModel.Taxonomy(
                new TaxonomyView(kind, messages.get("taxonomy." + kind), links.url(indexPath)), List.copyOf(terms));
    }

    private static boolean sameObjects(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The site's menu: the categories {@code menu} names, else the eight biggest. */
    List<Link> menu(SiteModel.Taxonomy categories, List<String> menuNames, List<Problem> problems) {
        if (menuNames.isEmpty()) {
            return categories.terms().stream()
                    .limit(8)
                    .map(t -> new Link(t.name(), t.url()))
                    .toList();
        }
        List<Link> menu = new ArrayList<>();
        for (String name : menuNames) {
            categories.terms().stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst()
                    .ifPresentOrElse(
                            t -> menu.add(new Link(t.name(), t.url())),
                            () -> problems.add(Problem.of(
                                    Path.of(SiteConfigLoader.FILE_NAME),
                                    "'menu' names the category '" + name + "', but no published article has 'category: "
                                            + name + "'")));
        }
        return menu;
    }
}
