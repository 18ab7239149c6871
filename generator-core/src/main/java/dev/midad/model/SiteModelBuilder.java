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
import dev.midad.i18n.Messages;
import dev.midad.image.BodyImages;
import dev.midad.image.ImagePipeline;
import dev.midad.postprocess.BidiIsolation;
import dev.midad.postprocess.ContentPolish;
import dev.midad.postprocess.HtmlFragments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Resolves loaded content into a {@link SiteModel}: permalinks, taxonomies, home order, related articles.
 * A builder remembers what its last {@link #build} resolved (article views, related lists, terms) and reuses
 * it for articles that are the same objects next time (the live preview keeps one builder while the
 * configuration, messages and static files stay the same). One build at a time per builder.
 */
public final class SiteModelBuilder {
    /** A query-only alias such as {@code p=123}: written into server configuration, so strictly limited. */
    private static final java.util.regex.Pattern SAFE_QUERY =
            java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+=[A-Za-z0-9_.~%+-]*");
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
    /** Base path of the main edition: static files and root-relative links in Markdown live there. */
    private final String rootBase;
    private final String origin;
    private final Messages messages;
    private final String rootUrl;
    private final List<EditionLink> editions;
    private final ImageSizes imageSizes = new ImageSizes();
    /** Resized copies and social cards; null when the site is built without image processing. */
    private final ImagePipeline images;
    private final LeadImages leadImages;
    /**
     * What the previous {@link #build} resolved, by article object: a builder kept for the next build in the
     * same JVM (same configuration, messages and static files) reuses the view of every article whose file
     * was not parsed again. Read in parallel during a build, replaced at its end.
     */
    private Map<Article, Known> known = Map.of();
    /** The previous build's related articles (by URL) and the articles' tags it was computed from. */
    private Map<String, List<String>> relatedUrls = Map.of();
    private List<Object> relatedInput = List.of();
    private SiteView lastSite;
    /** Terms of the previous build by URL, and of this one. */
    private Map<String, Term> lastTerms = Map.of();
    private final Map<String, Term> nextTerms = new HashMap<>();
    private Published lastPublished;

    /**
     * One article resolved: its address, its view with the given translations, its old addresses, and problems
     * with its image and aliases.
     */
    private record Known(String path, String translationKey, List<Translation> translations, ArticleView view,
                         List<Problem> imageProblems, List<Redirect> redirects, List<Problem> redirectProblems) {
        Known withTranslations(List<Translation> others) {
            return new Known(path, translationKey, others, view.withTranslations(others), imageProblems, redirects,
                    redirectProblems);
        }
    }

    /**
     * @param rootUrl  site-relative URL of the main edition's home (shared assets live there)
     * @param editions every edition of the publication, this one marked current (empty without editions)
     */
    public SiteModelBuilder(SiteConfig config, Path staticDir, Messages messages, String rootUrl,
                            List<EditionLink> editions) {
        this(config, staticDir, messages, rootUrl, editions, null);
    }

    /** @param images the site's image pipeline, or null for images as they are */
    public SiteModelBuilder(SiteConfig config, Path staticDir, Messages messages, String rootUrl,
                            List<EditionLink> editions, ImagePipeline images) {
        this.config = config;
        this.staticDir = staticDir;
        this.messages = messages;
        this.rootUrl = rootUrl;
        this.editions = List.copyOf(editions);
        this.dates = new Dates(config);
        this.basePath = config.basePath();
        this.rootBase = rootUrl.substring(0, rootUrl.length() - 1);
        String base = config.baseUrl().toString();
        this.origin = base.substring(0, base.length() - config.baseUrl().getRawPath().length());
        this.images = images;
        this.leadImages = images == null ? null : new LeadImages(images, rootBase, origin,
                UrlPaths.decode(basePath, "").substring(UrlPaths.decode(rootBase, "").length()), config.title(),
                config.logo());
    }

    /** Arabic slugs by default; transliterated to Latin when the site sets {@code slug_style: latin}. */
    public String slug(String text) {
        String slug = Slugs.slugify(text);
        if (!config.slugStyle().equals("latin")) {
            return slug;
        }
        String latin = Slugs.slugify(Slugs.transliterate(slug));
        return latin.isEmpty() ? slug : latin;
    }

    /** Published articles (drafts and future ones only when asked for), newest first. */
    public List<Article> published(ContentLoader.Content content, BuildOptions options) {
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
                .map(a -> new NewestFirst(a, a.date().toInstant().toEpochMilli(), a.source().toString()))
                .sorted(NewestFirst.ORDER)
                .map(NewestFirst::article)
                .toList();
        lastPublished = new Published(content, options, published);
        return published;
    }

    private record Published(ContentLoader.Content content, BuildOptions options, List<Article> articles) {
    }

    /**
     * The previous build's order with edited articles swapped in, when that is certainly the order a sort
     * would give: the same files, each edited one with the same date, and nothing filtered out (drafts and
     * future articles shown, as in the preview). Null otherwise. Saves sorting 10,000
     * articles on every keystroke.
     */
    private List<Article> sameOrderAsBefore(ContentLoader.Content content, BuildOptions options) {
        if (lastPublished == null || !options.includeDrafts() || !options.includeFuture()
                || !lastPublished.options().includeDrafts() || !lastPublished.options().includeFuture()) {
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
        static final Comparator<NewestFirst> ORDER = Comparator.comparingLong(NewestFirst::epochMilli).reversed()
                .thenComparing((a, b) -> b.article().date().compareTo(a.article().date()))
                .thenComparing(NewestFirst::source);
    }

    /** Decoded site path of an article, e.g. {@code /2024/06/بوتين/}. */
    public String path(Article article) {
        String categorySlug = article.category() == null ? "" : slug(article.category());
        return Permalink.expand(config.permalink(), article.date().withZoneSameInstant(config.timeZone()),
                slug(article.slug()), categorySlug);
    }

    /** {@code article} as a translation target seen from another edition. */
    public Translation translation(Article article) {
        String url = url(path(article));
        return new Translation(languageOf(article), directionOf(article), article.title(), url, absoluteUrl(url));
    }

    /** {@link #translationKey}, remembered from the previous build for an unchanged article. */
    public String translationKeyOf(Article article) {
        Known before = known.get(article);
        return before != null ? before.translationKey() : translationKey(article);
    }

    /** The key linking translations across editions ({@code translation_key} in front matter), or null. */
    public static String translationKey(Article article) {
        Object key = article.params().get("translation_key");
        return key == null ? null : String.valueOf(key);
    }

    private String languageOf(Article article) {
        Object lang = article.params().get("lang");
        return lang == null ? config.language() : String.valueOf(lang);
    }

    private String directionOf(Article article) {
        Object dir = article.params().get("dir");
        if (dir != null && (dir.equals("rtl") || dir.equals("ltr"))) {
            return (String) dir;
        }
        return article.params().get("lang") == null ? config.direction() : Bidi.directionOfLanguage(languageOf(article));
    }

    /** Site-relative, encoded URL of a decoded site path such as {@code /tag/روسيا/}. */
    public String url(String path) {
        return basePath + UrlPaths.encode(path);
    }

    public String absoluteUrl(String url) {
        return origin + url;
    }

    /**
     * @param translations every edition's articles by translation key (see {@link #translationKey})
     */
    public SiteModel build(ContentLoader.Content content, BuildOptions options,
                           Map<String, List<Translation>> translations, List<Problem> problems) {
        ZonedDateTime now = ZonedDateTime.now(options.clock());
        List<Article> published = published(content, options);

        Map<String, Path> claimed = new HashMap<>();
        List<Article> placed = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<List<Translation>> translationsOf = new ArrayList<>();
        for (Article article : published) {
            Known before = known.get(article);
            String path = before != null ? before.path() : path(article);
            Path earlier = claimed.putIfAbsent(path, article.source());
            if (earlier != null) {
                problems.add(Problem.of(article.source(), "has the same address " + path + " as " + earlier
                        + ": give one of them a different 'slug:'"));
                continue;
            }
            String key = before != null ? before.translationKey() : translationKey(article);
            placed.add(article);
            paths.add(path);
            translationsOf.add(key == null ? List.of() : translations.getOrDefault(key, List.of()).stream()
                    .filter(t -> !t.url().equals(url(path))).toList());
        }
        // the expensive part (HTML post-processing, dates, image sizes) in parallel; unchanged articles reuse
        // the view of the previous build of this builder
        List<Known> resolved = java.util.stream.IntStream.range(0, placed.size()).parallel()
                .mapToObj(i -> resolve(placed.get(i), paths.get(i), translationsOf.get(i)))
                .toList();
        Map<Article, Known> nextKnown = new IdentityHashMap<>();
        List<ArticleView> views = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        Map<Redirect, Path> redirectSources = new IdentityHashMap<>();
        Map<String, List<String>> tagsByUrl = new HashMap<>();
        for (int i = 0; i < placed.size(); i++) {
            Article article = placed.get(i);
            Known known = resolved.get(i);
            nextKnown.put(article, known);
            problems.addAll(known.imageProblems());
            ArticleView view = known.view();
            views.add(view);
            problems.addAll(known.redirectProblems());
            for (Redirect redirect : known.redirects()) {
                redirects.add(redirect);
                redirectSources.put(redirect, article.source());
            }
            tagsByUrl.put(view.url(), article.tags());
        }
        this.known = nextKnown;

        List<ArticleView> homeOrder = new ArrayList<>();
        Set<ArticleView> onTop = Collections.newSetFromMap(new IdentityHashMap<>());
        views.stream().filter(ArticleView::featured).limit(FEATURED_ON_TOP).forEach(onTop::add);
        homeOrder.addAll(views.stream().filter(onTop::contains).toList());
        homeOrder.addAll(views.stream().filter(v -> !onTop.contains(v)).toList());

        SiteModel.Taxonomy categories = taxonomy("category", "/categories/", "/category/", views,
                v -> v.category() == null ? List.of() : List.of(v.category()));
        SiteModel.Taxonomy tags = taxonomy("tag", "/tags/", "/tag/", views, ArticleView::tags);
        SiteModel.Taxonomy authors = taxonomy("author", "/authors/", "/author/", views, ArticleView::authors);
        lastTerms = Map.copyOf(nextTerms);
        nextTerms.clear();

        List<StaticPageView> pages = new ArrayList<>();
        for (StaticPage page : content.pages()) {
            String path = "/" + slug(page.slug()) + "/";
            Path earlier = claimed.putIfAbsent(path, page.source());
            if (earlier != null) {
                problems.add(Problem.of(page.source(), "has the same address " + path + " as " + earlier
                        + ": give one of them a different 'slug:'"));
                continue;
            }
            String url = url(path);
            pages.add(new StaticPageView(page.title(), url, absoluteUrl(url), page.summary(),
                    rebase(page.bodyHtml()), page.source().toString()));
            for (Redirect redirect : redirects(page.params(), page.source(), "page_id", url, absoluteUrl(url),
                    problems)) {
                redirects.add(redirect);
                redirectSources.put(redirect, page.source());
            }
        }
        pages.sort(Comparator.comparing(StaticPageView::url));

        String logoUrl = config.logo().isEmpty() ? "" : resolveUrl(config.logo(), basePath + "/");
        SiteView site = new SiteView(config.title(), config.description(), config.baseUrl().toString(), origin,
                config.language(), config.direction(), basePath + "/", rootUrl, logoUrl,
                logoUrl.isEmpty() || logoUrl.startsWith("http") ? logoUrl : absoluteUrl(logoUrl),
                ogLocale(config.locale()), config.copyright(),
                menu(categories, problems), pages.stream().map(p -> new Link(p.title(), p.url())).toList(),
                feeds(config.title(), "/"), editions, config.amp(), config.fonts().stream()
                .map(f -> new SiteConfig.WebFont(f.family(), resolveUrl(f.src(), rootUrl), f.weight(), f.style()))
                .toList(),
                config.params(), leadImages == null ? null : leadImages.siteCard(basePath + "|site",
                config.description()));
        if (images != null) {
            Set<String> owners = new java.util.HashSet<>();
            placed.forEach(a -> owners.add(imageOwner(a)));
            owners.add(basePath + "|site");
            images.retain(basePath + "|", owners);
        }
        if (site.equals(lastSite)) {
            site = lastSite; // the same object: every page's inputs compare at a glance
        }
        lastSite = site;

        for (Redirect redirect : redirects) {
            if (redirect.hasPage()) {
                Path earlier = claimed.get(redirect.fromPath());
                if (earlier != null) {
                    problems.add(Problem.of(redirectSources.get(redirect), "the alias " + redirect.fromPath()
                            + " is the address of " + earlier + ": remove it from 'aliases'"));
                }
            }
        }
        redirects.sort(Comparator.comparing(Redirect::fromPath).thenComparing(Redirect::fromQuery));
        return new SiteModel(config, site, now, List.copyOf(views), List.copyOf(homeOrder),
                List.of(categories, tags, authors), List.copyOf(pages), relatedOf(views, tagsByUrl),
                List.copyOf(redirects));
    }

    /**
     * Old addresses of an article or page: every {@code aliases} entry (a site path, percent-encoded or not),
     * and WordPress's {@code /?p=ID} (pages: {@code /?page_id=ID}) when {@code wp_id} is set. Paths that would
     * leave the site are dropped.
     *
     * @param idParameter WordPress's query parameter for this kind of content
     */
    private List<Redirect> redirects(Map<String, Object> params, Path source, String idParameter, String toUrl,
                                     String toAbsolute, List<Problem> problems) {
        List<Redirect> redirects = new ArrayList<>();
        Object aliases = params.get("aliases");
        List<?> entries = aliases instanceof List<?> list ? list : aliases == null ? List.of() : List.of(aliases);
        for (Object entry : entries) {
            String alias = String.valueOf(entry).strip();
            if (alias.contains("?")) {
                String query = alias.substring(alias.indexOf('?') + 1);
                // the query goes into server configuration files: nothing that could end a rule may pass
                if (!alias.startsWith("/?") || !SAFE_QUERY.matcher(query).matches()) {
                    problems.add(Problem.of(source, "'aliases' entry '" + alias.replace("\n", "\\n")
                            + "' may only be /?name=value with letters, digits and - _ . ~ % + in its query"));
                    continue;
                }
                redirects.add(new Redirect("", query, toUrl, toAbsolute));
                continue;
            }
            String decoded = UrlPaths.decode(alias.startsWith("/") ? alias : "/" + alias, "");
            if (decoded.contains("/../") || decoded.endsWith("/..") || decoded.contains("\\")) {
                continue;
            }
            if (!decoded.endsWith("/") && !decoded.matches(".*\\.[A-Za-z0-9]{1,5}$")) {
                decoded += "/";
            }
            if (!url(decoded).equals(toUrl)) { // the article's own address: nothing to redirect
                redirects.add(new Redirect(decoded, "", toUrl, toAbsolute));
            }
        }
        Object wpId = params.get("wp_id");
        if (wpId != null && String.valueOf(wpId).matches("\\d+")) {
            redirects.add(new Redirect("", idParameter + "=" + wpId, toUrl, toAbsolute));
        }
        return redirects;
    }


    private Known resolve(Article article, String path, List<Translation> translations) {
        Known before = known.get(article);
        if (before != null) {
            return before.translations().equals(translations) ? before : before.withTranslations(translations);
        }
        List<Problem> imageProblems = new ArrayList<>();
        checkImage(article, imageProblems);
        ArticleView view = view(article, path, translations);
        List<Problem> redirectProblems = new ArrayList<>();
        List<Redirect> redirects = redirects(article.params(), article.source(), "p", view.url(), view.absoluteUrl(),
                redirectProblems);
        return new Known(path, translationKey(article), translations, view, List.copyOf(imageProblems),
                List.copyOf(redirects), List.copyOf(redirectProblems));
    }

    /** {@link #related}, or the previous build's lists when no article's address or tags changed. */
    private Map<String, List<ArticleView>> relatedOf(List<ArticleView> views, Map<String, List<String>> tagsByUrl) {
        List<Object> input = new ArrayList<>(views.size() * 2);
        for (ArticleView view : views) {
            input.add(view.url());
            input.add(tagsByUrl.get(view.url()));
        }
        if (!input.equals(relatedInput)) {
            Map<String, List<String>> urls = new HashMap<>();
            related(views, tagsByUrl).forEach((url, list) -> urls.put(url, list.stream().map(ArticleView::url).toList()));
            relatedUrls = urls;
            relatedInput = input;
        }
        Map<String, ArticleView> byUrl = new HashMap<>();
        views.forEach(v -> byUrl.put(v.url(), v));
        Map<String, List<ArticleView>> related = new HashMap<>();
        relatedUrls.forEach((url, list) -> related.put(url, list.stream().map(byUrl::get).toList()));
        return related;
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

    private ArticleView view(Article article, String path, List<Translation> translations) {
        String url = url(path);
        ImageView image = article.image().isEmpty() ? null : plainImage(article.image(), url, article.imageAlt(),
                article.imageCaption(), String.valueOf(article.params().getOrDefault("image_credit", "")));
        Link category = article.category() == null ? null
                : new Link(article.category(), url("/category/" + slug(article.category()) + "/"));
        List<Link> tags = article.tags().stream()
                .filter(t -> !slug(t).isEmpty())
                .map(t -> new Link(t, url("/tag/" + slug(t) + "/"))).toList();
        List<Link> authors = article.authors().stream()
                .filter(a -> !slug(a).isEmpty())
                .map(a -> new Link(a, url("/author/" + slug(a) + "/"))).toList();
        List<ImageView> gallery = List.of();
        ImageView share = image;
        String owner = imageOwner(article);
        if (leadImages != null) {
            image = image == null ? null : leadImages.image(owner, image, article.image(),
                    String.valueOf(article.params().getOrDefault("image_focus", "")));
            gallery = leadImages.gallery(owner, article, src -> plainImage(src, url, "", "", ""));
            share = leadImages.share(owner, article, path, image, dates.view(article.date()),
                    category == null ? "" : category.name());
            images.warnings(owner, leadImages.check(article, image, gallery));
        }
        String lead = article.summary().endsWith("…")
                ? article.summary().substring(0, article.summary().length() - 1) : article.summary();
        String standfirst = article.bodyText().strip().replaceAll("\\s+", " ").startsWith(lead.replaceAll("\\s+", " "))
                ? "" : article.summary();
        // base path, footnotes and tables, bidi isolation: one jsoup parse; the body itself when nothing changes
        String body = article.bodyHtml();
        boolean rebase = needsRebase(body);
        boolean polish = ContentPolish.mayChange(body);
        boolean rtl = directionOf(article).equals("rtl");
        boolean responsive = images != null && body.contains("<img");
        String html = !rebase && !polish && !rtl && !responsive ? body : HtmlFragments.editIfChanged(body, "", parsed -> {
            if (rebase) {
                rebaseLinks(parsed);
            }
            if (polish) {
                ContentPolish.apply(parsed, messages);
            }
            boolean resized = responsive && BodyImages.apply(parsed, src -> images.responsive(owner,
                    UrlPaths.decode(src, rootBase), leadImages.urls(), 0.5, 0.5));
            return BidiIsolation.apply(parsed, rtl) || rebase || polish || resized;
        });
        return new ArticleView(article.title(), url, absoluteUrl(url), dates.view(article.date()),
                dates.view(article.updated()), authors, category, tags, article.summary(), standfirst, image,
                article.dateline(), article.sourceName(), article.featured(),
                html,
                Excerpts.readingMinutes(article.bodyText()), article.params(),
                article.source().toString().replace('\\', '/'), languageOf(article), directionOf(article),
                translations, share, gallery);
    }

    /** Who needs an article's images, for {@link ImagePipeline#retain}: the edition and the file. */
    private String imageOwner(Article article) {
        return basePath + "|" + article.source();
    }

    /** An image as written in front matter, measured when it is a file of the site. */
    private ImageView plainImage(String reference, String relativeTo, String alt, String caption, String credit) {
        String imageUrl = resolveUrl(reference, relativeTo);
        Optional<Path> file = localFile(reference).filter(f -> f.startsWith(staticDir));
        int[] size = file.map(imageSizes::of).orElse(new int[]{0, 0});
        long bytes = file.map(f -> f.toFile().length()).orElse(0L);
        return new ImageView(imageUrl, imageUrl.startsWith("http") ? imageUrl : absoluteUrl(imageUrl), alt, caption,
                mediaType(reference), size[0], size[1], bytes, credit.equals("null") ? "" : credit, null);
    }

    /** A reference written by an editor: absolute URL as is, {@code /x} under the main edition's base, else relative. */
    private String resolveUrl(String reference, String relativeTo) {
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            return reference;
        }
        if (reference.startsWith("/")) {
            return rootBase + (reference.contains("%") ? reference : UrlPaths.encode(reference));
        }
        String path = UrlPaths.decode(relativeTo, basePath) + reference;
        return reference.contains("%") ? basePath + path : url(path);
    }

    /** Root-relative links written in Markdown point into the site, so they follow its (main) base path. */
    private String rebase(String html) {
        return needsRebase(html) ? HtmlFragments.edit(html, "", this::rebaseLinks) : html;
    }

    private boolean needsRebase(String html) {
        return !rootBase.isEmpty() && (html.contains("href=\"/") || html.contains("src=\"/"));
    }

    private void rebaseLinks(org.jsoup.nodes.Element body) {
        HtmlFragments.rewriteLinks(body, (element, attribute, value) -> value.startsWith("/") && !value.startsWith("//")
                ? rootBase + value : null);
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
        Path file = staticDir.resolve(UrlPaths.decode(siteUrl, rootBase).substring(1)).normalize();
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

    private SiteModel.Taxonomy taxonomy(String kind, String indexPath, String prefix,
                                        List<ArticleView> views, Function<ArticleView, List<Link>> termsOf) {
        record Gathered(String name, List<ArticleView> articles) {
        }
        Map<String, Gathered> byUrl = new HashMap<>(); // sorted once below, not on every insert
        for (ArticleView view : views) {
            for (Link term : termsOf.apply(view)) {
                byUrl.computeIfAbsent(term.url(), k -> new Gathered(term.name(), new ArrayList<>())).articles().add(view);
            }
        }
        List<Term> terms = new ArrayList<>();
        new TreeMap<>(byUrl).forEach((url, gathered) -> {
            Term last = lastTerms.get(url);
            if (last != null && last.name().equals(gathered.name()) && sameObjects(last.articles(), gathered.articles())) {
                terms.add(last); // the same object: its pages' inputs compare at a glance, not article by article
            } else {
                String slug = UrlPaths.decode(url, basePath).substring(prefix.length()).replace("/", "");
                terms.add(new Term(gathered.name(), slug, url, gathered.articles()));
            }
        });
        terms.forEach(term -> nextTerms.put(term.url(), term));
        terms.sort(Comparator.comparingInt(Term::count).reversed().thenComparing(Term::name));
        return new SiteModel.Taxonomy(new TaxonomyView(kind, messages.get("taxonomy." + kind), url(indexPath)),
                List.copyOf(terms));
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
        // Articles are named by their position in views (newest first): no hashing of URLs while ranking.
        int count = views.size();
        List<List<String>> tagsOf = new ArrayList<>(count);
        Map<String, List<Integer>> byTag = new HashMap<>();
        for (int i = 0; i < count; i++) {
            List<String> tags = tagsByUrl.get(views.get(i).url());
            tagsOf.add(tags);
            for (String tag : tags) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> scanned = new HashMap<>();
        byTag.forEach((tag, tagged) -> scanned.put(tag, tagged.stream()
                .limit(RELATED_SCAN_PER_TAG).mapToInt(Integer::intValue).toArray()));
        int[] shared = new int[count];
        Map<String, List<ArticleView>> related = new HashMap<>();
        for (int i = 0; i < count; i++) {
            List<int[]> lists = new ArrayList<>();
            int total = 0;
            for (String tag : tagsOf.get(i)) {
                int[] tagged = scanned.get(tag);
                lists.add(tagged);
                total += tagged.length;
            }
            int[] candidates = new int[total];
            int found = 0;
            for (int[] tagged : lists) {
                for (int other : tagged) {
                    if (other != i && shared[other]++ == 0) {
                        candidates[found++] = other;
                    }
                }
            }
            // the RELATED_COUNT most shared tags, ties to the newer article: insertion into a short sorted array
            int[] best = new int[RELATED_COUNT];
            int kept = 0;
            for (int c = 0; c < found; c++) {
                int other = candidates[c];
                int at = kept;
                while (at > 0 && ranksBefore(other, best[at - 1], shared)) {
                    at--;
                }
                if (at < RELATED_COUNT) {
                    System.arraycopy(best, at, best, at + 1, Math.min(kept, RELATED_COUNT - 1) - at);
                    best[at] = other;
                    kept = Math.min(kept + 1, RELATED_COUNT);
                }
            }
            ArticleView[] picked = new ArticleView[kept];
            for (int k = 0; k < kept; k++) {
                picked[k] = views.get(best[k]);
            }
            for (int c = 0; c < found; c++) {
                shared[candidates[c]] = 0;
            }
            related.put(views.get(i).url(), java.util.stream.Stream.of(picked).toList());
        }
        return related;
    }

    /** More shared tags first, then the newer article (the lower position). */
    private static boolean ranksBefore(int a, int b, int[] shared) {
        return shared[a] > shared[b] || (shared[a] == shared[b] && a < b);
    }
}
