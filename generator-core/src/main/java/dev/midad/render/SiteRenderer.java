package dev.midad.render;

import dev.midad.html.BodyChain;
import dev.midad.html.HtmlStage;
import dev.midad.i18n.Messages;
import dev.midad.model.ArchivePager;
import dev.midad.model.ArticleView;
import dev.midad.model.AuthorView;
import dev.midad.model.DateView;
import dev.midad.model.FeedFormat;
import dev.midad.model.FeedLink;
import dev.midad.model.PageMeta;
import dev.midad.model.Redirect;
import dev.midad.model.SiteModel;
import dev.midad.model.StaticPageView;
import dev.midad.model.TaxonomyView;
import dev.midad.model.Term;
import dev.midad.model.build.Links;
import dev.midad.model.build.Paginator;
import dev.midad.output.BuiltInOutput;
import dev.midad.output.FeedOutput;
import dev.midad.output.OutputFormat;
import dev.midad.output.OutputRegistry;
import dev.midad.output.Scope;
import dev.midad.output.TemplateOutput;
import dev.midad.problem.InternalFailure;
import dev.midad.problem.Problem;
import dev.midad.text.UrlPaths;
import dev.midad.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders a {@link SiteModel} into a {@link SiteOutput}: walks the {@link OutputRegistry} (HTML pages,
 * feeds in each {@link FeedFormat}, sitemaps, robots.txt, redirects, a site's template-only outputs), turns
 * each output into {@link Job}s — a template, its data and the file it goes to — and renders them in parallel:
 * one content model, many output formats.
 *
 * <p>Longer than 400 lines on purpose: one planning case per kind of built-in output (pagination, split
 * sitemaps, AMP, feeds per scope, redirects), each short, all sharing the job and reuse rules kept here.
 */
public final class SiteRenderer {
    static final String GENERATOR = "Midad";
    /** sitemaps.org: at most 50,000 URLs per sitemap file. */
    static final int SITEMAP_LIMIT = 50_000;
    /** Google News: articles of the last two days, at most 1,000 URLs per news sitemap file. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    static final int NEWS_LIMIT = 1_000;
    private static final BodyChain FEED_BODIES = HtmlStage.feed();
    /** A term without an author profile: templates test {@code profile.name?has_content}. */
    private static final AuthorView NO_PROFILE = new AuthorView("", "", "", "", null, null, "", List.of(), "");

    /**
     * One file to render: a template and its data, plus values computed from the data only when the file is
     * really rendered (AMP markup, feed HTML with absolute links) — skipped files never pay for them.
     */
    record Job(
            String file,
            String template,
            Map<String, Object> data,
            Map<String, Function<RenderMemo.Round, Object>> derived) {
        Job(String file, String template, Map<String, Object> data) {
            this(file, template, data, Map.of());
        }

        /** A file known unchanged since the cached build (see {@link RenderMemo.Round#jobs}): no data. */
        static Job kept(String file, String template) {
            return new Job(file, template, null, Map.of());
        }

        /**
         * The data with the derived values, computed in (and cached by) the current round. A job may be reused
         * from an earlier build, so derived values take the round as an argument rather than capture one.
         */
        Map<String, Object> model(RenderMemo.Round round) {
            if (derived.isEmpty()) {
                return data;
            }
            Map<String, Object> model = new HashMap<>(data);
            derived.forEach((name, value) -> model.put(name, value.apply(round)));
            return model;
        }
    }

    /** Counts of what was rendered, by kind. */
    public record Counts(int articles, int pages, int feeds) {}

    /**
     * Where an edition's files go: the main edition at the root writes the site-wide files (404.html,
     * robots.txt listing {@code sitemaps}); another edition writes under {@code filePrefix} (e.g. "en/").
     */
    public record Placement(boolean main, String filePrefix, List<String> sitemaps) {
        public static Placement root(List<String> sitemaps) {
            return new Placement(true, "", sitemaps);
        }
    }

    private final SiteModel model;
    private final Links urls;
    private final OutputRegistry outputs;
    private final Templates.View templates;
    private final Messages messages;
    private final Placement placement;
    private final int sitemapLimit;
    private final int newsLimit;
    private final RenderMemo.Round round;

    /**
     * @param outputs what to render (see {@link OutputRegistry#of})
     * @param round   what the previous build rendered, to skip files whose inputs did not change (or
     *                {@link RenderMemo#none()})
     */
    public SiteRenderer(
            SiteModel model,
            Links urls,
            OutputRegistry outputs,
            Templates.View templates,
            Messages messages,
            Placement placement,
            RenderMemo.Round round) {
        this(model, urls, outputs, templates, messages, placement, round, SITEMAP_LIMIT, NEWS_LIMIT);
    }

    /** With other limits per sitemap file (tests split small sites). */
    SiteRenderer(
            SiteModel model,
            Links urls,
            OutputRegistry outputs,
            Templates.View templates,
            Messages messages,
            Placement placement,
            RenderMemo.Round round,
            int sitemapLimit,
            int newsLimit) {
        this.newsLimit = newsLimit;
        this.round = round;
        this.model = model;
        this.urls = urls;
        this.outputs = outputs;
        this.templates = templates;
        this.messages = messages;
        this.placement = placement;
        this.sitemapLimit = sitemapLimit;
    }

    /** Walks the registry: each output adds its jobs, then all jobs are rendered in parallel. */
    public Counts render(SiteOutput out, List<Problem> problems) {
        round.articles(model.articles());
        Map<String, List<FeedLink>> termFeeds = termFeeds();
        List<Job> jobs = new ArrayList<>();
        int pages = 0;
        int feeds = 0;
        for (OutputFormat output : outputs.outputs()) {
            int before = jobs.size();
            plan(output, jobs, termFeeds);
            if (output instanceof FeedOutput) {
                feeds += jobs.size() - before;
            } else if (output instanceof BuiltInOutput builtIn && PAGE_KINDS.contains(builtIn.kind())) {
                pages += jobs.size() - before;
            }
        }

        jobs.parallelStream().forEach(job -> {
            String file = placement.filePrefix() + job.file();
            String producer = "templates/" + job.template();
            try {
                if (job.data() == null) {
                    round.keep(file);
                    out.keep(file, producer);
                    return;
                }
                if (round.unchanged(file, job.template(), job.data())) {
                    out.keep(file, producer);
                    return;
                }
                PageText page = PageText.reused();
                Templates.Reads reads = templates.render(job.template(), job.model(round), page);
                out.writeText(file, page.text(), producer);
                round.rendered(file, job.template(), job.data(), reads);
            } catch (Templates.RenderException e) {
                synchronized (problems) {
                    if (!problems.contains(e.problem())) {
                        problems.add(e.problem());
                    }
                }
            } catch (SiteOutput.CollisionException e) {
                synchronized (problems) {
                    problems.add(e.problem());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UncheckedIOException | InternalFailure e) {
                throw e;
            } catch (RuntimeException e) { // a bug: say which file it was writing
                throw new InternalFailure("writing " + file + " with " + producer, e);
            }
        });
        templates.rendered();
        return new Counts(model.articles().size(), pages, feeds);
    }

    /** Built-in outputs counted as pages in {@link Counts}. */
    private static final Set<BuiltInOutput.Kind> PAGE_KINDS = EnumSet.of(
            BuiltInOutput.Kind.HOME,
            BuiltInOutput.Kind.PAGE,
            BuiltInOutput.Kind.TERMS,
            BuiltInOutput.Kind.LIST,
            BuiltInOutput.Kind.FEEDS_PAGE,
            BuiltInOutput.Kind.SEARCH_PAGE,
            BuiltInOutput.Kind.NOT_FOUND);

    /** Adds the jobs of one output. */
    private void plan(OutputFormat output, List<Job> jobs, Map<String, List<FeedLink>> termFeeds) {
        if (output instanceof FeedOutput feed) {
            feedJobs(feed, jobs);
            return;
        }
        if (output instanceof TemplateOutput declared) {
            declaredJobs(declared, jobs);
            return;
        }
        BuiltInOutput builtIn = (BuiltInOutput) output;
        switch (builtIn.kind()) {
            case HOME -> homePages(builtIn, jobs);
            case ARTICLE, AMP -> {
                String key = placement.filePrefix() + (builtIn.kind() == BuiltInOutput.Kind.AMP ? "amp " : "");
                for (ArticleView article : model.articles()) {
                    List<ArticleView> related = model.related().getOrDefault(article.url(), List.of());
                    jobs.addAll(round.jobs(
                            key + article.url(),
                            placement.filePrefix(),
                            List.of(article, related, model.site(), urls),
                            () -> List.of(articleJob(builtIn, article, related))));
                }
            }
            case PAGE -> {
                for (StaticPageView page : model.pages()) {
                    String url = address(page.url(), builtIn.path());
                    jobs.add(page(
                            builtIn.template(),
                            url,
                            meta(
                                    "page",
                                    page.title(),
                                    url,
                                    page.summary(),
                                    model.site().feeds()),
                            Map.of("staticPage", page)));
                }
            }
            case TERMS -> model.taxonomies().forEach(taxonomy -> jobs.add(termsPage(builtIn, taxonomy)));
            case LIST -> {
                for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
                    for (Term term : taxonomy.terms()) {
                        jobs.addAll(round.jobs(
                                placement.filePrefix() + "list " + term.url(),
                                placement.filePrefix(),
                                List.of(
                                        term,
                                        taxonomy.view(),
                                        model.site(),
                                        urls,
                                        builtIn,
                                        model.authorProfiles().getOrDefault(term.url(), NO_PROFILE)),
                                () -> termPages(builtIn, taxonomy.view(), term, termFeeds.get(term.url()))));
                    }
                }
            }
            case FEEDS_PAGE -> {
                String url = urls.url(address("/", builtIn.path()));
                jobs.add(page(
                        builtIn.template(),
                        url,
                        meta(
                                "feeds",
                                messages.get("page_title.feeds"),
                                url,
                                messages.get("description.feeds", model.site().title()),
                                model.site().feeds()),
                        Map.of("feedGroups", feedGroups(termFeeds))));
            }
            case SEARCH_PAGE -> { // the page that reads the index dev.midad.search writes
                String url = urls.url(address("/", builtIn.path()));
                jobs.add(page(
                        builtIn.template(),
                        url,
                        meta(
                                "search",
                                messages.get("page_title.search"),
                                url,
                                messages.get("description.search", model.site().title()),
                                model.site().feeds()),
                        Map.of()));
            }
            case NOT_FOUND -> {
                if (placement.main()) {
                    jobs.add(new Job(
                            builtIn.path(),
                            builtIn.template(),
                            Map.of(
                                    "site",
                                    model.site(),
                                    "meta",
                                    meta(
                                            "404",
                                            messages.get("page_title.not_found"),
                                            model.site().homeUrl() + builtIn.path(),
                                            "",
                                            model.site().feeds()))));
                }
            }
            case SITEMAP -> sitemapJobs(builtIn, jobs);
            case NEWS_SITEMAP -> {
                List<ArticleView> news = newsArticles(model);
                if (!news.isEmpty()) { // the news sitemap schema needs at least one <url>
                    splitJobs(
                            builtIn,
                            "news-sitemap-",
                            "articles",
                            news,
                            newsLimit,
                            a -> a.date().iso(),
                            jobs);
                }
            }
            case ROBOTS -> {
                if (placement.main()) {
                    jobs.add(new Job(
                            builtIn.path(),
                            builtIn.template(),
                            Map.of("site", model.site(), "sitemaps", placement.sitemaps())));
                }
            }
            case REDIRECT_PAGE -> {
                for (Redirect redirect : model.redirects()) {
                    if (redirect.hasPage()) {
                        jobs.add(new Job(
                                UrlPaths.toFile(address(redirect.fromPath(), builtIn.path())),
                                builtIn.template(),
                                Map.of("site", model.site(), "redirect", redirect)));
                    }
                }
            }
            case LIVE_UPDATES -> {
                for (ArticleView article : model.articles()) {
                    if (article.editorial().live() != null
                            && article.editorial().live().active()) {
                        jobs.add(new Job(
                                fileOf(address(article.url(), builtIn.path())),
                                builtIn.template(),
                                Map.of("site", model.site(), "article", article)));
                    }
                }
            }
            case BREAKING ->
                jobs.add(new Job(
                        fileOf(address(model.site().homeUrl(), builtIn.path())),
                        builtIn.template(),
                        Map.of(
                                "site",
                                model.site(),
                                "items",
                                model.breaking().stream()
                                        .filter(b -> b.expires().value().isAfter(model.now()))
                                        .toList())));
            case REDIRECT_RULES -> {
                if (!model.redirects().isEmpty() || !model.gone().isEmpty()) {
                    jobs.add(new Job(
                            builtIn.path(),
                            builtIn.template(),
                            Map.of(
                                    "site",
                                    model.site(),
                                    "redirects",
                                    model.redirects(),
                                    "gone",
                                    outputs.has(BuiltInOutput.GONE) ? model.gone() : List.of(),
                                    "goneFile",
                                    BuiltInOutput.GONE_FILE,
                                    "basePath",
                                    model.config().basePath(),
                                    "sitePath", // decoded: nginx and mod_rewrite match decoded paths
                                    UrlPaths.decode(model.config().basePath(), ""))));
                }
            }
            case GONE -> {
                List<String> urls = new ArrayList<>(
                        model.gone().stream().map(SiteModel.Gone::url).toList());
                if (!urls.isEmpty()) {
                    urls.add(model.site().homeUrl() + BuiltInOutput.GONE_FILE);
                }
                for (String url : urls) {
                    jobs.add(page(
                            builtIn.template(),
                            url,
                            meta(
                                    "gone",
                                    messages.get("page_title.gone"),
                                    url,
                                    "",
                                    model.site().feeds()),
                            Map.of()));
                }
            }
        }
    }

    /**
     * The address of {@code path} in the folder at {@code folderUrl}: a file's own, or for {@code index.html}
     * the folder's ({@code amp/index.html} in /2024/06/x/ is /2024/06/x/amp/).
     */
    private static String address(String folderUrl, String path) {
        return folderUrl
                + (path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path);
    }

    /** An article's page, or its AMP page (whose markup is made only when the page is really rendered). */
    private Job articleJob(BuiltInOutput output, ArticleView article, List<ArticleView> related) {
        PageMeta meta = meta(
                "article",
                article.title(),
                article.url(),
                article.summary(),
                model.site().feeds());
        Job page = page(
                output.template(),
                address(article.url(), output.path()),
                meta,
                Map.of("article", article, "related", related));
        if (output.kind() != BuiltInOutput.Kind.AMP) {
            return page;
        }
        Links images = urls; // not this renderer: the job may outlive it (see Job#model)
        return new Job(
                page.file(),
                page.template(),
                page.data(),
                Map.of(
                        "ampContent",
                        r -> r.derived(
                                "amp",
                                article,
                                a -> HtmlStage.amp(images::imageSize).apply(a.contentHtml()))));
    }

    private Job page(String template, String url, PageMeta meta, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("site", model.site());
        data.put("meta", meta);
        return new Job(fileOf(url), template, data);
    }

    private String fileOf(String url) {
        return UrlPaths.toFile(UrlPaths.decode(url, model.config().basePath()));
    }

    private PageMeta meta(String kind, String title, String url, String description, List<FeedLink> feeds) {
        return new PageMeta(kind, title, url, urls.absoluteUrl(url), description, feeds);
    }

    private void homePages(BuiltInOutput output, List<Job> jobs) {
        for (Paginator.Page<ArticleView> page : Paginator.paginate(
                model.homeOrder(), model.config().perPage(), model.config().pagination(), "/", urls::url)) {
            List<ArticleView> featured = page.pager().front()
                    ? page.articles().stream().filter(ArticleView::featured).toList()
                    : List.of();
            List<ArticleView> rest =
                    page.articles().stream().filter(a -> !featured.contains(a)).toList();
            String url = urls.url(page.path());
            String title = page.pager().front()
                    ? model.site().title()
                    : messages.get(
                            "page_title.page_n", messages.number(page.pager().number()));
            jobs.add(page(
                    output.template(),
                    url,
                    meta(
                            "home",
                            title,
                            url,
                            model.site().description(),
                            model.site().feeds()),
                    Map.of("articles", rest, "featured", featured, "pager", page.pager())));
        }
    }

    /** A taxonomy's index of its terms (/categories/, /tags/, /authors/). */
    private Job termsPage(BuiltInOutput output, SiteModel.Taxonomy taxonomy) {
        String indexUrl = address(taxonomy.view().url(), output.path());
        String indexKind = taxonomy.view().kind().equals("category")
                ? "categories"
                : taxonomy.view().kind() + "s";
        return page(
                output.template(),
                indexUrl,
                meta(
                        indexKind,
                        taxonomy.view().title(),
                        indexUrl,
                        taxonomy.view().title() + " — " + model.site().title(),
                        model.site().feeds()),
                Map.of("taxonomy", taxonomy.view(), "terms", taxonomy.terms()));
    }

    /** Every term's feed links (the formats its taxonomy's feed scope has), by the term's address. */
    private Map<String, List<FeedLink>> termFeeds() {
        Map<String, List<FeedLink>> feeds = new HashMap<>();
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            List<FeedFormat> formats = outputs.feeds(taxonomy.view().kind()).formats();
            for (Term term : taxonomy.terms()) {
                feeds.put(
                        term.url(),
                        round.reuse(
                                placement.filePrefix() + "feed links " + term.url(),
                                List.of(term.name(), urls, formats),
                                () -> urls.feeds(
                                        term.name(),
                                        UrlPaths.decode(
                                                term.url(), model.config().basePath()),
                                        formats)));
            }
        }
        return feeds;
    }

    /** The site's feeds and every term's, for the feeds page. */
    private List<FeedGroup> feedGroups(Map<String, List<FeedLink>> termFeeds) {
        List<FeedGroup> groups = new ArrayList<>();
        groups.add(new FeedGroup(
                model.site().title(), model.site().homeUrl(), model.site().feeds()));
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            for (Term term : taxonomy.terms()) {
                groups.add(new FeedGroup(
                        taxonomy.view().title() + ": " + term.name(), term.url(), termFeeds.get(term.url())));
            }
        }
        groups.removeIf(group -> group.feeds().isEmpty()); // a scope with formats: []
        return groups;
    }

    /** A term's list pages. */
    private List<Job> termPages(BuiltInOutput output, TaxonomyView taxonomy, Term term, List<FeedLink> termFeeds) {
        List<Job> jobs = new ArrayList<>();
        List<FeedLink> feeds = concat(termFeeds, model.site().feeds());
        String termPath = UrlPaths.decode(term.url(), model.config().basePath());
        for (Paginator.Page<ArticleView> page : Paginator.paginate(
                term.articles(), model.config().perPage(), model.config().pagination(), termPath, urls::url)) {
            String url = address(urls.url(page.path()), output.path());
            String title = page.pager().front()
                    ? term.name()
                    : messages.get(
                            "page_title.term_page_n",
                            term.name(),
                            messages.number(page.pager().number()));
            jobs.add(page(
                    output.template(),
                    url,
                    meta(taxonomy.kind(), title, url, messages.get("description.term", term.name()), feeds),
                    Map.of(
                            "taxonomy",
                            taxonomy,
                            "term",
                            page.pager() instanceof ArchivePager archive && !archive.front() ? term.named() : term,
                            "articles",
                            page.articles(),
                            "pager",
                            page.pager(),
                            "profile",
                            model.authorProfiles().getOrDefault(term.url(), NO_PROFILE))));
        }
        return jobs;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A feed format's feed for the site, or for every term of every taxonomy whose feed scope has the format. */
    private void feedJobs(FeedOutput output, List<Job> jobs) {
        FeedFormat format = output.format();
        if (output.scope() == Scope.SITE) {
            jobs.add(feed(
                    format,
                    outputs.feeds("site"),
                    "/",
                    model.site().title(),
                    model.site().description(),
                    model.site().homeUrl(),
                    model.articles()));
            return;
        }
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            OutputRegistry.Feeds chosen = outputs.feeds(taxonomy.view().kind());
            if (!chosen.formats().contains(format)) {
                continue;
            }
            for (Term term : taxonomy.terms()) {
                jobs.addAll(round.jobs(
                        placement.filePrefix() + format.fileName() + " " + term.url(),
                        placement.filePrefix(),
                        List.of(term, model.site(), urls, chosen),
                        () -> List.of(feed(
                                format,
                                chosen,
                                UrlPaths.decode(term.url(), model.config().basePath()),
                                term.name() + " — " + model.site().title(),
                                messages.get("description.term", term.name()),
                                term.url(),
                                term.articles()))));
            }
        }
    }

    /**
     * A template-only output from site.yaml: one file for the site, or one in each term's or article's folder.
     * Its template gets {@code site}, {@code output} and what its scope shows (see the README).
     */
    private void declaredJobs(TemplateOutput output, List<Job> jobs) {
        String basePath = model.config().basePath();
        switch (output.scope()) {
            case SITE ->
                jobs.add(declaredJob(
                        output, "/", Map.of("articles", model.articles(), "taxonomies", model.taxonomies())));
            case TERM -> {
                for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
                    for (Term term : taxonomy.terms()) {
                        jobs.addAll(round.jobs(
                                placement.filePrefix() + output.name() + " " + term.url(),
                                placement.filePrefix(),
                                List.of(term, taxonomy.view(), model.site(), urls, output),
                                () -> List.of(declaredJob(
                                        output,
                                        UrlPaths.decode(term.url(), basePath),
                                        Map.of(
                                                "taxonomy",
                                                taxonomy.view(),
                                                "term",
                                                term,
                                                "articles",
                                                term.articles())))));
                    }
                }
            }
            case ARTICLE -> {
                for (ArticleView article : model.articles()) {
                    List<ArticleView> related = model.related().getOrDefault(article.url(), List.of());
                    jobs.addAll(round.jobs(
                            placement.filePrefix() + output.name() + " " + article.url(),
                            placement.filePrefix(),
                            List.of(article, related, model.site(), urls, output),
                            () -> List.of(declaredJob(
                                    output,
                                    UrlPaths.decode(article.url(), basePath),
                                    Map.of("article", article, "related", related)))));
                }
            }
            default -> throw new IllegalStateException("no template-only outputs of scope " + output.scope());
        }
    }

    private Job declaredJob(TemplateOutput output, String folderPath, Map<String, Object> extra) {
        String url = urls.url(folderPath + output.path());
        Map<String, Object> data = new HashMap<>(extra);
        data.put("site", model.site());
        data.put("output", new OutputView(output.name(), output.mediaType(), url, urls.absoluteUrl(url)));
        return new Job(UrlPaths.toFile(folderPath + output.path()), output.template(), data);
    }

    /**
     * A feed; in a full-content feed its articles' HTML gets absolute links only when the feed is really
     * rendered.
     */
    private Job feed(
            FeedFormat format,
            OutputRegistry.Feeds chosen,
            String pagePath,
            String title,
            String description,
            String pageUrl,
            List<ArticleView> articles) {
        List<ArticleView> newest = articles.stream().limit(chosen.items()).toList();
        String selfUrl = urls.absoluteUrl(urls.url(pagePath + format.fileName()));
        FeedView feed = new FeedView(
                title,
                description,
                selfUrl,
                urls.absoluteUrl(pageUrl),
                model.config().language(),
                lastModified(newest),
                newest,
                GENERATOR,
                chosen.full());
        String file = UrlPaths.toFile(pagePath + format.fileName());
        Map<String, Object> data = Map.of("site", model.site(), "feed", feed);
        if (!chosen.full()) { // summaries only: no article body to make absolute
            return new Job(file, format.template(), data);
        }
        return new Job(
                file,
                format.template(),
                data,
                Map.of(
                        "feed",
                        round -> feed.withArticles(newest.stream()
                                .map(a -> withAbsoluteHtml(a, round))
                                .toList())));
    }

    /**
     * The article with every link and image in its body made absolute, computed once per article; a live blog's
     * newest updates follow its introduction.
     */
    private static ArticleView withAbsoluteHtml(ArticleView a, RenderMemo.Round round) {
        return round.derived(
                "feed",
                a,
                view -> view.withContentHtml(FEED_BODIES.apply(
                        view.contentHtml()
                                + (view.editorial().live() == null
                                        ? ""
                                        : view.editorial().live().feedHtml()),
                        view.absoluteUrl())));
    }

    /** sitemap.xml, or past the limit an index of sitemap-N.xml files. */
    private void sitemapJobs(BuiltInOutput output, List<Job> jobs) {
        splitJobs(output, "sitemap-", "urls", sitemapEntries(), sitemapLimit, SitemapUrl::lastmod, jobs);
    }

    /**
     * The output's one file with {@code entries} under {@code key}; past {@code limit} entries, files
     * {@code <part>N.xml} of at most {@code limit} each and, at the output's path, a sitemap index of them (each
     * part's lastmod the newest of its entries).
     */
    private <T> void splitJobs(
            BuiltInOutput output,
            String part,
            String key,
            List<T> entries,
            int limit,
            Function<T, String> lastmod,
            List<Job> jobs) {
        if (entries.size() <= limit) {
            jobs.add(new Job(output.path(), output.template(), Map.of("site", model.site(), key, entries)));
            return;
        }
        List<SitemapUrl> parts = new ArrayList<>();
        for (int i = 0, n = 1; i < entries.size(); i += limit, n++) {
            List<T> chunk = List.copyOf(entries.subList(i, Math.min(i + limit, entries.size())));
            String file = part + n + ".xml";
            jobs.add(new Job(file, output.template(), Map.of("site", model.site(), key, chunk)));
            String newest = chunk.stream().map(lastmod).max(String::compareTo).orElse("");
            parts.add(new SitemapUrl(urls.absoluteUrl(urls.url("/" + file)), newest));
        }
        jobs.add(new Job(
                output.path(), BuiltInOutput.SITEMAP_INDEX_TEMPLATE, Map.of("site", model.site(), "sitemaps", parts)));
    }

    /**
     * Articles for the Google News sitemap: published in the last 48 hours, newest first, all of them (past
     * 1,000, Google's limit per file, they are split across files under an index).
     */
    public static List<ArticleView> newsArticles(SiteModel model) {
        long from = model.now().minus(NEWS_WINDOW).toInstant().toEpochMilli();
        long to = model.now().toInstant().toEpochMilli();
        return model.articles().stream()
                .filter(a -> a.date().epochMilli() >= from && a.date().epochMilli() <= to)
                .toList();
    }

    /** The latest change among {@code articles} ({@code updated} counts, not only {@code date}); null if none. */
    private static DateView lastModified(List<ArticleView> articles) {
        DateView latest = null;
        for (ArticleView article : articles) { // a plain loop: this runs over every term's articles per build
            DateView date = article.lastModified();
            if (latest == null
                    || date.epochMilli() > latest.epochMilli()
                    || (date.epochMilli() == latest.epochMilli() && date.value().compareTo(latest.value()) > 0)) {
                latest = date;
            }
        }
        return latest;
    }

    private static String lastModifiedIso(List<ArticleView> articles) {
        DateView latest = lastModified(articles);
        return latest == null ? "" : latest.iso();
    }

    private List<SitemapUrl> sitemapEntries() {
        List<SitemapUrl> entries = new ArrayList<>();
        String newest = lastModifiedIso(model.articles());
        entries.add(new SitemapUrl(urls.absoluteUrl(model.site().homeUrl()), newest));
        for (ArticleView article : model.articles()) {
            entries.add(
                    new SitemapUrl(article.absoluteUrl(), article.lastModified().iso()));
        }
        for (StaticPageView page : model.pages()) {
            entries.add(new SitemapUrl(page.absoluteUrl(), ""));
        }
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            for (Term term : taxonomy.terms()) {
                entries.add(new SitemapUrl(urls.absoluteUrl(term.url()), lastModifiedIso(term.articles())));
            }
        }
        return entries;
    }
}
