package dev.midad.render;

import dev.midad.model.ArticleView;
import dev.midad.problem.Problem;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FreeMarker set up once per build: a site's own {@code templates/} folder wins over the default theme, file
 * by file; {@code .ftlh} templates escape HTML, {@code .ftlx} XML and {@code .ftlj} JSON strings automatically.
 * Thread-safe after construction.
 */
public final class Templates {
    /** Classpath folder of the default theme (the repository's {@code templates/}). */
    public static final String THEME_ROOT = "/dev/midad/theme";

    /**
     * The default theme's page shell: the base template, its partials and macro files. They are included at
     * render time, so {@link #check} parses them up front too (a site may replace any one of them).
     */
    public static final List<String> THEME_SHELL = List.of(
            "layout.ftlh",
            "partials/head.ftlh",
            "partials/social.ftlh",
            "partials/header.ftlh",
            "partials/search-box.ftlh",
            "partials/footer.ftlh",
            "macros/text.ftlh",
            "macros/cards.ftlh",
            "macros/pagination.ftlh");

    private final Path siteTemplates;
    /**
     * Made on first use: a build whose outputs are all unchanged (the build cache) renders nothing, and
     * FreeMarker's configuration (its bean introspection, member access policy, logging) is a tenth of a
     * second of a cold start.
     */
    private volatile Configuration freemarker;
    /**
     * The site's own templates use FreeMarker's {@code .now}: every rendering then depends on the clock (the
     * default theme does not use it; {@code relative()} is noted per rendering).
     */
    private final boolean readsClock;

    /**
     * @param siteTemplates the site's own templates folder (may not exist)
     */
    public Templates(Path siteTemplates) throws IOException {
        this.siteTemplates = siteTemplates;
        this.readsClock = usesNow(siteTemplates);
    }

    private Configuration freemarker() {
        Configuration made = freemarker;
        if (made == null) {
            synchronized (this) {
                made = freemarker;
                if (made == null) {
                    made = configuration(siteTemplates);
                    freemarker = made;
                }
            }
        }
        return made;
    }

