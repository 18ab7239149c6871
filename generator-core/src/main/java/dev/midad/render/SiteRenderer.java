package dev.midad.render;

import dev.midad.Problem;
import dev.midad.i18n.Messages;
import dev.midad.model.ArticleView;
import dev.midad.model.DateView;
import dev.midad.model.FeedFormat;
import dev.midad.model.FeedLink;
import dev.midad.model.PageMeta;
import dev.midad.model.Redirect;
import dev.midad.model.Paginator;
import dev.midad.model.SiteModel;
import dev.midad.model.SiteModelBuilder;
import dev.midad.model.StaticPageView;
import dev.midad.model.TaxonomyView;
import dev.midad.model.Term;
import dev.midad.model.UrlPaths;
import dev.midad.postprocess.HtmlFragments;
import dev.midad.write.SiteOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders every output of a {@link SiteModel} in parallel into a {@link SiteOutput}: HTML pages, feeds in
 * every {@link FeedFormat}, sitemaps, robots.txt. Each output is one {@link Job}: a template, its data and
 * the file it goes to — one content model, many output formats.
 */
public final class SiteRenderer {
    static final String GENERATOR = "Midad";
    /** sitemaps.org: at most 50,000 URLs per sitemap file. */
    static final int SITEMAP_LIMIT = 50_000;
    /** Google News: articles of the last two days, at most 1,000. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1_000;

    /**
     * One file to render: a template and its data, plus values computed from the data only when the file is
     * really rendered (AMP markup, feed HTML with absolute links) — skipped files never pay for them.
     */
    record Job(String file, String template, Map<String, Object> data,
               Map<String, Function<RenderMemo.Round, Object>> derived) {
        Job(String file, String template, Map<String, Object> data) {
            this(file, template, data, Map.of());
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
    public record Counts(int articles, int pages, int feeds) {
    }

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
    private final SiteModelBuilder urls;
    private final Templates.View templates;
    private final Messages messages;
    private final Placement placement;
    private final int sitemapLimit;
    private final RenderMemo.Round round;

    /**
     * @param round what the previous build rendered, to skip files whose inputs did not change (or
     *              {@link RenderMemo#none()})
     */
    public SiteRenderer(SiteModel model, SiteModelBuilder urls, Templates.View templates, Messages messages,
                        Placement placement, RenderMemo.Round round) {
        this(model, urls, templates, messages, placement, round, SITEMAP_LIMIT);
    }

    SiteRenderer(SiteModel model, SiteModelBuilder urls, Templates.View templates, Messages messages,
                 Placement placement, RenderMemo.Round round, int sitemapLimit) {
        this.round = round;
        this.model = model;
        this.urls = urls;
        this.templates = templates;
        this.messages = messages;
        this.placement = placement;
        this.sitemapLimit = sitemapLimit;
    }

    /** Template names the theme (or the site) must provide for this site. */
    public static List<String> requiredTemplates(boolean amp) {
        List<String> names = new ArrayList<>(List.of("home.ftlh", "article.ftlh", "page.ftlh", "list.ftlh",
                "terms.ftlh", "feeds.ftlh", "404.ftlh", "sitemap.ftlx", "sitemap-index.ftlx", "news-sitemap.ftlx",
                "robots.ftl", "redirect.ftlh", "redirects-netlify.ftl", "redirects-nginx.ftl", "redirects-apache.ftl"));
        FeedFormat.ALL.forEach(f -> names.add(f.template()));
        if (amp) {
            names.add("amp.ftlh");
        }
        return names;
    }

    public Counts render(SiteOutput out, List<Problem> problems) {
        List<Job> jobs = new ArrayList<>();
        round.articles(model.articles());
        homePages(jobs);
        for (ArticleView article : model.articles()) {
            List<ArticleView> related = model.related().getOrDefault(article.url(), List.of());
            jobs.addAll(round.reuse(placement.filePrefix() + article.url(), List.of(article, related, model.site(),
                    urls), () -> articleJobs(article, related)));
        }
        for (StaticPageView page : model.pages()) {
            jobs.add(page("page.ftlh", page.url(), meta("page", page.title(), page.url(), page.summary(),
                    model.site().feeds()), Map.of("staticPage", page)));
        }
        List<FeedGroup> feedGroups = new ArrayList<>();
        feedGroups.add(new FeedGroup(model.site().title(), model.site().homeUrl(), model.site().feeds()));
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            taxonomyPages(taxonomy, jobs, feedGroups);
        }
        String feedsUrl = urls.url("/feeds/");
        jobs.add(page("feeds.ftlh", feedsUrl, meta("feeds", messages.get("page_title.feeds"), feedsUrl,
                messages.get("description.feeds", model.site().title()), model.site().feeds()),
                Map.of("feedGroups", feedGroups)));
        if (placement.main()) {
            jobs.add(new Job("404.html", "404.ftlh", Map.of("site", model.site(),
                    "meta", meta("404", messages.get("page_title.not_found"), model.site().homeUrl() + "404.html", "",
                            model.site().feeds()))));
        }
        int pages = (int) jobs.stream().map(Job::template)
                .filter(t -> t.endsWith(".ftlh") && !t.equals("article.ftlh") && !t.equals("amp.ftlh")).count();
        int feeds = feedJobs(jobs);
        sitemapJobs(jobs);
        redirectJobs(jobs);

        jobs.parallelStream().forEach(job -> {
            String file = placement.filePrefix() + job.file();
            String producer = "templates/" + job.template();
            try {
                if (round.unchanged(file, job.template(), job.data())) {
                    out.keep(file, producer);
                    return;
                }
                Templates.Reads reads;
                try (Writer writer = out.open(file, producer)) {
                    reads = templates.render(job.template(), job.model(round), writer);
                }
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
            }
        });
        return new Counts(model.articles().size(), pages, feeds);
    }

    /** An article's page, and its AMP page when the site has them. */
    private List<Job> articleJobs(ArticleView article, List<ArticleView> related) {
        PageMeta meta = meta("article", article.title(), article.url(), article.summary(), model.site().feeds());
        Job page = page("article.ftlh", article.url(), meta, Map.of("article", article, "related", related));
        if (!model.site().amp()) {
            return List.of(page);
        }
        Job amp = page("amp.ftlh", article.url() + "amp/", meta, Map.of("article", article, "related", related));
        SiteModelBuilder images = urls; // not this renderer: the job may outlive it (see Job#model)
        return List.of(page, new Job(amp.file(), amp.template(), amp.data(), Map.of("ampContent",
                r -> r.derived("amp", article, a -> AmpHtml.convert(a.contentHtml(), images::imageSize)))));
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

    private void homePages(List<Job> jobs) {
        for (Paginator.Page page : Paginator.paginate(model.homeOrder(), model.config().perPage(), "/", urls::url)) {
            List<ArticleView> featured = page.pager().number() == 1
                    ? page.articles().stream().filter(ArticleView::featured).toList() : List.of();
            List<ArticleView> rest = page.articles().stream().filter(a -> !featured.contains(a)).toList();
            String url = urls.url(page.path());
            String title = page.pager().number() == 1 ? model.site().title()
                    : messages.get("page_title.page_n", messages.number(page.pager().number()));
            jobs.add(page("home.ftlh", url, meta("home", title, url, model.site().description(),
                    model.site().feeds()), Map.of("articles", rest, "featured", featured, "pager", page.pager())));
        }
    }

    private void taxonomyPages(SiteModel.Taxonomy taxonomy, List<Job> jobs, List<FeedGroup> feedGroups) {
        String indexUrl = taxonomy.view().url();
        String indexKind = taxonomy.view().kind().equals("category") ? "categories" : taxonomy.view().kind() + "s";
        jobs.add(page("terms.ftlh", indexUrl, meta(indexKind, taxonomy.view().title(), indexUrl,
                taxonomy.view().title() + " — " + model.site().title(), model.site().feeds()),
                Map.of("taxonomy", taxonomy.view(), "terms", taxonomy.terms())));
        for (Term term : taxonomy.terms()) {
            List<FeedLink> termFeeds = round.reuse(placement.filePrefix() + "feed links " + term.url(),
                    List.of(term.name(), urls), () -> urls.feeds(term.name(), UrlPaths.decode(term.url(),
                            model.config().basePath())));
            feedGroups.add(new FeedGroup(taxonomy.view().title() + ": " + term.name(), term.url(), termFeeds));
            jobs.addAll(round.reuse(placement.filePrefix() + "list " + term.url(), List.of(term, taxonomy.view(),
                    model.site(), urls), () -> termPages(taxonomy.view(), term, termFeeds)));
        }
    }

    /** A term's list pages. */
    private List<Job> termPages(TaxonomyView taxonomy, Term term, List<FeedLink> termFeeds) {
        List<Job> jobs = new ArrayList<>();
        List<FeedLink> feeds = concat(termFeeds, model.site().feeds());
        String termPath = UrlPaths.decode(term.url(), model.config().basePath());
        for (Paginator.Page page : Paginator.paginate(term.articles(), model.config().perPage(), termPath,
                urls::url)) {
            String url = urls.url(page.path());
            String title = page.pager().number() == 1 ? term.name()
                    : messages.get("page_title.term_page_n", term.name(), messages.number(page.pager().number()));
            jobs.add(page("list.ftlh", url, meta(taxonomy.kind(), title, url,
                    messages.get("description.term", term.name()), feeds), Map.of("taxonomy", taxonomy, "term", term,
                    "articles", page.articles(), "pager", page.pager())));
        }
        return jobs;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Every format for the site and for every term of every taxonomy. */
    private int feedJobs(List<Job> jobs) {
        int count = 0;
        for (FeedFormat format : FeedFormat.ALL) {
            jobs.add(feed(format, "/", model.site().title(), model.site().description(), model.site().homeUrl(),
                    model.articles()));
            count++;
            for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
                for (Term term : taxonomy.terms()) {
                    jobs.add(round.reuse(placement.filePrefix() + format.fileName() + " " + term.url(),
                            List.of(term, model.site(), urls), () -> feed(format, UrlPaths.decode(term.url(),
                                    model.config().basePath()), term.name() + " — " + model.site().title(),
                                    messages.get("description.term", term.name()), term.url(), term.articles())));
                    count++;
                }
            }
        }
        return count;
    }

    /** A feed; its articles' HTML gets absolute links only when the feed is really rendered. */
    private Job feed(FeedFormat format, String pagePath, String title, String description, String pageUrl,
                     List<ArticleView> articles) {
        List<ArticleView> newest = articles.stream().limit(model.config().feedSize()).toList();
        String selfUrl = urls.absoluteUrl(urls.url(pagePath + format.fileName()));
        FeedView feed = new FeedView(title, description, selfUrl, urls.absoluteUrl(pageUrl),
                model.config().language(), lastModified(newest), newest, GENERATOR);
        return new Job(UrlPaths.toFile(pagePath + format.fileName()), format.template(),
                Map.of("site", model.site(), "feed", feed), Map.of("feed", round -> feed.withArticles(
                        newest.stream().map(a -> withAbsoluteHtml(a, round)).toList())));
    }

    /** The article with every link and image in its body made absolute, computed once per article. */
    private static ArticleView withAbsoluteHtml(ArticleView a, RenderMemo.Round round) {
        return round.derived("feed", a, view -> view.withContentHtml(absolutize(view.contentHtml(),
                view.absoluteUrl())));
    }

    static String absolutize(String html, String baseUrl) {
        return HtmlFragments.edit(html, baseUrl, body -> {
            HtmlFragments.rewriteLinks(body, (element, attribute, value) -> {
                String absolute = element.absUrl(attribute);
                return absolute.isEmpty() ? null : absolute;
            });
            dev.midad.image.Srcsets.absolutize(body);
        });
    }

    /**
     * A page at every old address (meta refresh plus canonical, for any static host), and the same rules as
     * server configuration: {@code _redirects} (Netlify, Cloudflare Pages), {@code redirects.nginx.conf}
     * and {@code .htaccess} (Apache), which also carry the query-only rules such as {@code /?p=123}.
     */
    private void redirectJobs(List<Job> jobs) {
        for (Redirect redirect : model.redirects()) {
            if (redirect.hasPage()) {
                jobs.add(new Job(UrlPaths.toFile(redirect.fromPath()), "redirect.ftlh",
                        Map.of("site", model.site(), "redirect", redirect)));
            }
        }
        if (!model.redirects().isEmpty()) {
            Map<String, Object> data = Map.of("site", model.site(), "redirects", model.redirects(),
                    "basePath", model.config().basePath());
            jobs.add(new Job("_redirects", "redirects-netlify.ftl", data));
            jobs.add(new Job("redirects.nginx.conf", "redirects-nginx.ftl", data));
            jobs.add(new Job(".htaccess", "redirects-apache.ftl", data));
        }
    }

    /** sitemap.xml (an index of sitemap-N.xml past the limit), the Google News sitemap, robots.txt. */
    private void sitemapJobs(List<Job> jobs) {
        List<SitemapUrl> entries = sitemapEntries();
        if (entries.size() <= sitemapLimit) {
            jobs.add(new Job("sitemap.xml", "sitemap.ftlx", Map.of("site", model.site(), "urls", entries)));
        } else {
            List<SitemapUrl> parts = new ArrayList<>();
            for (int i = 0, n = 1; i < entries.size(); i += sitemapLimit, n++) {
                List<SitemapUrl> chunk = entries.subList(i, Math.min(i + sitemapLimit, entries.size()));
                String file = "sitemap-" + n + ".xml";
                jobs.add(new Job(file, "sitemap.ftlx", Map.of("site", model.site(), "urls", List.copyOf(chunk))));
                String newest = chunk.stream().map(SitemapUrl::lastmod).max(String::compareTo).orElse("");
                parts.add(new SitemapUrl(urls.absoluteUrl(urls.url("/" + file)), newest));
            }
            jobs.add(new Job("sitemap.xml", "sitemap-index.ftlx", Map.of("site", model.site(), "sitemaps", parts)));
        }
        List<ArticleView> news = newsArticles(model);
        if (!news.isEmpty()) { // the news sitemap schema needs at least one <url>
            jobs.add(new Job("news-sitemap.xml", "news-sitemap.ftlx", Map.of("site", model.site(), "articles", news)));
        }
        if (placement.main()) {
            jobs.add(new Job("robots.txt", "robots.ftl", Map.of("site", model.site(), "sitemaps",
                    placement.sitemaps())));
        }
    }

    /** Articles for the Google News sitemap: published in the last 48 hours, newest first, at most 1,000. */
    public static List<ArticleView> newsArticles(SiteModel model) {
        long from = model.now().minus(NEWS_WINDOW).toInstant().toEpochMilli();
        long to = model.now().toInstant().toEpochMilli();
        return model.articles().stream()
                .filter(a -> a.date().epochMilli() >= from && a.date().epochMilli() <= to)
                .limit(NEWS_LIMIT)
                .toList();
    }

    /** The latest change among {@code articles} ({@code updated} counts, not only {@code date}); null if none. */
    private static DateView lastModified(List<ArticleView> articles) {
        DateView latest = null;
        for (ArticleView article : articles) { // a plain loop: this runs over every term's articles per build
            DateView date = article.lastModified();
            if (latest == null || date.epochMilli() > latest.epochMilli()
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
            entries.add(new SitemapUrl(article.absoluteUrl(), article.lastModified().iso()));
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
