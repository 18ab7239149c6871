package dev.midad;

import dev.midad.check.AuthorsWithoutProfile;
import dev.midad.check.BodyLinks;
import dev.midad.check.EmbedWarnings;
import dev.midad.check.KeyLines;
import dev.midad.check.KeyTypos;
import dev.midad.check.LinkChecker;
import dev.midad.check.MovedAddresses;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.SourceCache;
import dev.midad.i18n.Messages;
import dev.midad.image.ImagePipeline;
import dev.midad.image.ImageSettings;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.model.EditionLink;
import dev.midad.model.SiteModel;
import dev.midad.model.Translation;
import dev.midad.model.build.Dates;
import dev.midad.model.build.SiteModelBuilder;
import dev.midad.output.BuiltInOutput;
import dev.midad.output.OutputRegistry;
import dev.midad.problem.Problem;
import dev.midad.publish.Pings;
import dev.midad.render.RenderMemo;
import dev.midad.render.SiteRenderer;
import dev.midad.render.TemplateFunctions;
import dev.midad.render.Templates;
import dev.midad.search.SearchIndex;
import dev.midad.search.SearchMemory;
import dev.midad.text.Spill;
import dev.midad.text.UrlPaths;
import dev.midad.write.Manifest;
import dev.midad.write.SiteOutput;
import dev.midad.write.StagedOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A loaded site: configuration and content, validated and resolved, ready to build.
 *
 * <pre>{@code
 * BuildResult result = Site.load(Path.of("content")).build(Path.of("target/site"));
 * }</pre>
 *
 * <p>Data flow: discover and parse content ({@link ContentLoader}) → site model ({@link SiteModelBuilder}) →
 * render every output format ({@link SiteRenderer}) → write atomically ({@link StagedOutput}).
 *
 * <p>Longer than 400 lines on purpose: it is the API's one entry point, and what it holds (loading every
 * edition with its translations, building, checking) is the sequence of the stages; the work is in the stages.
 */
public final class Site {
    static final String TEMPLATES = "templates";
    static final String STATIC = "static";
    static final String EDITIONS = "editions";

    /** One edition of the site, loaded: the main one at the root, others under their path. */
    private record Edition(
            SiteConfig config,
            String filePrefix,
            Messages messages,
            SiteModelBuilder builder,
            SiteModel model,
            Set<String> drafts) {}

    private final Path siteDir;
    private final List<Edition> editions;
    private final OutputRegistry outputs;
    private final BuildListener listener;
    private final long loadNanos;
    private final Reusable reusable;
    private final int draftsLeftOut;

    private Site(
            Path siteDir,
            List<Edition> editions,
            OutputRegistry outputs,
            BuildListener listener,
            long loadNanos,
            Reusable reusable,
            int draftsLeftOut) {
        this.siteDir = siteDir;
        this.draftsLeftOut = draftsLeftOut;
        this.editions = List.copyOf(editions);
        this.outputs = outputs;
        this.listener = listener;
        this.loadNanos = loadNanos;
        this.reusable = reusable;
    }

    /**
     * What one load and build leave for the next in the same JVM (see {@link IncrementalBuilder}); each part is
     * dropped when what it depends on changes. A one-off build starts from an empty one and drops it.
     */
    static final class Reusable {
        /** The main site.yaml these parts were made for: any change there drops everything. */
        private SiteConfig config;
        /** Parsed files per edition (depend on the configuration only). */
        private final List<SourceCache> sources = new ArrayList<>();
        /** Messages and model builders per edition (also depend on templates/i18n and static/ files). */
        private List<Messages> messages;

        private List<SiteModelBuilder> builders;
        /** Resized images and social cards (depends on static/ files and the configuration). */
        private ImagePipeline images;
        /** Where the preview encodes images without holding up a build (null: during the build), and what then. */
        private java.util.concurrent.Executor imageEncoder;

        private Runnable imagesReady;

