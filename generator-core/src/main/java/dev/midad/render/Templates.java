package dev.midad.render;

import dev.midad.Problem;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker set up once per build: a site's own {@code templates/} folder wins over the default theme, file
 * by file; {@code .ftlh} templates escape HTML, {@code .ftlx} XML and {@code .ftlj} JSON strings automatically.
 * Thread-safe after construction.
 */
public final class Templates {
    /** Classpath folder of the default theme (the repository's {@code templates/}). */
    public static final String THEME_ROOT = "/dev/midad/theme";

    private final Configuration freemarker;

    /**
     * @param siteTemplates the site's own templates folder (may not exist)
     */
    public Templates(Path siteTemplates) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (Files.isDirectory(siteTemplates)) {
            loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
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

        this.freemarker = cfg;
    }

    /** Loads and parses {@code names} up front so every broken template is reported before anything renders. */
    public void check(List<String> names, List<Problem> problems) {
        for (String name : names) {
            try {
                freemarker.getTemplate(name);
            } catch (ParseException e) {
                problems.add(new Problem(Path.of("templates", name), e.getLineNumber(), e.getColumnNumber(),
                        "template syntax error: " + e.getEditorMessage()));
            } catch (IOException e) {
                problems.add(Problem.of(Path.of("templates", name), "template missing or unreadable: "
                        + e.getMessage()));
            }
        }
    }

    /**
     * The templates as one edition renders them: its locale and its functions (see {@link TemplateFunctions}).
     * Templates are parsed once per build and shared by every edition.
     */
    public View view(Locale locale, Map<String, Object> functions) {
        return new View(this, locale, Map.copyOf(functions));
    }

    /** {@link Templates} bound to one edition's locale and functions. */
    public record View(Templates templates, Locale locale, Map<String, Object> functions) {
        public void render(String name, Map<String, Object> model, Writer out) throws IOException, RenderException {
            Map<String, Object> data = new java.util.HashMap<>(model);
            functions.forEach(data::putIfAbsent);
            templates.render(name, data, locale, out);
        }
    }

    private void render(String name, Map<String, Object> model, Locale locale, Writer out)
            throws IOException, RenderException {
        Template template = freemarker.getTemplate(name);
        try {
            freemarker.core.Environment env = template.createProcessingEnvironment(model, out);
            env.setLocale(locale);
            env.process();
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
            throw new RenderException(new Problem(Path.of("templates", where), line,
                    e.getColumnNumber() != null ? e.getColumnNumber() : 0, withoutTips(e.getMessageWithoutStackTop())));
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
