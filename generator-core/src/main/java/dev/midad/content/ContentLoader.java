package dev.midad.content;

import dev.midad.config.SiteConfig;
import dev.midad.html.EmbedData;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.problem.Problem;
import dev.midad.text.AliasPaths;
import dev.midad.text.Digests;
import dev.midad.text.Excerpts;
import dev.midad.text.Slugs;
import dev.midad.text.SourceText;
import dev.midad.yaml.VisibleText;
import dev.midad.yaml.YamlMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Discovers {@code articles/**.md} and {@code pages/*.md} under a site folder and parses them in parallel.
 * Problems from every file are collected; a file with problems yields no article. Nothing a file contains
 * escapes as an exception: whatever goes wrong while reading one file becomes a {@link Problem} naming it.
 */
public final class ContentLoader {
    public static final String ARTICLES = "articles";
    public static final String PAGES = "pages";
    /**
     * Most tags one article may carry. Every tag is a page of its own (plus sitemap entries), so a list of
     * thousands is always an import accident (a CMS export that split the text into tags), never editorial
     * intent; news sites use 3–10 tags per story.
     */
    public static final int MAX_TAGS = 100;

    private final Path siteDir;
    private final SiteConfig config;
    private final MarkdownRenderer markdown;
    private final SourceCache cache;

    public ContentLoader(Path siteDir, SiteConfig config, MarkdownRenderer markdown) {
        this(siteDir, config, markdown, new SourceCache());
    }

    /**
     * @param cache files parsed by an earlier load of the same site with the same configuration
     */
    public ContentLoader(Path siteDir, SiteConfig config, MarkdownRenderer markdown, SourceCache cache) {
        this.siteDir = siteDir;
        this.config = config;
        this.markdown = markdown;
        this.cache = cache;
    }

    /** Everything the site's content folders hold. */
    public record Content(
            List<Article> articles,
            List<StaticPage> pages,
            List<AuthorProfile> authors,
            List<Breaking> breaking,
            List<OldAddress> oldAddresses,
            Map<String, EmbedData> embeds) {
        public Content(List<Article> articles, List<StaticPage> pages) {
            this(articles, pages, List.of(), List.of(), List.of(), Map.of());
        }
    }

    public Content load(List<Problem> problems) {
        List<Problem> found = Collections.synchronizedList(new ArrayList<>());
        SourceCache.Listing articleFiles = discover(siteDir.resolve(ARTICLES), true, found);
        SourceCache.Listing pageFiles = discover(siteDir.resolve(PAGES), false, found);
        cache.retainOnly(articleFiles.files(), pageFiles.files());
        List<Article> articles = articleFiles.files().parallelStream()
                .map(file -> cache.get(file, articleFiles.stamps().get(file), found, local -> loadArticle(file, local)))
                .filter(Objects::nonNull)
                .toList();
        List<StaticPage> pages = pageFiles.files().parallelStream()
                .map(file -> cache.get(file, pageFiles.stamps().get(file), found, local -> loadPage(file, local)))
                .filter(Objects::nonNull)
                .toList();
        cache.loaded();
        List<AuthorProfile> authors = discover(siteDir.resolve(AuthorProfile.FOLDER), false, found).files().stream()
                .map(file ->
                        load(file, found, (shown, text, local) -> AuthorProfile.parse(shown, text, markdown, local)))
                .filter(Objects::nonNull)
                .toList();
        synchronized (found) {
            problems.addAll(found.stream().sorted(ContentLoader::byLocation).toList());
        }
        return new Content(
                articles,
                pages,
                authors,
                Breaking.load(siteDir, config.timeZone(), problems),
                OldAddress.load(siteDir, problems),
                EmbedStore.load(siteDir, config.timeZone(), problems));
    }

    private static int byLocation(Problem a, Problem b) {
        int byFile = String.valueOf(a.file()).compareTo(String.valueOf(b.file()));
        return byFile != 0 ? byFile : Integer.compare(a.line(), b.line());
    }

    private SourceCache.Listing discover(Path dir, boolean recursive, List<Problem> problems) {
        SourceCache.Listing listing = cache.listing(
                dir,
                () -> list(dir, recursive),
                (file, found) -> file.getFileName().toString().endsWith(".md")
                        && (recursive || dir.equals(file.getParent()))
                        && insideSite(file, found));
        problems.addAll(listing.problems());
        return listing;
    }

    private SourceCache.Listing list(Path dir, boolean recursive) {
        if (!Files.isDirectory(dir)) {
            return new SourceCache.Listing(List.of(), List.of());
        }
        List<Problem> problems = new ArrayList<>();
        // the walk's own attributes say what each entry is and give its stamp: no more calls per file
        // (100,000 articles: 300,000)
        Set<Path> links = new HashSet<>();
        Map<Path, String> stamps = new HashMap<>();
        try (Stream<Path> files = Files.find(dir, recursive ? Integer.MAX_VALUE : 1, (p, attributes) -> {
            if (!p.getFileName().toString().endsWith(".md")) {
                return false;
            }
            if (attributes.isRegularFile()) {
                stamps.put(p, Digests.stamp(attributes));
                return true;
            }
            return attributes.isSymbolicLink() && Files.isRegularFile(p) && links.add(p);
        })) {
            List<Path> found = files.sorted().toList();
            return new SourceCache.Listing(
                    found.stream()
                            .filter(file -> !links.contains(file) || insideSite(file, problems))
                            .toList(),
                    problems,
                    stamps);
        } catch (IOException | UncheckedIOException e) {
            return new SourceCache.Listing(
                    List.of(), List.of(Problem.of(siteDir.relativize(dir), "cannot list folder: " + e.getMessage())));
        }
    }

    /** A symbolic link may point anywhere on the machine; only files really inside the site are content. */
    private boolean insideSite(Path file, List<Problem> problems) {
        if (!Files.isSymbolicLink(file)) {
            return true;
        }
        try {
            if (file.toRealPath().startsWith(siteDir.toRealPath())) {
                return true;
            }
        } catch (IOException e) {
            // a dangling link: reported below like a link that leaves the site
        }
        problems.add(Problem.of(
                siteDir.relativize(file),
                "is a link to a file outside the site folder:" + " copy the file into the site instead"));
        return false;
    }

    private Article loadArticle(Path file, List<Problem> problems) {
        return load(file, problems, this::parseArticle);
    }

    private StaticPage loadPage(Path file, List<Problem> problems) {
        return load(file, problems, this::parsePage);
    }

    /** Parses one source file's text; problems go to the list it is given. */
    @FunctionalInterface
    private interface SourceParser<T> {
        T parse(Path shown, String text, List<Problem> problems);
    }

    /** Reads {@code file} and parses it; null (and the file's problems added) when anything is wrong. */
    private <T> T load(Path file, List<Problem> problems, SourceParser<T> parser) {
        Path shown = siteDir.relativize(file);
        List<Problem> local = new ArrayList<>();
        String text = SourceText.read(file, shown, local);
        T parsed = text == null ? null : guarded(shown, local, () -> parser.parse(shown, text, local));
        problems.addAll(local);
        return local.isEmpty() ? parsed : null;
    }

    /**
     * Parses one article from its bytes, exactly as a file of the site would be: strict UTF-8, front matter,
     * Markdown, sanitising. Problems are added; the result is null when there are any. Never throws.
     *
     * @param shown the file as named in problems, e.g. {@code articles/2024/06/x.md}
     */
    public Article article(Path shown, byte[] bytes, List<Problem> problems) {
        List<Problem> local = new ArrayList<>();
        String text = SourceText.decode(bytes, shown, local);
        Article article = text == null ? null : guarded(shown, local, () -> parseArticle(shown, text, local));
        problems.addAll(local);
        return local.isEmpty() ? article : null;
    }

    /**
     * Runs {@code parse}; anything it throws becomes a problem of {@code shown}, so one strange file can never
     * stop the others from being read and reported.
     */
    private static <T> T guarded(Path shown, List<Problem> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (StackOverflowError e) {
            problems.add(Problem.of(
                    shown, "is nested too deeply to read (lists, quotes or YAML inside each" + " other): flatten it"));
        } catch (RuntimeException e) {
            problems.add(Problem.of(
                    shown,
                    "could not be read because of an internal error (" + e
                            + "); please report it together with this file"));
        }
        return null;
    }

    private Article parseArticle(Path shown, String text, List<Problem> local) {
        FrontMatter front = FrontMatter.split(shown, text, local);
        if (front == null || !local.isEmpty()) {
            return null;
        }
        YamlMapping yaml = front.yaml();
        String title = requiredTitle(yaml);
        ZonedDateTime date = yaml.dateTime("date", config.timeZone());
        if (!yaml.has("date")) {
            yaml.problem("date", "'date' is required, e.g. date: 2024-06-20 or date: 2024-06-20T10:00:00+03:00");
        }
        ZonedDateTime updated = yaml.dateTime("updated", config.timeZone());
        List<String> authors = yaml.strings("author");
        if (authors.isEmpty() && !config.defaultAuthor().isBlank()) {
            authors = List.of(config.defaultAuthor());
        }
        String category = yaml.string("category");
        if (category != null && !category.isBlank() && Slugs.slugify(category).isEmpty()) {
            yaml.problem(
                    "category",
                    "'category' has no letters or digits, so it cannot have a page: '" + category
                            + "'; write the section's name, e.g. category: سياسة");
        }
        // "tags: اليمن، التجارة" is two tags: Arabic writers separate with the Arabic comma (or semicolon).
        List<String> tags = yaml.strings("tags").stream()
                .flatMap(tag -> Arrays.stream(tag.split("[،؛]")))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
        if (tags.size() > MAX_TAGS) {
            yaml.problem(
                    "tags",
                    "'tags' lists " + tags.size() + " tags; at most " + MAX_TAGS + " are allowed"
                            + " per article (every tag gets a page of its own): keep the few readers would browse by");
        }
        String slug = slug(yaml, title);
        String image = imageReference(yaml);
        boolean draft = yaml.bool("draft", false);
        boolean featured = yaml.bool("featured", false);
        String summary = yaml.string("summary", "");
        String dateline = yaml.string("dateline", "");
        String source = yaml.string("source", "");
        String imageAlt = yaml.string("image_alt", "");
        String imageCaption = yaml.string("image_caption", "");
        checkAliases(yaml);
        Editorial editorial =
                Editorial.read(yaml, config.timeZone(), Editorial.defaultKind(config.params(), category), date);
        if (!local.isEmpty()) {
            return null;
        }
        Editorial.LiveBody live = editorial.live() == null ? null : Editorial.split(front.body(), date, markdown);
        MarkdownRenderer.Rendered body = render(
                shown,
                live == null ? front : new FrontMatter(front.yaml(), live.intro(), front.bodyFirstLine()),
                local);
        if (body == null) {
            return null;
        }
        if (live != null) {
            editorial = editorial.withEntries(live.entries());
        }
        return new Article(
                shown,
                title,
                date,
                updated,
                authors,
                category == null || category.isBlank() ? null : category,
                tags,
                summaryOrLead(summary, body),
                image,
                imageAlt,
                imageCaption,
                slug,
                dateline,
                source,
                draft,
                featured,
                yaml.params(),
                body.html(),
                body.text(),
                editorial);
    }

    private StaticPage parsePage(Path shown, String text, List<Problem> local) {
        FrontMatter front = FrontMatter.split(shown, text, local);
        if (front == null || !local.isEmpty()) {
            return null;
        }
        String title = requiredTitle(front.yaml());
        String slug = slug(front.yaml(), title);
        String summary = front.yaml().string("summary", "");
        front.yaml().bool("draft", false); // checked like an article's; the model leaves drafts out
        ZonedDateTime date = front.yaml().dateTime("date", config.timeZone()); // optional: embargoes the page
        checkAliases(front.yaml());
        if (!local.isEmpty()) {
            return null;
        }
        MarkdownRenderer.Rendered body = render(shown, front, local);
        if (body == null) {
            return null;
        }
        return new StaticPage(
                shown,
                title,
                slug,
                summaryOrLead(summary, body),
                body.html(),
                front.yaml().params(),
                date);
    }

    /** Every {@code aliases} path entry must be a portable site path Midad does not write itself. */
    private static void checkAliases(YamlMapping yaml) {
        Object aliases = yaml.values().get("aliases");
        List<?> entries = aliases instanceof List<?> list ? list : aliases == null ? List.of() : List.of(aliases);
        for (Object entry : entries) {
            String alias = String.valueOf(entry).strip();
            if (alias.contains("?")) {
                continue; // a /?p=123 rule, checked with the redirects
            }
            AliasPaths.Checked checked = AliasPaths.path(alias);
            if (!checked.ok()) {
                yaml.problem(
                        "aliases",
                        "'aliases' entry '" + VisibleText.of(alias) + "' " + checked.problem()
                                + ": remove it or write the old address, e.g. /2019/05/old-slug/");
            }
        }
    }

    /** The summary written in front matter, else the lead paragraph cut at a word boundary. */
    private String summaryOrLead(String summary, MarkdownRenderer.Rendered body) {
        return summary.isBlank() ? Excerpts.summary(body.firstParagraph(), config.locale()) : summary;
    }

    /** The body rendered, or null after a problem when it nests too deeply to render safely. */
    private MarkdownRenderer.Rendered render(Path shown, FrontMatter front, List<Problem> local) {
        try {
            MarkdownRenderer.Rendered rendered = markdown.render(front.body(), front.bodyFirstLine());
            for (MarkdownRenderer.Mistake mistake : rendered.mistakes()) { // e.g. a gallery line that is no image
                local.add(Problem.at(shown, mistake.line(), mistake.message()));
            }
            return rendered;
        } catch (MarkdownRenderer.TooDeepException e) {
            local.add(Problem.at(
                    shown,
                    e.line() > 0 ? front.bodyFirstLine() + e.line() - 1 : front.bodyFirstLine(),
                    "lists, quotes or emphasis are nested more than " + MarkdownRenderer.MAX_NESTING
                            + " levels deep here; no article needs that many: flatten them (often a"
                            + " pasted or converted text where every line starts with more '>' or '-')"));
            return null;
        }
    }

    private static String requiredTitle(YamlMapping yaml) {
        String title = yaml.string("title");
        if (title == null && yaml.has("title")) {
            return ""; // a value of the wrong type, already reported
        }
        if (title == null || title.isBlank()) {
            yaml.problem("title", "'title' is required and may not be empty, e.g. title: عنوان الخبر");
            return "";
        }
        return title;
    }

    private static String slug(YamlMapping yaml, String title) {
        String written = yaml.string("slug");
        String slug = Slugs.slugify(written != null ? written : title);
        if (slug.isEmpty() && (written != null || !title.isEmpty())) {
            yaml.problem(
                    written != null ? "slug" : "title",
                    "no usable slug: "
                            + (written != null ? "'slug'" : "the title") + " has no letters or digits; set slug: to a"
                            + " few words, e.g. slug: زيارة-بوتين");
        }
        return slug;
    }

    /** Lead image: a site path (/images/x.jpg), a relative path, or an http(s) URL; nothing else. */
    private static String imageReference(YamlMapping yaml) {
        String image = yaml.string("image", "");
        String lower = image.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains(":") && !(lower.startsWith("http://") || lower.startsWith("https://"))) {
            yaml.problem(
                    "image", "'image' must be a path such as /images/photo.jpg or an http(s) URL, not '" + image + "'");
            return "";
        }
        return image;
    }
}
