package dev.midad.model;

import dev.midad.BuildOptions;
import dev.midad.Problem;
import dev.midad.config.Permalink;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.Excerpts;
import dev.midad.content.StaticPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Resolves loaded content into a {@link SiteModel}: permalinks, taxonomies, home order, related articles. */
public final class SiteModelBuilder {
    /** How many related articles an article shows. */
    static final int RELATED_COUNT = 4;
    /** Featured articles shown on top of the home page. */
    static final int FEATURED_ON_TOP = 3;
    /** Related articles are searched among the newest this-many articles of each shared tag. */
    private static final int RELATED_SCAN_PER_TAG = 200;

    private final SiteConfig config;
    private final Path staticDir;
    private final Dates dates;
    private final String basePath;
    private final String origin;
    private final ImageSizes imageSizes = new ImageSizes();

    public SiteModelBuilder(SiteConfig config, Path staticDir) {
        this.config = config;
        this.staticDir = staticDir;
        this.dates = new Dates(config);
        this.basePath = config.basePath();
        String base = config.baseUrl().toString();
        this.origin = base.substring(0, base.length() - config.baseUrl().getRawPath().length());
    }

    /** Site-relative, encoded URL of a decoded site path such as {@code /tag/روسيا/}. */
    public String url(String path) {
        return basePath + UrlPaths.encode(path);
    }

    public String absoluteUrl(String url) {
        return origin + url;
    }

    public SiteModel build(ContentLoader.Content content, BuildOptions options, List<Problem> problems) {
        ZonedDateTime now = ZonedDateTime.now(options.clock());
        List<Article> published = content.articles().stream()
                .filter(a -> options.includeDrafts() || !a.draft())
                .filter(a -> options.includeFuture() || !a.date().isAfter(now))
                .sorted(Comparator.comparing(Article::date).reversed().thenComparing(a -> a.source().toString()))
                .toList();

        Map<String, Path> claimed = new HashMap<>();
        List<ArticleView> views = new ArrayList<>();
        Map<String, List<String>> tagsByUrl = new HashMap<>();
        for (Article article : published) {
            String categorySlug = article.category() == null ? "" : Slugs.slugify(article.category());
            String path = Permalink.expand(config.permalink(), article.date().withZoneSameInstant(config.timeZone()),
                    article.slug(), categorySlug);
            Path earlier = claimed.putIfAbsent(path, article.source());
            if (earlier != null) {
                problems.add(Problem.of(article.source(), "has the same address " + path + " as " + earlier
                        + ": give one of them a different 'slug:'"));
                continue;
            }
            checkImage(article, problems);
            ArticleView view = view(article, path);
            views.add(view);
            tagsByUrl.put(view.url(), article.tags());
        }

        List<ArticleView> homeOrder = new ArrayList<>();
        Set<ArticleView> onTop = Collections.newSetFromMap(new IdentityHashMap<>());
        views.stream().filter(ArticleView::featured).limit(FEATURED_ON_TOP).forEach(onTop::add);
        homeOrder.addAll(views.stream().filter(onTop::contains).toList());
        homeOrder.addAll(views.stream().filter(v -> !onTop.contains(v)).toList());

        SiteModel.Taxonomy categories = taxonomy("category", "الأقسام", "/categories/", "/category/", views,
                v -> v.category() == null ? List.of() : List.of(v.category()));
        SiteModel.Taxonomy tags = taxonomy("tag", "الوسوم", "/tags/", "/tag/", views, ArticleView::tags);
        SiteModel.Taxonomy authors = taxonomy("author", "الكتّاب", "/authors/", "/author/", views,
                ArticleView::authors);

        List<StaticPageView> pages = new ArrayList<>();
        for (StaticPage page : content.pages()) {
            String path = "/" + page.slug() + "/";
            Path earlier = claimed.putIfAbsent(path, page.source());
            if (earlier != null) {
                problems.add(Problem.of(page.source(), "has the same address " + path + " as " + earlier
                        + ": give one of them a different 'slug:'"));
                continue;
            }
            String url = url(path);
            pages.add(new StaticPageView(page.title(), url, absoluteUrl(url), page.summary(),
                    rebase(page.bodyHtml()), page.source().toString()));
        }
        pages.sort(Comparator.comparing(StaticPageView::url));

        String logoUrl = config.logo().isEmpty() ? "" : resolveUrl(config.logo(), basePath + "/");
        SiteView site = new SiteView(config.title(), config.description(), config.baseUrl().toString(), origin,
                config.language(), config.direction(), basePath + "/", logoUrl,
                logoUrl.isEmpty() || logoUrl.startsWith("http") ? logoUrl : absoluteUrl(logoUrl),
                ogLocale(config.locale()), config.copyright(),
                menu(categories, problems), pages.stream().map(p -> new Link(p.title(), p.url())).toList(),
                feeds(config.title(), "/"), config.amp(), config.params());

        return new SiteModel(config, site, now, List.copyOf(views), List.copyOf(homeOrder),
                List.of(categories, tags, authors), List.copyOf(pages), related(views, tagsByUrl));
    }

