package dev.midad.output;

import java.util.List;

/**
 * An output the engine always knows how to plan: its {@link Kind} says how (pagination, sitemap splitting,
 * AMP conversion…), the rest is data like any other {@link OutputFormat}. {@code optional} outputs can be
 * switched off in site.yaml; the others are linked from every page and stay.
 */
public record BuiltInOutput(
        String name, Kind kind, String mediaType, String template, String path, Scope scope, boolean optional)
        implements OutputFormat {

    /** How the renderer turns the model into this output's files. */
    public enum Kind {
        HOME,
        ARTICLE,
        AMP,
        PAGE,
        TERMS,
        LIST,
        FEEDS_PAGE,
        SEARCH_PAGE,
        NOT_FOUND,
        SITEMAP,
        NEWS_SITEMAP,
        ROBOTS,
        REDIRECT_PAGE,
        REDIRECT_RULES,
        LIVE_UPDATES,
        BREAKING,
        GONE
    }

    private static final String HTML = "text/html";
    private static final String TEXT = "text/plain";
    private static final String XML = "application/xml";
    private static final String JSON = "application/json";

    public static final BuiltInOutput HOME = of("home", Kind.HOME, HTML, "home.ftlh", "index.html", Scope.SITE);
    public static final BuiltInOutput ARTICLE =
            of("article", Kind.ARTICLE, HTML, "article.ftlh", "index.html", Scope.ARTICLE);
    /** Written only when site.yaml says {@code amp: true}. */
    public static final BuiltInOutput AMP = of("amp", Kind.AMP, HTML, "amp.ftlh", "amp/index.html", Scope.ARTICLE);

    public static final BuiltInOutput PAGE = of("page", Kind.PAGE, HTML, "page.ftlh", "index.html", Scope.PAGE);
    public static final BuiltInOutput TERMS = of("terms", Kind.TERMS, HTML, "terms.ftlh", "index.html", Scope.TAXONOMY);
    public static final BuiltInOutput LIST = of("list", Kind.LIST, HTML, "list.ftlh", "index.html", Scope.TERM);
    public static final BuiltInOutput FEEDS_PAGE =
            of("feeds", Kind.FEEDS_PAGE, HTML, "feeds.ftlh", "feeds/index.html", Scope.SITE);
    /** The search page; the index it reads is written by {@code dev.midad.search}. */
    public static final BuiltInOutput SEARCH_PAGE =
            optional("search", Kind.SEARCH_PAGE, HTML, "search.ftlh", "search/index.html", Scope.SITE);

    public static final BuiltInOutput NOT_FOUND =
            optional("404", Kind.NOT_FOUND, HTML, "404.ftlh", "404.html", Scope.SITE);
    /** sitemap.xml; past 50,000 addresses sitemap-N.xml files and an index of them in sitemap.xml. */
    public static final BuiltInOutput SITEMAP =
            of("sitemap", Kind.SITEMAP, XML, "sitemap.ftlx", "sitemap.xml", Scope.SITE);

    public static final BuiltInOutput NEWS_SITEMAP =
            optional("news-sitemap", Kind.NEWS_SITEMAP, XML, "news-sitemap.ftlx", "news-sitemap.xml", Scope.SITE);
    public static final BuiltInOutput ROBOTS =
            optional("robots", Kind.ROBOTS, TEXT, "robots.ftl", "robots.txt", Scope.SITE);
    public static final BuiltInOutput REDIRECT_PAGE =
            optional("redirect-pages", Kind.REDIRECT_PAGE, HTML, "redirect.ftlh", "index.html", Scope.REDIRECT);
    public static final BuiltInOutput REDIRECTS_NETLIFY =
            optional("redirects-netlify", Kind.REDIRECT_RULES, TEXT, "redirects-netlify.ftl", "_redirects", Scope.SITE);
    public static final BuiltInOutput REDIRECTS_NGINX = optional(
            "redirects-nginx", Kind.REDIRECT_RULES, TEXT, "redirects-nginx.ftl", "redirects.nginx.conf", Scope.SITE);
    public static final BuiltInOutput REDIRECTS_APACHE =
            optional("redirects-apache", Kind.REDIRECT_RULES, TEXT, "redirects-apache.ftl", ".htaccess", Scope.SITE);

    /** A live blog's updates, polled by its page; written only for live blogs whose coverage goes on. */
    public static final BuiltInOutput LIVE_UPDATES =
            optional("live-updates", Kind.LIVE_UPDATES, JSON, "liveblog.ftlj", "live.json", Scope.ARTICLE);
    /** Breaking news that have not expired, fetched by every page: changing them rewrites this file only. */
    public static final BuiltInOutput BREAKING =
            optional("breaking", Kind.BREAKING, JSON, "breaking.ftlj", "breaking.json", Scope.SITE);

    /**
     * The page at the address of an article taken down ({@code expires:} passed), and 410.html, the body the
     * redirect rules' "410 Gone" answers carry.
     */
    public static final BuiltInOutput GONE =
            optional("gone", Kind.GONE, HTML, "gone.ftlh", "index.html", Scope.REDIRECT);

    /** The site-wide copy of the {@link #GONE} page, for server rules that answer 410. */
    public static final String GONE_FILE = "410.html";

    /** Every built-in output, in the order the renderer plans them. */
    public static final List<BuiltInOutput> ALL = List.of(
            HOME,
            ARTICLE,
            AMP,
            PAGE,
            TERMS,
            LIST,
            FEEDS_PAGE,
            SEARCH_PAGE,
            NOT_FOUND,
            SITEMAP,
            NEWS_SITEMAP,
            ROBOTS,
            REDIRECT_PAGE,
            REDIRECTS_NETLIFY,
            REDIRECTS_NGINX,
            REDIRECTS_APACHE,
            LIVE_UPDATES,
            BREAKING,
            GONE);

    /** The template of the index of a split sitemap (the {@link #SITEMAP} template writes each part). */
    public static final String SITEMAP_INDEX_TEMPLATE = "sitemap-index.ftlx";

    private static BuiltInOutput of(
            String name, Kind kind, String mediaType, String template, String path, Scope scope) {
        return new BuiltInOutput(name, kind, mediaType, template, path, scope, false);
    }

    private static BuiltInOutput optional(
            String name, Kind kind, String mediaType, String template, String path, Scope scope) {
        return new BuiltInOutput(name, kind, mediaType, template, path, scope, true);
    }
}