    private static Configuration configuration(Path siteTemplates) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(siteTemplates)) {
            try {
                loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
            } catch (IOException e) { // the folder is there (checked above): it went away since
                throw new java.io.UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Templates.class, THEME_ROOT));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setURLEscapingCharset(StandardCharsets.UTF_8.name());
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setRegisteredCustomOutputFormats(List.of(JsonOutputFormat.INSTANCE));
        TemplateConfiguration json = new TemplateConfiguration();
        json.setOutputFormat(JsonOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(
                new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlj"), json));
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setObjectWrapper(new ReadTrackingWrapper(cfg.getIncompatibleImprovements()));
        return cfg;
    }

    private static boolean usesNow(Path siteTemplates) throws IOException {
        if (!Files.isDirectory(siteTemplates)) {
            return false;
        }
        java.util.regex.Pattern now = java.util.regex.Pattern.compile("\\.now\\b");
        try (java.util.stream.Stream<Path> files = Files.walk(siteTemplates)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.ftl[hxj]?"))
                    .toList()) {
                if (now.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    return true;
                }
            }
        } catch (java.io.UncheckedIOException | java.nio.charset.CharacterCodingException e) {
            return true; // unreadable now, reported when it is used: assume the worst
        }
        return false;
    }

    /** True when the site's templates/ or the theme has a template {@code name}. */
    public boolean exists(String name) {
        TemplateLoader loader = freemarker().getTemplateLoader();
        try {
            Object source = loader.findTemplateSource(name);
            if (source == null) {
                return false;
            }
            loader.closeTemplateSource(source);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Loads and parses {@code names} and the {@linkplain #THEME_SHELL page shell} up front so every broken
     * template is reported before anything renders.
     */
    public void check(List<String> names, List<Problem> problems) {
        List<String> all = java.util.stream.Stream.concat(names.stream(), THEME_SHELL.stream())
                .distinct()
                .toList();
        // parsed on both cores (the cache is thread-safe); problems in the order of the names, as before
        List<List<Problem>> found = all.parallelStream().map(this::parse).toList();
        found.forEach(problems::addAll);
    }

    /** Parses template {@code name} into FreeMarker's cache; what is wrong with it. */
    private List<Problem> parse(String name) {
        try {
            freemarker().getTemplate(name);
            return List.of();
        } catch (ParseException e) {
            return List.of(new Problem(
                    Path.of("templates", name),
                    e.getLineNumber(),
                    e.getColumnNumber(),
                    "template syntax error: " + e.getEditorMessage()));
        } catch (IOException e) {
            return List.of(Problem.of(Path.of("templates", name), "template missing or unreadable: " + e.getMessage()));
        }
    }

    /**
     * The templates as one edition renders them: its locale and its functions (see {@link TemplateFunctions}).
     * Templates are parsed once per build and shared by every edition.
     */
    public View view(Locale locale, Map<String, Object> functions) {
        Map<String, Object> all = new java.util.HashMap<>(functions);
        all.putIfAbsent("cached", new CachedDirective()); // fragments of this edition's build
        return new View(this, locale, Map.copyOf(all));
    }

    /** {@link Templates} bound to one edition's locale and functions. */
    public record View(Templates templates, Locale locale, Map<String, Object> functions) {
        /** Renders template {@code name} with {@code model}; returns what the template looked at. */
        public Reads render(String name, Map<String, Object> model, Writer out) throws IOException, RenderException {
            Map<String, Object> data = new java.util.HashMap<>(model);
            functions.forEach(data::putIfAbsent);
            return templates.render(name, data, locale, out);
        }

        /** The edition is rendered: its cached fragments are not needed any more. */
        public void rendered() {
            if (functions.get("cached") instanceof CachedDirective cached) {
                cached.clear();
            }
        }
    }

    /**
     * What one rendering looked at, beyond the plain values of its data model: the articles it used (by URL;
     * an article it only counted or skipped is not among them) and whether it read the clock.
     */
    public record Reads(Set<String> articles, boolean clock) {}

    /** Called by functions whose result depends on the time of the build, such as {@code relative(date)}. */
    static void noteClockRead() {
        Environment env = Environment.getCurrentEnvironment();
        if (env != null) {
            env.setCustomAttribute(CLOCK_READ, Boolean.TRUE);
        }
    }

    /**
     * Renders the nested content of a {@link CachedDirective} on its own, noting what it reads apart from the
     * rest of the page (and for the page as well).
     */
    static CachedDirective.Fragment capture(Environment env, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        Rendering page = RENDERING.get();
        Rendering rendering = page != null ? page : new Rendering(null);
        Set<String> pageArticles = rendering.articles;
        Object pageClock = env.getCustomAttribute(CLOCK_READ);
        Set<String> articles = new HashSet<>();
        rendering.articles = articles;
        RENDERING.set(rendering);
        env.removeCustomAttribute(CLOCK_READ);
        PageText text = new PageText(2048);
        boolean clock;
        try {
            body.render(text);
        } finally {
            clock = env.getCustomAttribute(CLOCK_READ) != null;
            rendering.articles = pageArticles;
            RENDERING.set(page);
            if (pageClock != null) {
                env.setCustomAttribute(CLOCK_READ, pageClock);
            }
        }
        CachedDirective.Fragment fragment = new CachedDirective.Fragment(text.toString(), List.copyOf(articles), clock);
        replay(env, fragment);
        return fragment;
    }

    /** Notes for the page what a cached fragment read when it was rendered. */
    static void replay(Environment env, CachedDirective.Fragment fragment) {
        Rendering rendering = RENDERING.get();
        if (rendering != null && rendering.articles != null) {
            rendering.articles.addAll(fragment.articles());
        }
        if (fragment.clock()) {
            env.setCustomAttribute(CLOCK_READ, Boolean.TRUE);
        }
    }

    /**
     * The rendering on this thread (a FreeMarker environment runs on one thread): one look per wrapped value,
     * where the environment's attributes cost a synchronised map and its parents.
     */
    private static final ThreadLocal<Rendering> RENDERING = new ThreadLocal<>();

    /**
     * What one rendering noted: the articles it got hold of (a cached fragment's own while it is captured) and
     * the models of the view records it wrapped, by identity: a page reads {@code site} and its article dozens
     * of times, and each {@link RecordModel} keeps what was read of it.
     */
    private static final class Rendering {
        Set<String> articles;
        final Map<Object, TemplateModel> models = new java.util.IdentityHashMap<>(128);

        Rendering(Set<String> articles) {
            this.articles = articles;
        }
    }

    private static final String CLOCK_READ = "dev.midad.clockRead";

    /** The default wrapper, noting every article a template gets hold of (listing, reading a field). */
    private static final class ReadTrackingWrapper extends DefaultObjectWrapper {
        ReadTrackingWrapper(Version version) {
            super(version);
        }

        @Override
        public TemplateModel wrap(Object object) throws TemplateModelException {
            if (!(object instanceof Record record)
                    || !record.getClass().getName().startsWith("dev.midad.")) {
                return super.wrap(object);
            }
            Rendering rendering = RENDERING.get();
            if (rendering == null) {
                return new RecordModel(record, this);
            }
            if (record instanceof ArticleView article && rendering.articles != null) {
                rendering.articles.add(article.url());
            }
            TemplateModel model = rendering.models.get(record);
            if (model == null) {
                model = new RecordModel(record, this);
                rendering.models.put(record, model);
            }
            return model;
        }
    }

    private Reads render(String name, Map<String, Object> model, Locale locale, Writer out)
            throws IOException, RenderException {
        Template template = freemarker().getTemplate(name);
        try {
            Environment env = template.createProcessingEnvironment(model, out);
            Set<String> articles = new HashSet<>();
            env.setLocale(locale);
            Rendering outer = RENDERING.get();
            RENDERING.set(new Rendering(articles));
            try {
                env.process();
            } finally {
                RENDERING.set(outer);
            }
            return new Reads(Set.copyOf(articles), readsClock || env.getCustomAttribute(CLOCK_READ) != null);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
            throw new RenderException(new Problem(
                    Path.of("templates", where),
                    line,
                    e.getColumnNumber() != null ? e.getColumnNumber() : 0,
                    withoutTips(e.getMessageWithoutStackTop())));
        }
    }

    /** FreeMarker's message without its generic "Tip:" paragraphs, on one line. */
    static String withoutTips(String message) {
        int tips = message.indexOf("\n----");
        String core = tips < 0 ? message : message.substring(0, tips);
        return core.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** A template failed while rendering one page. */
    public static final class RenderException extends Exception {
        private final transient Problem problem;

        RenderException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