    /** Facebook's locale form: {@code ar} becomes ar_AR, {@code ar-EG} ar_EG. */
    static String ogLocale(Locale locale) {
        String country = locale.getCountry().isEmpty()
                ? (locale.getLanguage().equals("en") ? "US" : locale.getLanguage().toUpperCase(Locale.ROOT))
                : locale.getCountry();
        return locale.getLanguage() + "_" + country;
    }

    /** The feeds of the page at decoded site path {@code pagePath}, one per format. */
    public List<FeedLink> feeds(String title, String pagePath) {
        return FeedFormat.ALL.stream()
                .map(f -> new FeedLink(title + " — " + f.label(), url(pagePath + f.fileName()), f.mediaType()))
                .toList();
    }

    private ArticleView view(Article article, String path) {
        String url = url(path);
        ImageView image = null;
        if (!article.image().isEmpty()) {
            String imageUrl = resolveUrl(article.image(), url);
            int[] size = localFile(article.image()).filter(f -> f.startsWith(staticDir)).map(imageSizes::of)
                    .orElse(new int[]{0, 0});
            image = new ImageView(imageUrl, imageUrl.startsWith("http") ? imageUrl : absoluteUrl(imageUrl),
                    article.imageAlt(), article.imageCaption(), mediaType(article.image()), size[0], size[1]);
        }
        Link category = article.category() == null ? null
                : new Link(article.category(), url("/category/" + Slugs.slugify(article.category()) + "/"));
        List<Link> tags = article.tags().stream()
                .filter(t -> !Slugs.slugify(t).isEmpty())
                .map(t -> new Link(t, url("/tag/" + Slugs.slugify(t) + "/"))).toList();
        List<Link> authors = article.authors().stream()
                .filter(a -> !Slugs.slugify(a).isEmpty())
                .map(a -> new Link(a, url("/author/" + Slugs.slugify(a) + "/"))).toList();
        return new ArticleView(article.title(), url, absoluteUrl(url), dates.view(article.date()),
                dates.view(article.updated()), authors, category, tags, article.summary(), image, article.dateline(),
                article.sourceName(), article.featured(), rebase(article.bodyHtml()),
                Excerpts.readingMinutes(article.bodyText()), article.params(),
                article.source().toString().replace('\\', '/'));
    }

