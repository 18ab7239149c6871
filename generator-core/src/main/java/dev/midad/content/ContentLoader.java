package dev.midad.content;

import dev.midad.Problem;
import dev.midad.config.SiteConfig;
import dev.midad.model.Slugs;
import dev.midad.yaml.YamlMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Discovers {@code articles/**.md} and {@code pages/*.md} under a site folder and parses them in parallel.
 * Problems from every file are collected; a file with problems yields no article.
 */
public final class ContentLoader {
    public static final String ARTICLES = "articles";
    public static final String PAGES = "pages";

    private final Path siteDir;
    private final SiteConfig config;
    private final MarkdownRenderer markdown;

    public ContentLoader(Path siteDir, SiteConfig config, MarkdownRenderer markdown) {
        this.siteDir = siteDir;
        this.config = config;
        this.markdown = markdown;
    }

    /** Everything the site's content folders hold. */
    public record Content(List<Article> articles, List<StaticPage> pages) {
    }

    public Content load(List<Problem> problems) {
        List<Problem> found = Collections.synchronizedList(new ArrayList<>());
        List<Article> articles = discover(siteDir.resolve(ARTICLES), true, found).parallelStream()
                .map(file -> loadArticle(file, found))
                .filter(Objects::nonNull)
                .toList();
        List<StaticPage> pages = discover(siteDir.resolve(PAGES), false, found).parallelStream()
                .map(file -> loadPage(file, found))
                .filter(Objects::nonNull)
                .toList();
        synchronized (found) {
            problems.addAll(found.stream().sorted(ContentLoader::byLocation).toList());
        }
        return new Content(articles, pages);
    }

    private static int byLocation(Problem a, Problem b) {
        int byFile = String.valueOf(a.file()).compareTo(String.valueOf(b.file()));
        return byFile != 0 ? byFile : Integer.compare(a.line(), b.line());
    }

    private List<Path> discover(Path dir, boolean recursive, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.of(siteDir.relativize(dir), "cannot list folder: " + e.getMessage()));
            return List.of();
        }
    }

    private Article loadArticle(Path file, List<Problem> problems) {
        Path shown = siteDir.relativize(file);
        List<Problem> local = new ArrayList<>();
        String text = SourceText.read(file, shown, local);
        FrontMatter front = text == null ? null : FrontMatter.split(shown, text, local);
        if (front == null || !local.isEmpty()) {
            problems.addAll(local);
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
        List<String> tags = yaml.strings("tags").stream().distinct().toList();
        String slug = slug(yaml, title);
        String image = imageReference(yaml);
        boolean draft = yaml.bool("draft", false);
        boolean featured = yaml.bool("featured", false);
        String summary = yaml.string("summary", "");
        String dateline = yaml.string("dateline", "");
        String source = yaml.string("source", "");
        String imageAlt = yaml.string("image_alt", "");
        String imageCaption = yaml.string("image_caption", "");
        if (!local.isEmpty()) {
            problems.addAll(local);
            return null;
        }
        MarkdownRenderer.Rendered body = markdown.render(front.body());
        if (summary.isBlank()) {
            summary = Excerpts.summary(body.firstParagraph(), config.locale());
        }
        return new Article(shown, title, date, updated, authors, category == null || category.isBlank() ? null
                : category, tags, summary, image, imageAlt, imageCaption, slug, dateline, source, draft, featured,
                yaml.values(), body.html(), body.text());
    }

    private StaticPage loadPage(Path file, List<Problem> problems) {
        Path shown = siteDir.relativize(file);
        List<Problem> local = new ArrayList<>();
        String text = SourceText.read(file, shown, local);
        FrontMatter front = text == null ? null : FrontMatter.split(shown, text, local);
        if (front == null || !local.isEmpty()) {
            problems.addAll(local);
            return null;
        }
        String title = requiredTitle(front.yaml());
        String slug = slug(front.yaml(), title);
        String summary = front.yaml().string("summary", "");
        if (!local.isEmpty()) {
            problems.addAll(local);
            return null;
        }
        MarkdownRenderer.Rendered body = markdown.render(front.body());
        if (summary.isBlank()) {
            summary = Excerpts.summary(body.firstParagraph(), config.locale());
        }
        return new StaticPage(shown, title, slug, summary, body.html());
    }

    private static String requiredTitle(YamlMapping yaml) {
        String title = yaml.string("title");
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
            yaml.problem(written != null ? "slug" : "title", "no usable slug: "
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
            yaml.problem("image", "'image' must be a path such as /images/photo.jpg or an http(s) URL, not '"
                    + image + "'");
            return "";
        }
        return image;
    }
}
