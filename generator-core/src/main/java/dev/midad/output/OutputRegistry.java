package dev.midad.output;

import dev.midad.config.OutputSettings;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.model.FeedFormat;
import dev.midad.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every output one site is rendered to, in the order the renderer plans them: the built-in outputs that are
 * on, a feed output for each format some scope uses, and the template-only outputs site.yaml declares. Also
 * answers which feeds each feed scope (the site, categories, tags, authors) gets. Immutable; made once per
 * load from the site's configuration, which {@link #of} checks.
 */
public final class OutputRegistry {
    private static final Path SITE_YAML = Path.of(SiteConfigLoader.FILE_NAME);

    /**
     * The feeds of one feed scope.
     *
     * @param formats the formats written, in the order pages list them (empty: no feeds)
     * @param full    true: items carry whole articles; false: summaries
     * @param items   newest articles per feed
     */
    public record Feeds(List<FeedFormat> formats, boolean full, int items) {
        public Feeds {
            formats = List.copyOf(formats);
        }
    }

    private final List<OutputFormat> outputs;
    private final Map<String, Feeds> feeds;

    private OutputRegistry(List<OutputFormat> outputs, Map<String, Feeds> feeds) {
        this.outputs = List.copyOf(outputs);
        this.feeds = Map.copyOf(feeds);
    }

    /**
     * The outputs {@code config} asks for. Problems (an unknown output or feed format, a built-in that cannot
     * be switched off, two outputs writing the same file) are added to {@code problems}, at their site.yaml
     * line; the offending entries are left out.
     */
    public static OutputRegistry of(SiteConfig config, List<Problem> problems) {
        OutputSettings settings = config.outputs();
        Map<String, Feeds> feeds = new LinkedHashMap<>();
        for (String scope : OutputSettings.FEED_SCOPES) {
            OutputSettings.Feeds chosen = settings.feeds(scope);
            for (String name : chosen.formats()) {
                if (FeedFormat.named(name).isEmpty()) {
                    problems.add(Problem.at(
                            SITE_YAML,
                            chosen.line(),
                            "feeds." + scope + ": unknown feed format '"
                                    + name + "'; known: "
                                    + String.join(
                                            ", ",
                                            FeedFormat.ALL.stream()
                                                    .map(FeedFormat::name)
                                                    .toList())));
                }
            }
            feeds.put(scope, new Feeds(FeedFormat.named(chosen.formats()), chosen.full(), chosen.items()));
        }

        Set<String> off = new LinkedHashSet<>();
        List<TemplateOutput> declared = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        BuiltInOutput.ALL.forEach(b -> names.put(b.name(), 0));
        FeedFormat.ALL.forEach(f -> names.put(f.name(), 0));
        for (OutputSettings.Entry entry : settings.outputs()) {
            if (entry.template() == null) {
                switchBuiltIn(entry, off, problems);
                continue;
            }
            Integer taken = names.putIfAbsent(entry.name(), entry.line());
            if (taken != null) {
                problems.add(Problem.at(
                        SITE_YAML,
                        entry.line(),
                        "output name '" + entry.name() + "' is taken by "
                                + (taken == 0 ? "a built-in output" : "the output on line " + taken)
                                + "; choose another"));
                continue;
            }
            declared.add(new TemplateOutput(
                    entry.name(),
                    entry.template(),
                    entry.path(),
                    Scope.valueOf(entry.scope().toUpperCase(java.util.Locale.ROOT)),
                    entry.line()));
        }

        List<OutputFormat> outputs = new ArrayList<>();
        for (BuiltInOutput builtIn : BuiltInOutput.ALL) {
            if (!off.contains(builtIn.name()) && (builtIn != BuiltInOutput.AMP || config.amp())) {
                outputs.add(builtIn);
            }
        }
        for (FeedFormat format : FeedFormat.ALL) {
            if (feeds.get("site").formats().contains(format)) {
                outputs.add(new FeedOutput(format, Scope.SITE));
            }
            if (feeds.entrySet().stream()
                    .anyMatch(e ->
                            !e.getKey().equals("site") && e.getValue().formats().contains(format))) {
                outputs.add(new FeedOutput(format, Scope.TERM));
            }
        }
        for (TemplateOutput output : declared) {
            String collision = collision(output, outputs);
            if (collision != null) {
                problems.add(Problem.at(
                        SITE_YAML,
                        output.line(),
                        "output '" + output.name() + "' would write "
                                + output.path() + ", which " + collision + " already writes in every "
                                + output.scope().key()
                                + "'s folder; choose another path"));
            } else {
                outputs.add(output);
            }
        }
        return new OutputRegistry(outputs, feeds);
    }