    /** A reference written by an editor: absolute URL as is, {@code /x} under the site's base, else relative. */
    private String resolveUrl(String reference, String relativeTo) {
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            return reference;
        }
        String path = reference.startsWith("/") ? reference : UrlPaths.decode(relativeTo, basePath) + reference;
        return reference.contains("%") ? basePath + path : url(path);
    }

    /** Root-relative links written in Markdown point into the site, so they follow its base path. */
    private String rebase(String html) {
        if (basePath.isEmpty() || (!html.contains("href=\"/") && !html.contains("src=\"/"))) {
            return html;
        }
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.outputSettings().prettyPrint(false);
        for (Element el : fragment.select("[href^=/], [src^=/]")) {
            String attr = el.hasAttr("href") ? "href" : "src";
            String value = el.attr(attr);
            if (!value.startsWith("//")) {
                el.attr(attr, basePath + value);
            }
        }
        return fragment.body().html();
    }

    private void checkImage(Article article, List<Problem> problems) {
        String image = article.image();
        localFile(image).filter(file -> !file.startsWith(staticDir) || !Files.isRegularFile(file)).ifPresent(file ->
                problems.add(Problem.of(article.source(), file.startsWith(staticDir)
                        ? "'image' " + image + " does not exist: put the file at "
                        + Path.of("static").resolve(image.substring(1)) + " or fix the path"
                        : "'image' " + image + " points outside the static/ folder")));
    }

    /** Pixel size of an image the site serves from static/, by its site-relative URL; null when unknown. */
    public int[] imageSize(String siteUrl) {
        if (!siteUrl.startsWith("/") || siteUrl.startsWith("//")) {
            return null;
        }
        Path file = staticDir.resolve(UrlPaths.decode(siteUrl, basePath).substring(1)).normalize();
        int[] size = file.startsWith(staticDir) ? imageSizes.of(file) : null;
        return size == null || size[0] == 0 ? null : size;
    }

    /** The file a site path such as /images/x.jpg names under static/ (normalised); empty for URLs. */
    private Optional<Path> localFile(String reference) {
        if (!reference.startsWith("/") || reference.startsWith("//") || reference.contains("%")) {
            return Optional.empty();
        }
        return Optional.of(staticDir.resolve(reference.substring(1)).normalize());
    }

    static String mediaType(String reference) {
        String name = reference.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "avif" -> "image/avif";
            case "svg" -> "image/svg+xml";
            default -> "image/jpeg";
        };
    }

    private SiteModel.Taxonomy taxonomy(String kind, String title, String indexPath, String prefix,
                                        List<ArticleView> views, Function<ArticleView, List<Link>> termsOf) {
        Map<String, Link> firstLink = new LinkedHashMap<>();
        Map<String, List<ArticleView>> bySlug = new TreeMap<>();
        for (ArticleView view : views) {
            for (Link term : termsOf.apply(view)) {
                firstLink.putIfAbsent(term.url(), term);
                bySlug.computeIfAbsent(term.url(), k -> new ArrayList<>()).add(view);
            }
        }
        List<Term> terms = new ArrayList<>();
        bySlug.forEach((url, articles) -> {
            String slug = UrlPaths.decode(url, basePath).substring(prefix.length()).replace("/", "");
            terms.add(new Term(firstLink.get(url).name(), slug, url, articles));
        });
        terms.sort(Comparator.comparingInt(Term::count).reversed().thenComparing(Term::name));
        return new SiteModel.Taxonomy(new TaxonomyView(kind, title, url(indexPath)), List.copyOf(terms));
    }

    private List<Link> menu(SiteModel.Taxonomy categories, List<Problem> problems) {
        if (config.menu().isEmpty()) {
            return categories.terms().stream().limit(8).map(t -> new Link(t.name(), t.url())).toList();
        }
        List<Link> menu = new ArrayList<>();
        for (String name : config.menu()) {
            categories.terms().stream().filter(t -> t.name().equals(name)).findFirst().ifPresentOrElse(
                    t -> menu.add(new Link(t.name(), t.url())),
                    () -> problems.add(Problem.of(Path.of(SiteConfigLoader.FILE_NAME), "'menu' names the category '"
                            + name + "', but no published article has 'category: " + name + "'")));
        }
        return menu;
    }

    private static Map<String, List<ArticleView>> related(List<ArticleView> views,
                                                          Map<String, List<String>> tagsByUrl) {
        Map<String, List<ArticleView>> byTag = new HashMap<>();
        for (ArticleView view : views) {
            for (String tag : tagsByUrl.get(view.url())) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(view);
            }
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < views.size(); i++) {
            position.put(views.get(i).url(), i);
        }
        Map<String, List<ArticleView>> related = new HashMap<>();
        for (ArticleView view : views) {
            Map<ArticleView, Integer> shared = new IdentityHashMap<>();
            for (String tag : tagsByUrl.get(view.url())) {
                List<ArticleView> tagged = byTag.get(tag);
                for (int i = 0; i < Math.min(tagged.size(), RELATED_SCAN_PER_TAG); i++) {
                    ArticleView other = tagged.get(i);
                    if (other != view) {
                        shared.merge(other, 1, Integer::sum);
                    }
                }
            }
            related.put(view.url(), shared.entrySet().stream()
                    .sorted(Map.Entry.<ArticleView, Integer>comparingByValue().reversed()
                            .thenComparing(e -> position.get(e.getKey().url())))
                    .limit(RELATED_COUNT)
                    .map(Map.Entry::getKey)
                    .toList());
        }
        return related;
    }
}
