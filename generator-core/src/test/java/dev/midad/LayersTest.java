package dev.midad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stages of the engine as packages, lowest first: a package may use only packages of lower layers (and
 * itself), never one beside it or above it. Each package's {@code package-info.java} says the same in words.
 * A new package must be placed here before it compiles into the build.
 */
class LayersTest {
    /** The layers, lowest first; packages of one layer are independent of each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("problem"), // Problem: every stage reports with it
            List.of("text"), // text: slugs, URL paths, bidi, digests
            List.of("yaml", "media", "i18n", "image"), // leaves: YAML, media types, messages, images
            List.of("config"), // site.yaml
            List.of("html"), // the HTML stage: body processors on parsed bodies
            List.of("markdown"), // Markdown to HTML (then the first HTML chain)
            List.of("content"), // 1 read: source files to articles and pages
            List.of("model"), // the resolved site as records
            List.of("model.build"), // 2 resolve: addresses, taxonomies, related, ...
            List.of("cache"), // the build cache's value codec and fingerprints
            List.of("output"), // 3 plan: the output registry
            List.of("write"), // the output folder (staged, in place, manifest)
            List.of("render"), // 4 render: templates into the output
            List.of("search"), // the search index (an output written beside the rendered ones)
            List.of(
                    "check",
                    "importer",
                    "publish",
                    "fetch"), // tools on a site: link checker, import, pings, embeds fetch
            List.of(""), // the API: Site, IncrementalBuilder, BuildOptions, ...
            List.of("serve", "create"), // preview server, new article
            List.of("cli")); // the command line

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package dev\\.midad((?:\\.[a-z][a-z0-9]*)*);");
    /** A reference to another package: an import, or a fully qualified name in code. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.midad((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void noMainSourceImportsAcrossTheLayersBackwards() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path file :
                    sources.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                violations.addAll(
                        violations(MAIN.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
                files++;
            }
        }
        assertTrue(files > 50, "found only " + files + " sources under " + MAIN.toAbsolutePath());
        assertEquals(List.of(), violations);
    }

    @Test
    void aBackwardImportIsFound() {
        String source = """
                package dev.midad.text;

                import dev.midad.model.ArticleView;
                import dev.midad.problem.Problem;
                """;
        assertEquals(
                List.of("T.java: dev.midad.text uses dev.midad.model (layer 7 is not below layer 1)"),
                violations("T.java", source));
    }

    @Test
    void aSiblingAFullyQualifiedNameAndAnUnplacedPackageAreFound() {
        String siblings = """
                package dev.midad.check;

                class X {
                    Object o = new dev.midad.importer.ImportOptions(null, null);
                }
                """;
        assertEquals(
                List.of("X.java: dev.midad.check uses dev.midad.importer (layer 14 is not below layer 14)"),
                violations("X.java", siblings));
        String unplaced = """
                package dev.midad.unplaced;

                import dev.midad.problem.Problem;
                """;
        assertEquals(
                List.of("S.java: dev.midad.unplaced is in no layer: add it to LayersTest.LAYERS"),
                violations("S.java", unplaced));
    }

    @Test
    void importsDownwardsAndWithinAPackageAreFine() {
        String source = """
                package dev.midad.render;

                import dev.midad.model.ArticleView;
                import dev.midad.render.Templates;
                import static dev.midad.text.UrlPaths.encode;
                // dev.midad.cli.Main is mentioned in a comment only
                """;
        assertEquals(List.of(), violations("R.java", source));
    }

    /** What {@code source} (named {@code name} in messages) uses against the layers. */
    static List<String> violations(String name, String source) {
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find()) {
            return List.of();
        }
        String own = declared.group(1);
        int ownLayer = layerOf(own);
        if (ownLayer < 0) {
            return List.of(name + ": " + display(own) + " is in no layer: add it to LayersTest.LAYERS");
        }
        List<String> found = new ArrayList<>();
        for (String line : source.split("\n")) {
            String code = line.strip();
            if (code.startsWith("package ") || code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
                continue;
            }
            Matcher used = REFERENCE.matcher(code);
            while (used.find()) {
                String other = used.group(1);
                int layer = layerOf(other);
                String problem = layer < 0
                        ? name + ": " + display(own) + " uses " + display(other)
                                + ", which is in no layer: add it to LayersTest.LAYERS"
                        : other.equals(own) || layer < ownLayer
                                ? null
                                : name + ": " + display(own) + " uses " + display(other) + " (layer " + layer
                                        + " is not below layer " + ownLayer + ")";
                if (problem != null && !found.contains(problem)) {
                    found.add(problem);
                }
            }
        }
        return found;
    }

    /** The layer of a package given as its part after {@code dev.midad} (".model.build"; "" for the API). */
    private static int layerOf(String suffix) {
        String name = suffix.isEmpty() ? "" : suffix.substring(1);
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String display(String suffix) {
        return "dev.midad" + suffix;
    }
}