    private static void switchBuiltIn(OutputSettings.Entry entry, Set<String> off, List<Problem> problems) {
        BuiltInOutput builtIn = BuiltInOutput.ALL.stream()
                .filter(b -> b.name().equals(entry.name()))
                .findFirst()
                .orElse(null);
        List<String> optional = BuiltInOutput.ALL.stream()
                .filter(BuiltInOutput::optional)
                .map(BuiltInOutput::name)
                .toList();
        if (builtIn == BuiltInOutput.AMP) {
            problems.add(Problem.at(
                    SITE_YAML,
                    entry.line(),
                    "AMP pages are switched with 'amp: true' or" + " 'amp: false', not in outputs"));
        } else if (builtIn == null) {
            problems.add(Problem.at(
                    SITE_YAML,
                    entry.line(),
                    "no built-in output '" + entry.name() + "' to switch"
                            + " on or off; these can be: " + String.join(", ", optional)
                            + " (feeds are chosen per scope"
                            + " under feeds:; a new output needs template, path and scope)"));
        } else if (!builtIn.optional() && !entry.enabled()) {
            problems.add(Problem.at(
                    SITE_YAML,
                    entry.line(),
                    "the built-in output '" + entry.name() + "' cannot be"
                            + " switched off: pages link to it; these can be: " + String.join(", ", optional)));
        } else if (entry.enabled()) {
            off.remove(entry.name());
        } else {
            off.add(entry.name());
        }
    }

    /** Which output already writes {@code output}'s file (or a pager under page/), or null. */
    private static String collision(TemplateOutput output, List<OutputFormat> outputs) {
        boolean paginated = output.scope() == Scope.SITE || output.scope() == Scope.TERM;
        if (paginated && (output.path().equals("page") || output.path().startsWith("page/"))) {
            return "the pagination (page/2/, page/3/…)";
        }
        for (OutputFormat other : outputs) {
            if (other.scope() == output.scope() && other.path().equals(output.path())) {
                return "the output '" + other.name() + "'";
            }
        }
        return null;
    }

    /** Every output, in the order the renderer plans them. */
    public List<OutputFormat> outputs() {
        return outputs;
    }

    /** The outputs of {@code scope}, in order. */
    public List<OutputFormat> outputs(Scope scope) {
        return outputs.stream().filter(o -> o.scope() == scope).toList();
    }

    public boolean has(OutputFormat output) {
        return outputs.contains(output);
    }

    /** The feeds of {@code scope}: {@code site}, or a taxonomy's kind ({@code category}, {@code tag}, {@code author}). */
    public Feeds feeds(String scope) {
        Feeds chosen = feeds.get(scope);
        if (chosen == null) {
            throw new IllegalArgumentException("no feed scope " + scope + "; known: " + feeds.keySet());
        }
        return chosen;
    }

    /** The templates the theme (or the site) must provide for these outputs. */
    public List<String> requiredTemplates() {
        Set<String> names = new LinkedHashSet<>();
        for (OutputFormat output : outputs) {
            names.add(output.template());
            if (output == BuiltInOutput.SITEMAP) {
                names.add(BuiltInOutput.SITEMAP_INDEX_TEMPLATE);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Adds a problem at its site.yaml line for each template-only output whose template neither the site nor
     * the theme has; returns the required templates left to check (parse them, see {@link #requiredTemplates}).
     */
    public List<String> checkDeclaredTemplates(Predicate<String> exists, List<Problem> problems) {
        Set<String> missing = new LinkedHashSet<>();
        for (OutputFormat output : outputs) {
            if (output instanceof TemplateOutput declared && !exists.test(declared.template())) {
                missing.add(declared.template());
                problems.add(Problem.at(
                        SITE_YAML,
                        declared.line(),
                        "output '" + declared.name() + "': no template "
                                + declared.template() + " in templates/ nor in the theme; add templates/"
                                + declared.template()));
            }
        }
        return requiredTemplates().stream()
                .filter(name -> !missing.contains(name))
                .toList();
    }
}