        /** Encodes images missing from the cache on {@code encoder}, running {@code ready} when they are in. */
        void encodeImagesOn(java.util.concurrent.Executor encoder, Runnable ready) {
            imageEncoder = encoder;
            imagesReady = ready;
        }
        /** Parsed templates and what each file was rendered from (depend on templates/). */
        private Templates templates;

        private RenderMemo memo;

        /** Where a one-off build of a large archive moves packed bodies until they are used, or null. */
        private Spill spill;

        /** This build moved its bodies to the spill: the heap is short, so the search index waits for the pages. */
        private boolean bodiesSpilled;

        /** Moves packed bodies to {@code to} when the archive's are more than it allows on the heap. */
        void spillTo(Spill to) {
            spill = to;
        }

        /**
         * The templates are the ones a build in another JVM checked (the build cache's model key covers them):
         * they are not parsed again up front, only those of outputs that change, when they render.
         */
        private boolean templatesChecked;

        /** Templates (or their message bundles) changed. */
        void templatesChanged() {
            templates = null;
            templatesChecked = false;
            staticChanged();
        }

        /**
         * Files under static/ changed: image sizes and existence checks are stale, and so may be pages whose data
         * do not show them (AMP markup carries body images' sizes): everything is rendered again.
         */
        void staticChanged() {
            messages = null;
            builders = null;
            memo = null;
            search = null;
            coming = null;
        }

        /** @param complete nothing else under the content folders changed (see {@link SourceCache#forget}) */
        void forget(Collection<Path> files, boolean complete) {
            sources.forEach(cache -> cache.forget(files, complete));
        }

        private void configIs(SiteConfig main, int editionCount) {
            if (!main.equals(config)) {
                config = main;
                sources.clear();
                templatesChanged();
            }
            while (sources.size() < editionCount) {
                sources.add(new SourceCache());
            }
        }

        void forgetRenders() {
            memo = null;
            search = null;
            coming = null;
        }

        /** Memories of another JVM's builders, handed to the builders the next load makes (see {@link CachedBuilder}). */
        private List<SiteModelBuilder.Memory> restoring;

        /**
         * Starts from what a build in another JVM saved: its parsed files (valid for {@code main}), and when
         * {@code memories} is not null its model builders' memories; when {@code renders} is not null, the
         * render memo and search memory it is making (taken when first asked, unless forgotten before).
         */
        void restore(
                SiteConfig main,
                List<SourceCache> saved,
                List<SiteModelBuilder.Memory> memories,
                java.util.concurrent.Future<Renders> renders) {
            config = main;
            sources.clear();
            sources.addAll(saved);
            restoring = memories;
            memo = null;
            search = null;
            coming = renders;
            templatesChecked = memories != null;
        }

        /** The render memo and search memory being restored, until taken (see {@link #restore}). */
        private java.util.concurrent.Future<Renders> coming;

