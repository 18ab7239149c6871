package dev.midad;

import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.ContentLoader;
import dev.midad.content.MarkdownRenderer;
import dev.midad.model.SiteModel;
import dev.midad.model.SiteModelBuilder;
import dev.midad.render.SiteRenderer;
import dev.midad.render.Templates;
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
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
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
 */
public final class Site {
    static final String TEMPLATES = "templates";
    static final String STATIC = "static";

    private final Path siteDir;
    private final SiteModel model;
    private final SiteModelBuilder urls;
    private final long loadNanos;

    private Site(Path siteDir, SiteModel model, SiteModelBuilder urls, long loadNanos) {
        this.siteDir = siteDir;
        this.model = model;
        this.urls = urls;
        this.loadNanos = loadNanos;
    }

    public static Site load(Path siteDir) throws BuildException {
        return load(siteDir, BuildOptions.defaults());
    }

    /** Reads site.yaml and all content; every problem found is reported together. */
    public static Site load(Path siteDir, BuildOptions options) throws BuildException {
        long start = System.nanoTime();
        Path dir = siteDir.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(dir, problems);
        if (config == null) {
            throw new BuildException(problems);
        }
        ContentLoader.Content content = new ContentLoader(dir, config, new MarkdownRenderer()).load(problems);
        SiteModelBuilder builder = new SiteModelBuilder(config, dir.resolve(STATIC));
        SiteModel model = builder.build(content, options, problems);
        if (!problems.isEmpty()) {
            throw new BuildException(problems);
        }
        return new Site(dir, model, builder, System.nanoTime() - start);
    }

    public SiteConfig config() {
        return model.config();
    }

    public SiteModel model() {
        return model;
    }

    /**
     * Renders the site into {@code outputDir}. The new site replaces the old one only if everything
     * succeeded; on failure the previous output is left as it was.
     */
    public BuildResult build(Path outputDir) throws BuildException {
        long start = System.nanoTime();
        Path out = outputDir.toAbsolutePath().normalize();
        checkOutputLocation(out);
        List<Problem> problems = new ArrayList<>();
        try {
            Templates templates = new Templates(siteDir.resolve(TEMPLATES), model.config().locale(),
                    model.config().direction().equals("rtl"));
            templates.check(SiteRenderer.requiredTemplates(model.config().amp()), problems);
            if (!problems.isEmpty()) {
                throw new BuildException(problems);
            }
            try (StagedOutput staged = new StagedOutput(out)) {
                SiteRenderer.Counts counts = new SiteRenderer(model, urls, templates).render(staged, problems);
                copyAssets(staged, problems);
                if (!problems.isEmpty()) {
                    throw new BuildException(problems);
                }
                staged.commit();
                return new BuildResult(out, counts.articles(), counts.pages(), counts.feeds(), staged.fileCount(),
                        Duration.ofNanos(System.nanoTime() - start + loadNanos));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("cannot write the site to " + out + ": " + e.getMessage(), e);
        }
    }

    private void checkOutputLocation(Path out) throws BuildException {
        for (Path protectedDir : List.of(siteDir.resolve("articles"), siteDir.resolve("pages"),
                siteDir.resolve(STATIC), siteDir.resolve(TEMPLATES))) {
            if (out.startsWith(protectedDir)) {
                throw new BuildException(Problem.of(out, "the output folder may not be inside the site's "
                        + protectedDir.getFileName() + "/ folder: choose e.g. target/site"));
            }
        }
        if (siteDir.startsWith(out)) {
            throw new BuildException(Problem.of(out, "the output folder may not be the site folder or contain it:"
                    + " building would replace the content; choose e.g. target/site"));
        }
    }

    /** Theme assets (overridable by the site's templates/), then the site's static/ files. */
    private void copyAssets(StagedOutput staged, List<Problem> problems) throws IOException {
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
                            problems.add(Problem.of(Path.of("templates", "theme.properties"),
                                    "lists asset " + asset + ", which the theme does not have"));
                            continue;
                        }
                        staged.write(asset, in.readAllBytes(), "theme " + asset);
                    }
                }
            } catch (StagedOutput.CollisionException e) {
                problems.add(e.problem());
            }
        }
        Path staticDir = siteDir.resolve(STATIC);
        if (Files.isDirectory(staticDir)) {
            for (String file : filesUnder(staticDir, staticDir)) {
                try {
                    staged.copy(staticDir.resolve(file), file, "static/" + file);
                } catch (StagedOutput.CollisionException e) {
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
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
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
