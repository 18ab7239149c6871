package dev.midad.cli;

import dev.midad.BuildException;
import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.Problem;
import dev.midad.Site;
import dev.midad.create.NewArticle;
import dev.midad.importer.ImportException;
import dev.midad.importer.ImportOptions;
import dev.midad.importer.ImportReport;
import dev.midad.importer.Importer;
import dev.midad.serve.LivePreview;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, without Maven:
 * <pre>
 * midad build [site] [output] [--drafts] [--future]   build the site (default output: site/target/site)
 * midad serve [site] [output] [--port=8080]           live preview on 127.0.0.1: rebuild and reload on save
 * midad check [site]                                  validate content, templates and internal links
 * midad new "عنوان الخبر" [site] [--category=سياسة]     create an article with complete front matter
 * midad import export.xml|article.txt|folder [site] [--overwrite]   import WordPress or plain-text articles
 * </pre>
 * Exit code 0 on success, 1 when the site has problems, 2 on wrong usage.
 */
public final class Main {
    private static final List<String> COMMANDS = List.of("build", "serve", "check", "new", "import");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        BuildOptions options = BuildOptions.defaults().withListener((phase, count, elapsed) ->
                out.printf("  %-6s %7d in %5d ms%n", phase, count, elapsed.toMillis()));
        int port = 8080;
        String category = null;
        boolean overwrite = false;
        for (String arg : args) {
            if (arg.equals("--drafts")) {
                options = options.withDrafts(true);
            } else if (arg.equals("--future")) {
                options = options.withFuture(true);
            } else if (arg.matches("--port=\\d{1,5}")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.equals("--overwrite")) {
                overwrite = true;
            } else if (arg.startsWith("--category=")) {
                category = arg.substring("--category=".length());
            } else if (arg.startsWith("-")) {
                err.println("unknown option " + arg);
                return usage(err);
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty() || !COMMANDS.contains(positional.get(0)) || positional.size() > 3) {
            return usage(err);
        }
        String command = positional.get(0);
        try {
            return switch (command) {
                case "new" -> {
                    if (positional.size() < 2) {
                        yield usage(err);
                    }
                    Path siteDir = Path.of(positional.size() > 2 ? positional.get(2) : ".");
                    Path file = NewArticle.create(siteDir, positional.get(1), category, Clock.systemUTC());
                    out.println("Midad: created " + file);
                    yield 0;
                }
                case "import" -> {
                    if (positional.size() < 2) {
                        yield usage(err);
                    }
                    yield importContent(Path.of(positional.get(1)),
                            Path.of(positional.size() > 2 ? positional.get(2) : "."), overwrite, out, err);
                }
                case "check" -> check(Path.of(positional.size() > 1 ? positional.get(1) : "."), options, out, err);
                default -> {
                    Path siteDir = Path.of(positional.size() > 1 ? positional.get(1) : ".");
                    Path outputDir = positional.size() > 2 ? Path.of(positional.get(2)) : siteDir.resolve("target/site");
                    if (command.equals("serve")) {
                        serve(siteDir, outputDir, port, out);
                        yield 0;
                    }
                    BuildResult result = Site.load(siteDir, options).build(outputDir);
                    out.println(result.summary());
                    result.warnings().forEach(w -> err.println("  warning: " + w));
                    yield 0;
                }
            };
        } catch (BuildException e) {
            err.println("Midad: " + (command.equals("new") ? "nothing was created. "
                    : "the site was not built (the previous output is unchanged). ") + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Midad: " + e.getMessage());
            return 1;
        }
    }

    private static int importContent(Path source, Path siteDir, boolean overwrite, PrintStream out,
                                     PrintStream err) throws IOException {
        ImportOptions options = ImportOptions.defaults().withOverwrite(overwrite);
        options = Importer.siteTimeZone(siteDir).map(options::withTimeZone).orElse(options);
        try {
            ImportReport report = Importer.importFrom(source, siteDir, options);
            out.println(report.summary());
            return report.problems().isEmpty() ? 0 : 1;
        } catch (ImportException e) {
            err.println("Midad: nothing was imported. " + e.getMessage());
            return 1;
        }
    }

    private static int check(Path siteDir, BuildOptions options, PrintStream out, PrintStream err)
            throws BuildException {
        Site site = Site.load(siteDir, options);
        List<Problem> broken = site.check();
        site.warnings().forEach(w -> err.println("  warning: " + w));
        if (broken.isEmpty()) {
            out.println("Midad: no problems found in " + siteDir.toAbsolutePath().normalize());
            return 0;
        }
        err.println("Midad: " + broken.size() + (broken.size() == 1 ? " problem:" : " problems:"));
        broken.forEach(p -> err.println("  " + p));
        return 1;
    }

    private static void serve(Path siteDir, Path outputDir, int port, PrintStream out) throws IOException {
        try (LivePreview preview = new LivePreview(siteDir, outputDir, port, out::println)) {
            out.println("Midad: previewing " + siteDir.toAbsolutePath().normalize() + " at " + preview.url()
                    + " — drafts and future articles shown, pages reload after every save (Ctrl+C stops)");
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int usage(PrintStream err) {
        err.println("""
                usage: midad build [site] [output] [--drafts] [--future]
                       midad serve [site] [output] [--port=8080]
                       midad check [site]
                       midad new "title" [site] [--category=name]
                       midad import export.xml|article.txt|folder [site] [--overwrite]""");
        return 2;
    }
}