        /** Takes what is being restored, if anything (it is ready, or this waits for it). */
        private void arrive() {
            java.util.concurrent.Future<Renders> pending = coming;
            if (pending != null) {
                coming = null;
                try {
                    Renders renders = Tasks.joined(pending);
                    memo = renders.memo();
                    search = renders.search();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        List<SourceCache> sources() {
            return List.copyOf(sources);
        }

        List<SiteModelBuilder.Memory> memories() {
            return builders == null
                    ? List.of()
                    : builders.stream().map(SiteModelBuilder::memory).toList();
        }

        /** Articles the model builders resolved afresh in the last build (the others reused their view). */
        int resolvedAfresh() {
            return builders == null
                    ? 0
                    : builders.stream()
                            .mapToInt(SiteModelBuilder::resolvedAfresh)
                            .sum();
        }

        RenderMemo memo() {
            arrive();
            if (memo == null) {
                memo = new RenderMemo();
            }
            return memo;
        }

        /** What the search index of each edition was last published from (goes with the render memo). */
        private SearchMemory search;

        SearchMemory search() {
            arrive();
            if (search == null) {
                search = new SearchMemory();
            }
            return search;
        }
    }

    /** What a build in another JVM knew of the outputs it wrote: the render memo and the search indexes. */
    record Renders(RenderMemo memo, SearchMemory search) {}

    public static Site load(Path siteDir) throws BuildException {
        return load(siteDir, BuildOptions.defaults());
    }

    /** Reads site.yaml and all content of every edition; every problem found is reported together. */
    public static Site load(Path siteDir, BuildOptions options) throws BuildException {
        return load(siteDir, options, new Reusable());
    }

    /** As {@link #load(Path, BuildOptions)}, reusing what an earlier load and build left in {@code reusable}. */
    static Site load(Path siteDir, BuildOptions options, Reusable reusable) throws BuildException {
        long start = System.nanoTime();
        FileNameEncoding.check();
        Path dir = siteDir.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        SiteConfig main = SiteConfigLoader.load(dir, problems);
        if (main == null) {
            throw new BuildException(problems);
        }
        OutputRegistry outputs = OutputRegistry.of(main, problems);
        Pings.read(main.params(), problems); // sent after a build by CachedBuilder; checked with the rest here
        if (!problems.isEmpty()) {
            throw new BuildException(problems);
        }
        List<SiteConfig> configs = new ArrayList<>(List.of(main));
        List<String> prefixes = new ArrayList<>(List.of(""));
        for (SiteConfig.Edition edition : main.editions()) {
            configs.add(main.forEdition(edition));
            prefixes.add(edition.path() + "/");
        }
        String rootUrl = main.basePath() + "/";
        reusable.configIs(main, configs.size());
        KeyTypos.inSiteConfig(dir).forEach(options.listener()::warning);
        try {
            List<ContentLoader.Content> contents = new ArrayList<>();
            List<SiteModelBuilder> builders = new ArrayList<>();
            List<Messages> messages = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                SiteConfig config = configs.get(i);
                Path contentDir = i == 0 ? dir : dir.resolve(EDITIONS).resolve(prefixes.get(i));
                List<Problem> found = new ArrayList<>();
                contents.add(
                        new ContentLoader(contentDir, config, new MarkdownRenderer(config), reusable.sources.get(i))
                                .load(found));
                Path shownAs = dir.relativize(contentDir);
                found.forEach(p -> problems.add(new Problem(
                        p.file() == null ? shownAs : shownAs.resolve(p.file()), p.line(), p.column(), p.message())));
                KeyTypos.inContent(contentDir, shownAs, contents.get(i)).forEach(options.listener()::warning);
                EmbedWarnings.of(contentDir, shownAs, contents.get(i)).forEach(options.listener()::warning);
                if (reusable.builders == null) {
                    if (i == 0) {
                        reusable.images = ImagePipeline.create(
                                ImageSettings.from(main.params().get("images"), dir, problems), dir.resolve(STATIC));
                    }
                    Messages bundle = Messages.load(
                            Templates.THEME_ROOT,
                            dir.resolve(TEMPLATES),
                            config.language(),
                            config.strings(),
                            Dates.digits(config.digits()));
                    messages.add(bundle);
                    SiteModelBuilder builder = new SiteModelBuilder(
                            config, dir.resolve(STATIC), bundle, rootUrl, editionLinks(configs, i), reusable.images);
                    if (reusable.restoring != null && i < reusable.restoring.size()) {
                        builder.restore(reusable.restoring.get(i));
                    }
                    builders.add(builder);
                }
            }
            if (reusable.builders == null) {
                reusable.messages = List.copyOf(messages);
                reusable.builders = List.copyOf(builders);
                reusable.restoring = null;
            }
            messages = reusable.messages;
            builders = reusable.builders;
            boolean spilling = reusable.spill != null && spill(reusable.spill, contents);
            reusable.bodiesSpilled = spilling;
            options.listener()
                    .phase(
                            "read",
                            contents.stream()
                                    .mapToInt(
                                            c -> c.articles().size() + c.pages().size())
                                    .sum(),
                            Duration.ofNanos(System.nanoTime() - start));
            long modelStart = System.nanoTime();
            Map<String, List<Translation>> translations = new HashMap<>();
            for (int i = 0; i < configs.size(); i++) {
                for (Article article : builders.get(i).published(contents.get(i), options)) {
                    String key = builders.get(i).translationKeyOf(article);
                    if (key != null) {
                        translations
                                .computeIfAbsent(key, k -> new ArrayList<>())
                                .add(builders.get(i).translation(article));
                    }
                }
            }
            int draftsLeftOut = options.includeDrafts()
                    ? 0
                    : contents.stream()
                            .mapToInt(c -> (int)
                                    c.articles().stream().filter(Article::draft).count())
                            .sum();
            List<Edition> editions = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                int before = problems.size();
                SiteModel model = builders.get(i).build(contents.get(i), options, translations, problems);
                Path contentDir = i == 0 ? dir : dir.resolve(EDITIONS).resolve(prefixes.get(i));
                for (int p = before; p < problems.size(); p++) {
                    problems.set(p, KeyLines.located(problems.get(p), contentDir));
                }
                Set<String> drafts = contents.get(i).articles().stream()
                        .filter(Article::draft) // never searchable
                        .map(a -> a.source().toString().replace('\\', '/'))
                        .collect(Collectors.toSet());
                editions.add(
                        new Edition(configs.get(i), prefixes.get(i), messages.get(i), builders.get(i), model, drafts));
            }
            if (!problems.isEmpty()) {
                throw new BuildException(problems);
            }
            if (spilling) {
                editions.forEach(edition -> edition.model()
                        .articles()
                        .forEach(view -> view.content().spillTo(reusable.spill)));
            }
            options.listener()
                    .phase(
                            "model",
                            editions.stream()
                                    .mapToInt(e -> e.model().articles().size())
                                    .sum(),
                            Duration.ofNanos(System.nanoTime() - modelStart));
            return new Site(
                    dir, editions, outputs, options.listener(), System.nanoTime() - start, reusable, draftsLeftOut);
        } catch (IOException e) {
            throw new BuildException("cannot read the theme's message bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Moves the articles' packed bodies to {@code spill} when they and the pages' bodies to come (about as
     * large) are more than it allows on the heap; returns whether it did, so that the pages' bodies follow.
     */
    private static boolean spill(Spill spill, List<ContentLoader.Content> contents) {
        long held = contents.stream()
                .flatMap(content -> content.articles().stream())
                .mapToLong(article -> article.body().heldLength())
                .sum();
        if (!spill.tooMuch(2 * held)) {
            return false;
        }
        contents.forEach(
                content -> content.articles().forEach(article -> article.body().spillTo(spill)));
        return true;
    }

    /** Links to every edition as seen from edition {@code current}; empty for a single-language site. */
    private static List<EditionLink> editionLinks(List<SiteConfig> configs, int current) {
        if (configs.size() < 2) {
            return List.of();
        }
        List<EditionLink> links = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            SiteConfig config = configs.get(i);
            Locale language = Locale.forLanguageTag(config.language());
            String url = config.basePath() + "/";
            String name = language.getDisplayLanguage(language);
            name = name.isEmpty() ? config.language() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
            links.add(new EditionLink(
                    config.language(),
                    config.direction(),
                    name,
                    url,
                    config.baseUrl().toString(),
                    i == current));
        }
        return links;
    }

    /** The main edition's settings. */
    public SiteConfig config() {
        return editions.get(0).config();
    }

    /** The main edition's model. */
    public SiteModel model() {
        return editions.get(0).model();
    }

    /**
     * Renders the site into {@code outputDir}. The new site replaces the old one only if everything
     * succeeded; on failure the previous output is left as it was.
     */
    public BuildResult build(Path outputDir) throws BuildException {
        Path out = outputDir.toAbsolutePath().normalize();
        BuildResult result = publish(out);
        List<MovedAddresses.Published> published = published();
        MovedAddresses.warnings(MovedAddresses.previous(out), published, redirected())
                .forEach(listener::warning);
        MovedAddresses.save(out, published);
        // the links editors wrote: named by Markdown file and line (check also covers the theme's links)
        try {
            BodyLinks.check(new LinkChecker(out, config().baseUrl()), bodies(), config().basePath())
                    .forEach(broken -> listener.warning(broken.problem()));
        } catch (UncheckedIOException e) {
            listener.warning(Problem.of(null, "links were not checked: " + e.getMessage()));
        }
        return result;
    }

    private BuildResult publish(Path out) throws BuildException {
        checkOutputLocation(out);
        try (StagedOutput staged = new StagedOutput(out)) {
            return build(out, staged, RenderMemo.none(), () -> {}, null).result();
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot write the site to " + out + ": " + e.getMessage(), e);
        }
    }

    /** The folder an edition's articles/ and pages/ sit in. */
    private Path contentDir(Edition edition) {
        return edition.filePrefix().isEmpty()
                ? siteDir
                : siteDir.resolve(EDITIONS).resolve(edition.filePrefix());
    }

    /** Every article and page body as published, with its Markdown file (see {@link BodyLinks}). */
    private List<BodyLinks.Body> bodies() {
        List<BodyLinks.Body> bodies = new ArrayList<>();
        String basePath = config().basePath();
        for (Edition edition : editions) {
            Path contentDir = contentDir(edition);
            for (var article : edition.model().articles()) {
                bodies.add(body(contentDir, article.sourcePath(), article.url(), article.contentHtml(), basePath));
            }
            for (var page : edition.model().pages()) {
                bodies.add(body(contentDir, page.sourcePath(), page.url(), page.contentHtml(), basePath));
            }
        }
        return bodies;
    }

    /**
     * Articles whose address differs from the last build into the default output folder (where the CLI and
     * Maven publish) with nothing redirecting from the old one; {@code check} and the live preview warn.
     */
    List<Problem> movedSincePublished() {
        return movedSince(MovedAddresses.previous(publishedOutput()));
    }

    /** {@link #movedSincePublished} against addresses already read ({@link MovedAddresses.Remembered}). */
    List<Problem> movedSince(Map<String, String> previous) {
        return previous.isEmpty() ? List.of() : MovedAddresses.warnings(previous, published(), redirected());
    }

    /** The default output folder, where the CLI and Maven publish. */
    Path publishedOutput() {
        return siteDir.resolve("target/site");
    }

    /** Every published article's address by Markdown file (see {@link MovedAddresses}). */
    private List<MovedAddresses.Published> published() {
        List<MovedAddresses.Published> published = new ArrayList<>();
        String basePath = config().basePath();
        for (Edition edition : editions) {
            Path contentDir = contentDir(edition);
            for (var article : edition.model().articles()) {
                Object aliases = article.params().get("aliases");
                List<?> written =
                        aliases instanceof List<?> list ? list : aliases == null ? List.of() : List.of(aliases);
                published.add(new MovedAddresses.Published(
                        siteDir.relativize(contentDir.resolve(article.sourcePath()))
                                .toString()
                                .replace('\\', '/'),
                        UrlPaths.decode(article.url(), basePath),
                        written.stream().map(String::valueOf).toList()));
            }
        }
        return published;
    }

    /** The decoded old paths the site redirects from. */
    private java.util.Set<String> redirected() {
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (Edition edition : editions) {
            edition.model().redirects().forEach(r -> paths.add(r.fromPath()));
        }
        return paths;
    }

    private BodyLinks.Body body(Path contentDir, String source, String url, String html, String basePath) {
        Path file = contentDir.resolve(source);
        return new BodyLinks.Body(
                siteDir.relativize(file), file, "/" + UrlPaths.toFile(UrlPaths.decode(url, basePath)), html);
    }

    /** A published build: its result, what it wrote and how many files it really rendered. */
    record Built(BuildResult result, Manifest manifest, int rendered) {}

    /**
     * Renders every edition into {@code output} (skipping files {@code round} knows to be unchanged) and
     * commits it when nothing went wrong.
     */
    Built build(Path out, SiteOutput output, RenderMemo.Round round) throws BuildException, IOException {
        return build(out, output, round, () -> {});
    }

    /** Something to do just before the output folder changes. */
    interface BeforeCommit {
        void run() throws IOException;
    }

    /** As {@link #build(Path, SiteOutput, RenderMemo.Round)}, running {@code beforeCommit} just before publishing. */
    Built build(Path out, SiteOutput output, RenderMemo.Round round, BeforeCommit beforeCommit)
            throws BuildException, IOException {
        return build(out, output, round, beforeCommit, reusable.search());
    }

    /** @param search what the search indexes were last written from, or null: written whole, not remembered */
    private Built build(
            Path out, SiteOutput output, RenderMemo.Round round, BeforeCommit beforeCommit, SearchMemory search)
            throws BuildException, IOException {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        for (Edition edition : editions) {
            String base = edition.config().baseUrl().toString();
            sitemaps.add(base + "sitemap.xml");
            if (!SiteRenderer.newsArticles(edition.model()).isEmpty()) {
                sitemaps.add(base + "news-sitemap.xml");
            }
        }
        if (reusable.templates == null) {
            reusable.templates = new Templates(siteDir.resolve(TEMPLATES));
        }
        Templates shared = reusable.templates;
        List<Templates.View> templates = new ArrayList<>();
        for (Edition edition : editions) {
            SiteConfig config = edition.config();
            templates.add(shared.view(
                    config.locale(),
                    TemplateFunctions.of(
                            edition.messages(),
                            config.direction().equals("rtl"),
                            config.language(),
                            config.digits(),
                            edition.model().now())));
        }
        if (!reusable.templatesChecked) {
            shared.check(outputs.checkDeclaredTemplates(shared::exists, problems), problems);
        }
        if (!problems.isEmpty()) {
            throw new BuildException(problems);
        }
        // images (a new article's card drawn, every copy claimed) go into the output beside the render
        List<Problem> imageProblems = new ArrayList<>();
        java.util.concurrent.FutureTask<ImagePipeline.Report> images =
                new java.util.concurrent.FutureTask<>(() -> writeImages(output, imageProblems));
        Tasks.startBeside(images, "midad-images");
        int articles = 0;
        int pages = 0;
        int feeds = 0;
        try {
            for (int i = 0; i < editions.size(); i++) {
                Edition edition = editions.get(i);
                SiteRenderer.Placement placement = i == 0
                        ? SiteRenderer.Placement.root(sitemaps)
                        : new SiteRenderer.Placement(false, edition.filePrefix(), List.of());
                // the search index is written on a thread of its own while the pages render: it is one serial
                // pass over every article, and the render keeps both cores busy around it. A large archive's (its
                // bodies were moved to disk) waits for the pages: its postings and theirs would not fit together in
                // a 2 GiB heap, and with a larger one writing it beside them was measured no faster
                boolean beside = !reusable.bodiesSpilled;
                List<Problem> searchProblems = new ArrayList<>();
                java.util.concurrent.FutureTask<Integer> index = outputs.has(BuiltInOutput.SEARCH_PAGE)
                        ? new java.util.concurrent.FutureTask<>(() -> SearchIndex.write(
                                edition.model().articles().stream()
                                        .filter(a -> !edition.drafts().contains(a.sourcePath()))
                                        .toList(),
                                edition.filePrefix(),
                                output,
                                searchProblems,
                                round,
                                search))
                        : null;
                if (index != null && beside) {
                    Tasks.startBeside(index, "midad-search-index");
                }
                SiteRenderer.Counts counts;
                try {
                    counts = new SiteRenderer(
                                    edition.model(),
                                    edition.builder().links(),
                                    outputs,
                                    templates.get(i),
                                    edition.messages(),
                                    placement,
                                    round)
                            .render(output, problems);
                } catch (RuntimeException | Error e) {
                    try {
                        if (index != null && beside) {
                            Tasks.joined(index); // a failed render leaves no indexer writing into the output
                        }
                    } catch (IOException | RuntimeException | Error suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
                if (index != null) {
                    if (!beside) {
                        index.run();
                    }
                    Tasks.joined(index);
                }
                problems.addAll(searchProblems);
                articles += counts.articles();
                pages += counts.pages();
                feeds += counts.feeds();
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Tasks.joined(images); // a failed render leaves no image writer in the output either
            } catch (IOException | RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        ImagePipeline.Report imagesWritten = Tasks.joined(images);
        problems.addAll(imageProblems);
        copyAssets(output, problems);
        if (!problems.isEmpty()) {
            throw new BuildException(problems);
        }
        listener.phase("images", imagesWritten.encoded(), Duration.ofNanos(imagesWritten.nanos()));
        listener.phase("render", output.fileCount(), Duration.ofNanos(System.nanoTime() - start));
        long writeStart = System.nanoTime();
        beforeCommit.run();
        output.commit();
        if (search != null) {
            search.commit();
        }
        listener.phase("write", output.fileCount(), Duration.ofNanos(System.nanoTime() - writeStart));
        warnings().forEach(listener::warning);
        return new Built(
                new BuildResult(
                        out,
                        articles,
                        draftsLeftOut,
                        pages,
                        feeds,
                        output.fileCount(),
                        output.unchangedCount(),
                        Duration.ofNanos(System.nanoTime() - start + loadNanos)),
                output.manifest(),
                round.renderedCount());
    }

    /** What is not wrong enough to stop a build but worth fixing (images, headlines); stable order. */
    public List<Problem> warnings() {
        return reusable.images.warnings();
    }

    /** Resized images and social cards into the output: encoded when the cache lacks them, else copied. */
    private ImagePipeline.Report writeImages(SiteOutput output, List<Problem> problems) throws IOException {
        return reusable.images.write(
                new ImagePipeline.Sink() {
                    @Override
                    public void copy(Path source, String file) throws IOException {
                        try {
                            output.copy(source, file, "images");
                        } catch (SiteOutput.CollisionException e) {
                            collision(e);
                        }
                    }

                    @Override
                    public void cached(Path entry, String sha256, String file) throws IOException {
                        try {
                            output.copyImmutable(entry, sha256, file, "images");
                        } catch (SiteOutput.CollisionException e) {
                            collision(e);
                        }
                    }

                    private void collision(SiteOutput.CollisionException e) {
                        synchronized (problems) {
                            problems.add(e.problem());
                        }
                    }
                },
                reusable.imageEncoder,
                reusable.imagesReady);
    }

    /**
     * Validates the site without publishing it: renders into a temporary folder, checks every internal link,
     * image and anchor there, and deletes the folder. Content and template problems surface as a
     * {@link BuildException} from {@link #load} or here; broken links are returned.
     */
    public List<Problem> check() throws BuildException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("midad-check-");
        } catch (IOException e) {
            throw new BuildException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        Path out = scratch.resolve("site");
        try {
            publish(out);
            movedSincePublished().forEach(listener::warning);
            for (Edition edition : editions) {
                Path contentDir = contentDir(edition);
                AuthorsWithoutProfile.of(edition.model(), contentDir, siteDir.relativize(contentDir))
                        .forEach(listener::warning);
            }
            LinkChecker checker = new LinkChecker(out, config().baseUrl());
            List<BodyLinks.Broken> inBodies = BodyLinks.check(checker, bodies(), config().basePath());
            List<Problem> broken = new ArrayList<>(
                    inBodies.stream().map(BodyLinks.Broken::problem).toList());
            // the same links as the output pages (and their AMP versions) show them: already named by source
            for (Problem problem : checker.check()) {
                String page = "/" + String.valueOf(problem.file()).replace('\\', '/');
                boolean shown = inBodies.stream()
                        .anyMatch(b -> (page.equals(b.body().pagePath())
                                        || page.equals(
                                                b.body().pagePath().replaceFirst("index\\.html$", "amp/index.html")))
                                && problem.message().contains("=\"" + b.target() + "\":"));
                if (!shown) {
                    broken.add(problem);
                }
            }
            return broken;
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot check links: " + e.getMessage(), e);
        } finally {
            try {
                StagedOutput.deleteTree(scratch);
            } catch (IOException ignored) {
                // a leftover temporary folder is harmless
            }
        }
    }

    void checkOutputLocation(Path out) throws BuildException {
        for (Path protectedDir : List.of(
                siteDir.resolve("articles"),
                siteDir.resolve("pages"),
                siteDir.resolve(STATIC),
                siteDir.resolve(TEMPLATES))) {
            if (out.startsWith(protectedDir)) {
                throw new BuildException(Problem.of(
                        out,
                        "the output folder may not be inside the site's " + protectedDir.getFileName()
                                + "/ folder: choose e.g. target/site"));
            }
        }
        if (siteDir.startsWith(out)) {
            throw new BuildException(Problem.of(
                    out,
                    "the output folder may not be the site folder or contain it:"
                            + " building would replace the content; choose e.g. target/site"));
        }
    }

    /** Theme assets (overridable by the site's templates/), then the site's static/ files. */
    private void copyAssets(SiteOutput staged, List<Problem> problems) throws IOException {
        Path siteTemplates = siteDir.resolve(TEMPLATES);
        TreeSet<String> assets = new TreeSet<>(themeAssets());
        Path siteAssets = siteTemplates.resolve("assets");
        if (Files.isDirectory(siteAssets)) {
            assets.addAll(filesUnder(siteTemplates, siteAssets));
        }
        for (String asset : assets) {
            Path override = siteTemplates.resolve(asset);
            try {
                if (Files.isRegularFile(override)) {
                    staged.copy(override, asset, "templates/" + asset);
                } else {
                    try (InputStream in = Templates.class.getResourceAsStream(Templates.THEME_ROOT + "/" + asset)) {
                        if (in == null) {
                            problems.add(Problem.of(
                                    Path.of("templates", "theme.properties"),
                                    "lists asset " + asset + ", which the theme does not have"));
                            continue;
                        }
                        staged.write(asset, in.readAllBytes(), "theme " + asset);
                    }
                }
            } catch (SiteOutput.CollisionException e) {
                problems.add(e.problem());
            }
        }
        Map.Entry<String, String> keyFile =
                Pings.read(config().params(), new ArrayList<>()).keyFile();
        if (keyFile != null) { // IndexNow fetches it to check that the pings come from the site
            try {
                staged.write(
                        keyFile.getKey(),
                        keyFile.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "site.yaml pings");
            } catch (SiteOutput.CollisionException e) {
                problems.add(e.problem());
            }
        }
        Path staticDir = siteDir.resolve(STATIC);
        if (Files.isDirectory(staticDir)) {
            for (String file : filesUnder(staticDir, staticDir)) {
                try {
                    staged.copy(staticDir.resolve(file), file, "static/" + file);
                } catch (SiteOutput.CollisionException e) {
                    problems.add(e.problem());
                }
            }
        }
    }

    private static List<String> themeAssets() throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream(Templates.THEME_ROOT + "/theme.properties")) {
            if (in == null) {
                return List.of();
            }
            Properties properties = new Properties();
            properties.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            return Arrays.stream(properties.getProperty("assets", "").split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    private static List<String> filesUnder(Path root, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
