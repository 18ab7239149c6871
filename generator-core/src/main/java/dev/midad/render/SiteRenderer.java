package dev.midad.render;

import dev.midad.Problem;
import dev.midad.model.ArticleView;
import dev.midad.model.FeedFormat;
import dev.midad.model.FeedLink;
import dev.midad.model.PageMeta;
import dev.midad.model.Paginator;
import dev.midad.model.SiteModel;
import dev.midad.model.SiteModelBuilder;
import dev.midad.model.StaticPageView;
import dev.midad.model.Term;
import dev.midad.model.UrlPaths;
import dev.midad.write.StagedOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders every output of a {@link SiteModel}: HTML pages, feeds and the sitemap, in parallel, into a
 * {@link StagedOutput}. Each output is one {@link Job}: a template, its data and the file it goes to.
 */
public final class SiteRenderer {
    static final String GENERATOR = "Midad";

    /** One file to render. */
    record Job(String file, String template, Map<String, Object> data) {
    }

    /** Counts of what was rendered, by kind. */
    public record Counts(int articles, int pages, int feeds) {
    }

    private final SiteModel model;
    private final SiteModelBuilder urls;
    private final Templates templates;
    private final Map<String, String> absoluteHtml = new ConcurrentHashMap<>();

    public SiteRenderer(SiteModel model, SiteModelBuilder urls, Templates templates) {
        this.model = model;
        this.urls = urls;
        this.templates = templates;
    }

    /** Template names the default theme and every site must provide. */
    public static List<String> requiredTemplates() {
        List<String> names = new ArrayList<>(List.of("home.ftlh", "article.ftlh", "page.ftlh", "list.ftlh",
                "terms.ftlh", "404.ftlh", "sitemap.ftlx"));
        FeedFormat.ALL.forEach(f -> names.add(f.template()));
        return names;
    }

    public Counts render(StagedOutput out, List<Problem> problems) {
        List<Job> jobs = new ArrayList<>();
        homePages(jobs);
        int pages = jobs.size();
        for (ArticleView article : model.articles()) {
            jobs.add(page("article.ftlh", article.url(), meta("article", article.title(), article.url(),
                            article.summary(), model.site().feeds()),
                    Map.of("article", article, "related", model.related().getOrDefault(article.url(), List.of()))));
        }
        for (StaticPageView page : model.pages()) {
            jobs.add(page("page.ftlh", page.url(), meta("page", page.title(), page.url(), page.summary(),
                    model.site().feeds()), Map.of("staticPage", page)));
            pages++;
        }
        int feeds = 0;
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            pages += taxonomyPages(taxonomy, jobs);
        }
        jobs.add(new Job("404.html", "404.ftlh", Map.of("site", model.site(),
                "meta", meta("404", "الصفحة غير موجودة", model.site().homeUrl() + "404.html", "",
                        model.site().feeds()))));
        pages++;
        feeds += feedJobs(jobs);
        jobs.add(new Job("sitemap.xml", "sitemap.ftlx", Map.of("site", model.site(), "urls", sitemap())));

