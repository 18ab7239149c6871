package dev.midad.model.build;

import dev.midad.config.SiteConfig;
import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.StaticPage;
import dev.midad.html.BodyChain;
import dev.midad.html.EmbedData;
import dev.midad.html.Embeds;
import dev.midad.html.HtmlStage;
import dev.midad.i18n.Messages;
import dev.midad.image.BodyGalleries;
import dev.midad.image.BodyImages;
import dev.midad.image.ImagePipeline;
import dev.midad.model.ArticleView;
import dev.midad.model.AuthorView;
import dev.midad.model.EditionLink;
import dev.midad.model.FeedFormat;
import dev.midad.model.ImageView;
import dev.midad.model.Link;
import dev.midad.model.Redirect;
import dev.midad.model.SiteModel;
import dev.midad.model.SiteView;
import dev.midad.model.StaticPageView;
import dev.midad.model.Term;
import dev.midad.model.Translation;
import dev.midad.model.VideoView;
import dev.midad.problem.InternalFailure;
import dev.midad.problem.Problem;
import dev.midad.text.Excerpts;
import dev.midad.text.PackedText;
import dev.midad.text.UrlPaths;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Resolves loaded content into a {@link SiteModel}: it places every article at its address ({@link Links}),
 * runs the model-time HTML passes ({@link HtmlStage#view}), and asks its helpers for the rest — the published
 * order ({@link PublishedOrder}), lead images ({@link LeadImages}), old addresses ({@link Aliases}),
 * taxonomies and the menu ({@link Taxonomies}), related articles ({@link RelatedArticles}), language and
 * translations ({@link Editions}). A builder remembers what its last {@link #build} resolved (article views,
 * related lists, terms) and reuses it for articles that are the same objects next time (the live preview keeps
 * one builder while the configuration, messages and static files stay the same). One build at a time per
 * builder.
 */
public final class SiteModelBuilder {
    /** Featured articles shown on top of the home page. */
    static final int FEATURED_ON_TOP = 3;

    private final SiteConfig config;
    private final Links links;
    private final Dates dates;
    private final String basePath;
    private final String rootUrl;
    private final List<EditionLink> editions;
    private final PublishedOrder publishedOrder = new PublishedOrder();
    private final LeadImages leadImages;
    /** Resized copies and social cards; null when the site is built without image processing. */
    private final ImagePipeline images;

    private final ResponsiveImages responsiveImages;
    private final Aliases aliases;
    private final Taxonomies taxonomies;
    private final Messages messages;
    private final RelatedArticles related = new RelatedArticles();
    private final Editions editionRules;
    /** The HTML stage's passes at model time (see {@link HtmlStage}): for right-to-left and other articles, pages. */
    private BodyChain rtlBodies;

    private BodyChain ltrBodies;
    /** Posts and videos written alone on a line, with the data stored when the chains were last made. */
    private Embeds embeds;

    private Map<String, EmbedData> lastEmbeds;
    private final BodyChain pageBodies;
    /**
     * What the previous {@link #build} resolved, by article object: a builder kept for the next build in the
     * same JVM (same configuration, messages and static files) reuses the view of every article whose file
     * was not parsed again. Read in parallel during a build, replaced at its end.
     */
    private Map<Article, Known> known = Map.of();

    private SiteView lastSite;
    private Map<String, AuthorView> lastProfiles = Map.of();

    /** Articles resolved afresh by the last {@link #build} (not reused from the build before). */
    private final AtomicInteger resolvedAfresh = new AtomicInteger();

    /**
     * One article resolved: its address, its view with the given translations, its old addresses, problems
     * with its image and aliases, and what it planned in the image pipeline (null without one).
     */
    private record Known(
            String path,
            String translationKey,
            List<Translation> translations,
            ArticleView view,
            List<Problem> imageProblems,
            List<Redirect> redirects,
            List<Problem> redirectProblems,
            ImagePipeline.Plan images) {
        Known withTranslations(List<Translation> others) {
            return new Known(
                    path,
                    translationKey,
                    others,
                    view.withTranslations(others),
                    imageProblems,
                    redirects,
                    redirectProblems,
                    images);
        }
    }

    /**
     * @param rootUrl  site-relative URL of the main edition's home (shared assets live there)
     * @param editions every edition of the publication, this one marked current (empty without editions)
     */
    public SiteModelBuilder(
            SiteConfig config, Path staticDir, Messages messages, String rootUrl, List<EditionLink> editions) {
        this(config, staticDir, messages, rootUrl, editions, null);
    }

    /** @param images the site's image pipeline, or null for images as they are */
    public SiteModelBuilder(
            SiteConfig config,
            Path staticDir,
            Messages messages,
            String rootUrl,
            List<EditionLink> editions,
            ImagePipeline images) {
        this.config = config;
        this.rootUrl = rootUrl;
        this.editions = List.copyOf(editions);
        this.dates = new Dates(config);
        this.basePath = config.basePath();
        this.links = new Links(config, staticDir, rootUrl);
        this.leadImages = new LeadImages(links, images);
        this.aliases = new Aliases(links);
        this.messages = messages;
        this.taxonomies = new Taxonomies(links, messages);
        this.editionRules = new Editions(config, links);
        embedsAre(Map.of());
        this.pageBodies = HtmlStage.page(links.rootBase());
        this.images = images;
        this.responsiveImages = images == null
                ? null
                : new ResponsiveImages(
                        images,
                        links.rootBase(),
                        links.origin(),
                        UrlPaths.decode(basePath, "")
                                .substring(UrlPaths.decode(links.rootBase(), "").length()),
                        config.title(),
                        config.logo());
    }

    /**
     * Makes the article chains for the embed data {@code stored}; the views of articles with a line that may
     * be an embed are resolved again.
     */
    private void embedsAre(Map<String, EmbedData> stored) {
        lastEmbeds = stored;
        embeds = new Embeds(
                stored, config.embedHosts(), messages, t -> dates.view(t).text());
        rtlBodies = HtmlStage.view(links.rootBase(), messages, true, embeds);
        ltrBodies = HtmlStage.view(links.rootBase(), messages, false, embeds);
        Map<Article, Known> kept = new IdentityHashMap<>(known);
        kept.keySet().removeIf(article -> embeds.mayChange(article.bodyHtml()));
        known = kept;
    }

    /** The embedded videos of {@code html} that search engines can list (title, thumbnail and date known). */
    private List<VideoView> videos(String html) {
        return embeds.found(html).stream()
                .filter(f -> f.url().provider().video() && f.data() != null)
                .filter(f -> !f.data().title().isEmpty()
                        && !f.data().thumbnail().isEmpty()
                        && f.data().uploaded() != null)
                .map(f -> new VideoView(
                        f.data().title(),
                        f.data().localThumbnail()
                                ? links.absoluteUrl(links.resolve(f.data().thumbnail(), rootUrl))
                                : UrlPaths.encodeNonAscii(f.data().thumbnail()),
                        dates.view(f.data().uploaded()).iso(),
                        f.data().duration() == null ? "" : f.data().duration().toString(),
                        f.url().playerUrl(),
                        f.url().url()))
                .toList();
    }

    /** The address rule of this edition, for the renderer (one object per builder, kept across builds). */
    public Links links() {
        return links;
    }

    /** Published articles (drafts and future ones only when asked for), newest first. */
    public List<Article> published(ContentLoader.Content content, Publishing options) {
        return publishedOrder.published(content, options);
    }

    /** {@code article} as a translation target seen from another edition. */
    public Translation translation(Article article) {
        return editionRules.translation(article);
    }

    /**
     * The key linking translations across editions ({@code translation_key} in front matter), or null;
     * remembered from the previous build for an unchanged article.
     */
    public String translationKeyOf(Article article) {
        Known before = known.get(article);
        return before != null ? before.translationKey() : Editions.translationKey(article);
    }

    /**
     * @param translations every edition's articles by translation key (see {@link #translationKeyOf})
     */
    public SiteModel build(
            ContentLoader.Content content,
            Publishing options,
            Map<String, List<Translation>> translations,
            List<Problem> problems) {
        ZonedDateTime now = ZonedDateTime.now(options.clock());
        resolvedAfresh.set(0);
        List<Article> published = published(content, options);
        Newsroom newsroom = new Newsroom(links, dates, messages, content.authors(), pageBodies::apply, problems);
        if (!newsroom.profiles().equals(lastProfiles)) {
            known = Map.of(); // bylines and JSON-LD of every article may show a profile
        }
        lastProfiles = newsroom.profiles();
        if (!content.embeds().equals(lastEmbeds)) {
            embedsAre(content.embeds());
        }

        Map<String, Path> claimed = new HashMap<>();
        List<Article> placed = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<List<Translation>> translationsOf = new ArrayList<>();
        for (Article article : published) {
            Known before = known.get(article);
            String path = before != null ? before.path() : links.path(article);
            Path earlier = claimed.putIfAbsent(path, article.source());
            if (earlier != null) {
                problems.add(Problem.of(
                        article.source(),
                        "has the same address " + path + " as " + earlier + ": give one of them a different 'slug:'"));
                continue;
            }
            String key = before != null ? before.translationKey() : Editions.translationKey(article);
            placed.add(article);
            paths.add(path);
            translationsOf.add(
                    key == null
                            ? List.of()
                            : translations.getOrDefault(key, List.of()).stream()
                                    .filter(t -> !t.url().equals(links.url(path)))
                                    .toList());
        }
        // the expensive part (HTML post-processing, dates, image sizes) in parallel; unchanged articles reuse
        // the view of the previous build of this builder
        List<Known> resolved = IntStream.range(0, placed.size())
                .parallel()
                .mapToObj(i -> {
                    try {
                        return resolve(placed.get(i), paths.get(i), translationsOf.get(i), newsroom, now);
                    } catch (UncheckedIOException | InternalFailure e) {
                        throw e;
                    } catch (RuntimeException e) { // a bug: say which article it was building
                        throw new InternalFailure(
                                "building the page of " + placed.get(i).source(), e);
                    }
                })
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
        var relatedLists = related.begin(views, tagsByUrl, config.outputs().related());

        List<ArticleView> homeOrder = new ArrayList<>();
        Set<ArticleView> onTop = Collections.newSetFromMap(new IdentityHashMap<>());
        views.stream().filter(ArticleView::featured).limit(FEATURED_ON_TOP).forEach(onTop::add);
        homeOrder.addAll(views.stream().filter(onTop::contains).toList());
        homeOrder.addAll(views.stream().filter(v -> !onTop.contains(v)).toList());

        List<SiteModel.Taxonomy> siteTaxonomies = taxonomies.of(views, problems);

        List<StaticPageView> pages = new ArrayList<>();
        Set<String> pageOwners = new HashSet<>();
        for (StaticPage page : content.pages()) {
            if (Boolean.TRUE.equals(page.params().get("draft")) && !options.includeDrafts()) {
                continue;
            }
            if (page.date() != null && page.date().isAfter(now) && !options.includeFuture()) {
                continue; // embargoed like a future article
            }
            String path = links.pagePath(page.slug());
            Path earlier = claimed.putIfAbsent(path, page.source());
            if (earlier != null) {
                problems.add(Problem.of(
                        page.source(),
                        "has the same address " + path + " as " + earlier + ": give one of them a different 'slug:'"));
                continue;
            }
            String url = links.url(path);
            String owner = imageOwner(page.source());
            if (images != null) {
                images.forget(owner); // planned again below, as the page is now
                pageOwners.add(owner);
            }
            pages.add(new StaticPageView(
                    page.title(),
                    url,
                    links.absoluteUrl(url),
                    page.summary(),
                    bodyImages(pageBodies.apply(page.bodyHtml()), page.source(), owner, url, problems)
                            .html(),
                    page.source().toString()));
            for (Redirect redirect :
                    aliases.redirects(page.params(), page.source(), "page_id", url, links.absoluteUrl(url), problems)) {
                redirects.add(redirect);
                redirectSources.put(redirect, page.source());
            }
        }
        pages.sort(Comparator.comparing(StaticPageView::url));

        String logoUrl = config.logo().isEmpty() ? "" : links.resolve(config.logo(), basePath + "/");
        int[] logoSize = links.imageSize(logoUrl);
        SiteView site = new SiteView(
                config.title(),
                config.description(),
                config.baseUrl().toString(),
                links.origin(),
                config.language(),
                config.direction(),
                basePath + "/",
                rootUrl,
                logoUrl,
                logoUrl.isEmpty() || logoUrl.startsWith("http") ? logoUrl : links.absoluteUrl(logoUrl),
                logoSize == null ? 0 : logoSize[0],
                logoSize == null ? 0 : logoSize[1],
                OpenGraphLocales.of(config.locale()),
                config.copyright(),
                taxonomies.menu(siteTaxonomies.get(0), config.menu(), problems),
                pages.stream().map(p -> new Link(p.title(), p.url())).toList(),
                links.feeds(
                        config.title(),
                        "/",
                        FeedFormat.named(config.outputs().feeds("site").formats())),
                editions,
                config.amp(),
                config.fonts().stream()
                        .map(f -> new SiteConfig.WebFont(
                                f.family(), links.resolve(f.src(), rootUrl), f.weight(), f.style()))
                        .toList(),
                config.params(),
                responsiveImages == null ? null : responsiveImages.siteCard(basePath + "|site", config.description()));
        if (images != null) {
            Set<String> owners = new HashSet<>();
            placed.forEach(a -> owners.add(imageOwner(a)));
            owners.addAll(pageOwners);
            owners.add(basePath + "|site");
            images.retain(basePath + "|", owners);
        }
        if (site.equals(lastSite)) {
            site = lastSite; // the same object: every page's inputs compare at a glance
        }
        lastSite = site;

        Takedowns.Found takedowns = Takedowns.of(content, options, now, links, rootUrl, claimed, redirects);
        redirects.addAll(takedowns.redirects());
        redirectSources.putAll(takedowns.sources());
        redirects.addAll(aliases.oldAddresses(
                content.oldAddresses(), servedLists(homeOrder, siteTaxonomies, claimed.keySet(), redirects)));
        Aliases.checkClaimed(redirects, redirectSources, claimed, problems);
        redirects.sort(Comparator.comparing(Redirect::fromPath).thenComparing(Redirect::fromQuery));
        return new SiteModel(
                config,
                site,
                now,
                List.copyOf(views),
                List.copyOf(homeOrder),
                siteTaxonomies,
                List.copyOf(pages),
                relatedLists.get(),
                List.copyOf(redirects),
                newsroom.profiles(),
                content.breaking().stream()
                        .map(b -> new SiteModel.Breaking(
                                b.text(),
                                b.link().isEmpty() ? "" : links.resolve(b.link(), rootUrl),
                                dates.view(b.expires())))
                        .toList(),
                takedowns.gone());
    }

    /**
     * What this builder remembers of its last build, for the build cache: each article's resolved view (with
     * the article it was resolved from), the related-articles lists with their input and the author profiles the
     * views were resolved with. Valid only for a builder made with the same configuration, messages and static files.
     */
    public record Memory(
            List<Article> articles,
            List<Object> resolved,
            Map<String, List<String>> relatedUrls,
            List<Object> relatedInput,
            Map<String, AuthorView> profiles) {}

    /** How many articles the last {@link #build} resolved afresh rather than reusing their view. */
    public int resolvedAfresh() {
        return resolvedAfresh.get();
    }

    /** The view in one of {@link Memory#resolved}'s values. */
    public static ArticleView viewOf(Object resolved) {
        return ((Known) resolved).view();
    }

    /**
     * What the last build resolved (see {@link Memory}); its articles in no set order (the build cache stores
     * each with its file, in that file's part).
     */
    public Memory memory() {
        List<Article> articles = new ArrayList<>(known.keySet());
        return new Memory(
                articles,
                articles.stream().map(a -> (Object) known.get(a)).toList(),
                related.urls(),
                related.input(),
                lastProfiles);
    }

    /** Takes on what a builder in another JVM remembered; its articles must be the objects the next build reads. */
    public void restore(Memory memory) {
        related.restore(memory.relatedUrls(), memory.relatedInput());
        lastProfiles = memory.profiles();
        // a view comes with what resolving it planned in the image pipeline: reusing it plans that again (see
        // resolve), so its resized images and card are written as after resolving it afresh
        Map<Article, Known> restored = new IdentityHashMap<>();
        for (int i = 0; i < memory.articles().size(); i++) {
            if (memory.resolved().get(i) instanceof Known resolved) {
                restored.put(memory.articles().get(i), resolved);
            }
        }
        known = restored;
    }

    private Known resolve(
            Article article, String path, List<Translation> translations, Newsroom newsroom, ZonedDateTime now) {
        Known before = known.get(article);
        String owner = imageOwner(article);
        if (before != null
                && article.editorial().live() == null // a live blog's state follows the clock
                && (images == null || before.images() != null && images.install(owner, before.images()))) {
            return before.translations().equals(translations) ? before : before.withTranslations(translations);
        }
        resolvedAfresh.incrementAndGet();
        if (images != null) {
            images.forget(owner); // what it planned before may be gone from the article
        }
        List<Problem> imageProblems = new ArrayList<>();
        leadImages.check(article, imageProblems);
        ArticleView view = view(article, path, translations, newsroom, now, imageProblems);
        List<Problem> redirectProblems = new ArrayList<>();
        List<Redirect> redirects = aliases.redirects(
                article.params(), article.source(), "p", view.url(), view.absoluteUrl(), redirectProblems);
        return new Known(
                path,
                Editions.translationKey(article),
                translations,
                view,
                List.copyOf(imageProblems),
                List.copyOf(redirects),
                List.copyOf(redirectProblems),
                images == null ? null : images.plan(owner));
    }

    private ArticleView view(
            Article article,
            String path,
            List<Translation> translations,
            Newsroom newsroom,
            ZonedDateTime now,
            List<Problem> imageProblems) {
        String url = links.url(path);
        ImageView image = leadImages.of(article, url);
        Taxonomies.ArticleTerms terms = taxonomies.termsOf(article.category(), article.tags(), article.authors());
        List<ImageView> gallery = List.of();
        ImageView share = image;
        String owner = imageOwner(article);
        if (responsiveImages != null) {
            image = image == null
                    ? null
                    : responsiveImages.image(
                            owner,
                            image,
                            article.image(),
                            String.valueOf(article.params().getOrDefault("image_focus", "")));
            gallery = responsiveImages.gallery(owner, article, src -> leadImages.plain(src, url, "", "", ""));
            share = responsiveImages.share(
                    owner,
                    article,
                    path,
                    image,
                    dates.view(article.date()),
                    terms.category() == null ? "" : terms.category().name());
            images.warnings(owner, responsiveImages.check(article, image, gallery));
        }
        String standfirst = article.summaryOpensBody() ? "" : article.summary();
        BodyChain bodies = editionRules.directionOf(article).equals("rtl") ? rtlBodies : ltrBodies;
        String bodyHtml = article.bodyHtml(); // unpacked once
        ShownBody body = bodyImages(bodies.apply(bodyHtml), article.source(), owner, url, imageProblems);
        String html = body.html();
        List<ImageView> bodyGallery = body.gallery();
        return new ArticleView(
                article.title(),
                url,
                links.absoluteUrl(url),
                dates.view(article.date()),
                dates.view(Newsroom.lastChange(article)),
                terms.authors(),
                terms.category(),
                terms.tags(),
                article.summary(),
                standfirst,
                image,
                article.dateline(),
                article.sourceName(),
                article.featured(),
                PackedText.of(html),
                Excerpts.readingMinutes(article.bodyWords()),
                article.params(),
                article.source().toString().replace('\\', '/'),
                editionRules.languageOf(article),
                editionRules.directionOf(article),
                translations,
                share,
                gallery,
                bodyGallery,
                newsroom.view(article, url, now, bodies::apply),
                videos(bodyHtml));
    }

    /** A body with its galleries and images as the site shows them, and its gallery images for structured data. */
    private record ShownBody(String html, List<ImageView> gallery) {}

    /**
     * The galleries and images of a body (an article's or a static page's, after its HTML passes): each gallery
     * block labelled and credited in the site's language, its images listed (a missing file is a problem at its
     * line of {@code source}), and every image with resized copies made responsive, planned for {@code owner}.
     */
    private ShownBody bodyImages(String html, Path source, String owner, String url, List<Problem> problems) {
        List<ImageView> gallery = List.of();
        if (html.contains(BodyGalleries.ITEM)) {
            List<BodyGalleries.Item> items = new ArrayList<>();
            html = new BodyChain("", List.of(body -> {
                        items.addAll(BodyGalleries.apply(
                                body, messages.get("gallery_label"), credit -> messages.get("image_credit", credit)));
                        return true;
                    }))
                    .apply(html);
            gallery = bodyGallery(source, owner, url, items, problems);
        }
        if (images != null && html.contains("<img")) { // body images get their responsive variants
            html = new BodyChain(
                            "",
                            List.of(body -> BodyImages.apply(
                                    body,
                                    src -> images.responsive(
                                            owner,
                                            UrlPaths.decode(src, links.rootBase()),
                                            responsiveImages.urls(),
                                            0.5,
                                            0.5))))
                    .apply(html);
        }
        return new ShownBody(html, gallery);
    }

    /**
     * The images of the body's gallery blocks as the model shows them (for structured data; the body shows them
     * itself), with a problem at its line for each that names a missing file.
     */
    private List<ImageView> bodyGallery(
            Path source, String owner, String url, List<BodyGalleries.Item> items, List<Problem> problems) {
        List<ImageView> gallery = new ArrayList<>();
        for (BodyGalleries.Item item : items) {
            String src = UrlPaths.decode(item.src(), links.rootBase());
            if (leadImages.missing(src, item.line(), "gallery image", source, problems)) {
                continue;
            }
            ImageView plain = leadImages.plain(src, url, item.alt(), item.caption(), item.credit());
            gallery.add(responsiveImages == null ? plain : responsiveImages.image(owner, plain, src, ""));
        }
        return gallery;
    }

    /** Who needs an article's images, for {@link ImagePipeline#retain}: the edition and the file. */
    private String imageOwner(Article article) {
        return imageOwner(article.source());
    }

    /** Who needs the images of an article's or a page's file. */
    private String imageOwner(Path source) {
        return basePath + "|" + source;
    }

    /**
     * Every decoded path the site serves itself or already redirects from: articles, pages, every page of the
     * home list and of each term. An old address from {@code data/redirects.yaml} there is dropped: the site's own
     * page wins.
     */
    private Set<String> servedLists(
            List<ArticleView> homeOrder,
            List<SiteModel.Taxonomy> taxonomies,
            Set<String> claimed,
            List<Redirect> redirects) {
        Set<String> served = new HashSet<>(claimed);
        redirects.forEach(r -> served.add(r.fromPath()));
        int perPage = config.perPage();
        Paginator.paginate(homeOrder, perPage, config.pagination(), "/", links::url)
                .forEach(p -> served.add(p.path()));
        for (SiteModel.Taxonomy taxonomy : taxonomies) {
            served.add(UrlPaths.decode(taxonomy.view().url(), links.basePath()));
            for (Term term : taxonomy.terms()) {
                String path = UrlPaths.decode(term.url(), links.basePath());
                Paginator.paginate(term.articles(), perPage, config.pagination(), path, links::url)
                        .forEach(p -> served.add(p.path()));
            }
        }
        return served;
    }
}