        jobs.parallelStream().forEach(job -> {
            try (Writer writer = out.open(job.file(), "templates/" + job.template())) {
                templates.render(job.template(), job.data(), writer);
            } catch (Templates.RenderException e) {
                synchronized (problems) {
                    if (problems.stream().noneMatch(p -> p.equals(e.problem()))) {
                        problems.add(e.problem());
                    }
                }
            } catch (StagedOutput.CollisionException e) {
                synchronized (problems) {
                    problems.add(e.problem());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Counts(model.articles().size(), pages, feeds);
    }

    private Job page(String template, String url, PageMeta meta, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("site", model.site());
        data.put("meta", meta);
        return new Job(UrlPaths.toFile(UrlPaths.decode(url, model.config().basePath())), template, data);
    }

    private PageMeta meta(String kind, String title, String url, String description, List<FeedLink> feeds) {
        return new PageMeta(kind, title, url, urls.absoluteUrl(url), description, feeds);
    }

    private void homePages(List<Job> jobs) {
        int perPage = model.config().perPage();
        for (Paginator.Page page : Paginator.paginate(model.homeOrder(), perPage, "/", urls::url)) {
            List<ArticleView> featured = page.pager().number() == 1
                    ? page.articles().stream().filter(ArticleView::featured).toList() : List.of();
            List<ArticleView> rest = page.articles().stream().filter(a -> !featured.contains(a)).toList();
            String url = urls.url(page.path());
            String title = page.pager().number() == 1 ? model.site().title()
                    : "الصفحة " + page.pager().number();
            jobs.add(page("home.ftlh", url, meta("home", title, url, model.site().description(),
                    model.site().feeds()), Map.of("articles", rest, "featured", featured, "pager", page.pager())));
        }
    }

    private int taxonomyPages(SiteModel.Taxonomy taxonomy, List<Job> jobs) {
        int count = 0;
        String indexUrl = taxonomy.view().url();
        jobs.add(page("terms.ftlh", indexUrl, meta(taxonomy.view().kind() + "s", taxonomy.view().title(), indexUrl,
                taxonomy.view().title() + " — " + model.site().title(), model.site().feeds()),
                Map.of("taxonomy", taxonomy.view(), "terms", taxonomy.terms())));
        count++;
        for (Term term : taxonomy.terms()) {
            String termPath = UrlPaths.decode(term.url(), model.config().basePath());
            List<FeedLink> feeds = hasOwnFeeds(taxonomy)
                    ? concat(urls.feeds(term.name(), termPath), model.site().feeds()) : model.site().feeds();
            for (Paginator.Page page : Paginator.paginate(term.articles(), model.config().perPage(), termPath,
                    urls::url)) {
                String url = urls.url(page.path());
                String title = page.pager().number() == 1 ? term.name()
                        : term.name() + " — الصفحة " + page.pager().number();
                jobs.add(page("list.ftlh", url, meta(taxonomy.view().kind(), title, url,
                        "أحدث الأخبار في " + term.name(), feeds), Map.of("taxonomy", taxonomy.view(), "term", term,
                        "articles", page.articles(), "pager", page.pager())));
                count++;
            }
        }
        return count;
    }

    private static boolean hasOwnFeeds(SiteModel.Taxonomy taxonomy) {
        return taxonomy.view().kind().equals("category");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private int feedJobs(List<Job> jobs) {
        int count = 0;
        String home = model.site().homeUrl();
        for (FeedFormat format : FeedFormat.ALL) {
            jobs.add(feed(format, "/", model.site().title(), model.site().description(), home,
                    model.articles()));
            count++;
            for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
                if (!hasOwnFeeds(taxonomy)) {
                    continue;
                }
                for (Term term : taxonomy.terms()) {
                    String path = UrlPaths.decode(term.url(), model.config().basePath());
                    jobs.add(feed(format, path, term.name() + " — " + model.site().title(),
                            "أحدث الأخبار في " + term.name(), term.url(), term.articles()));
                    count++;
                }
            }
        }
        return count;
    }

    private Job feed(FeedFormat format, String pagePath, String title, String description, String pageUrl,
                     List<ArticleView> articles) {
        List<ArticleView> newest = articles.stream().limit(model.config().feedSize())
                .map(this::withAbsoluteHtml).toList();
        String selfUrl = urls.absoluteUrl(urls.url(pagePath + format.fileName()));
        FeedView feed = new FeedView(title, description, selfUrl, urls.absoluteUrl(pageUrl),
                model.config().language(), newest.isEmpty() ? null : newest.stream()
                .map(ArticleView::lastModified).max((a, b) -> a.value().compareTo(b.value())).orElseThrow(),
                newest, GENERATOR);
        return new Job(UrlPaths.toFile(pagePath + format.fileName()), format.template(),
                Map.of("site", model.site(), "feed", feed));
    }

    /** The article with every link and image in its body made absolute, computed once per article. */
    private ArticleView withAbsoluteHtml(ArticleView a) {
        String html = absoluteHtml.computeIfAbsent(a.url(), k -> absolutize(a.contentHtml(), a.absoluteUrl()));
        return new ArticleView(a.title(), a.url(), a.absoluteUrl(), a.date(), a.updated(), a.authors(),
                a.category(), a.tags(), a.summary(), a.image(), a.dateline(), a.source(), a.featured(), html,
                a.readingMinutes(), a.params(), a.sourcePath());
    }

    static String absolutize(String html, String baseUrl) {
        Document doc = Jsoup.parseBodyFragment(html, baseUrl);
        doc.outputSettings().prettyPrint(false);
        for (Element el : doc.select("[href], [src]")) {
            String attr = el.hasAttr("href") ? "href" : "src";
            String absolute = el.absUrl(attr);
            if (!absolute.isEmpty()) {
                el.attr(attr, absolute);
            }
        }
        return doc.body().html();
    }

    private List<SitemapUrl> sitemap() {
        List<SitemapUrl> entries = new ArrayList<>();
        String newest = model.articles().isEmpty() ? "" : model.articles().get(0).lastModified().iso();
        entries.add(new SitemapUrl(urls.absoluteUrl(model.site().homeUrl()), newest));
        for (ArticleView article : model.articles()) {
            entries.add(new SitemapUrl(article.absoluteUrl(), article.lastModified().iso()));
        }
        for (StaticPageView page : model.pages()) {
            entries.add(new SitemapUrl(page.absoluteUrl(), ""));
        }
        for (SiteModel.Taxonomy taxonomy : model.taxonomies()) {
            for (Term term : taxonomy.terms()) {
                entries.add(new SitemapUrl(urls.absoluteUrl(term.url()),
                        term.articles().get(0).lastModified().iso()));
            }
        }
        return entries;
    }
}
