package dev.midad.cli;

import dev.midad.BuildException;
import dev.midad.BuildListener;
import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.CachedBuilder;
import dev.midad.Site;
import dev.midad.create.NewArticle;
import dev.midad.create.NewSite;
import dev.midad.fetch.EmbedFetch;
import dev.midad.fetch.Endpoints;
import dev.midad.importer.ImportException;
import dev.midad.importer.ImportOptions;
import dev.midad.importer.ImportReport;
import dev.midad.importer.Importer;
import dev.midad.problem.InternalFailure;
import dev.midad.problem.Problem;
import dev.midad.serve.LivePreview;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The command line, without Maven:
 * <pre>
 * midad init [site]                                   start a new site that builds at once
 * midad build [site] [output] [--drafts] [--future] [--clean]   build the site (default output: site/target/site)
 * midad serve [site] [output] [--port 8080]           live preview on 127.0.0.1: rebuild and reload on save
 *                                                     (default output: site/target/preview, never the built site)
 * midad check [site]                                  validate content, templates and internal links
 * midad new "عنوان الخبر" [site] [--category سياسة]     create a draft article with complete front matter
 * midad import export.xml|article.txt|folder [site] [--overwrite]   import WordPress or plain-text articles
 * midad embeds fetch [site]                           store the data of embedded posts and videos (network)
 * midad help [command] | --help | -h | --version
 * </pre>
 * Exit code 0 on success, 1 when the site has problems, 2 on wrong usage, 3 when out of memory.
 */
public final class Main {
    private static final int DEFAULT_PORT = 8080;
    /**
     * A system property: when set, a {@code build} that would be a full one exits with this status before
     * writing anything (see {@link CachedBuilder.FullBuilds#DECLINE}); bin/midad then runs it with other flags.
     */
    static final String FULL_BUILD_STATUS = "midad.fullBuildStatus";
    /** Each command's usage line and what it does, with its defaults: {@code help CMD} prints one. */
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("init", """
                midad init [site]
                    Start a new site in the folder site (default: the current folder): a commented site.yaml,
                    one article and one page, ready to build. Refuses a folder that has a site.yaml.""");
        HELP.put("build", """
                midad build [site] [output] [--drafts] [--future] [--clean]
                    Build the site in folder site (default: .) into output (default: site/target/site).
                    --clean    ignore the build cache (site/target/.midad-cache) and build everything
                    --drafts   also publish articles marked draft: true (default: left out)
                    --future   also publish articles dated in the future (default: left out)""");
        HELP.put("serve", """
                midad serve [site] [output] [--port N]
                    Live preview at http://127.0.0.1:N/ (default port %d), drafts and future articles shown;
                    rebuilds on every save and reloads open pages. output defaults to site/target/site.""".formatted(DEFAULT_PORT));
        HELP.put("check", """
                midad check [site]
                    Check content, templates and internal links of site (default: .) without publishing.
                    Exit 1 when something is broken.""");
        HELP.put("new", """
                midad new "title" [site] [--category name]
                    Create a draft article (draft: true) under site/articles/yyyy/mm/ (site default: .).""");
        HELP.put("import", """
                midad import export.xml|article.txt|folder [site] [--overwrite]
                    Import a WordPress export or plain-text articles into site (default: .). Existing files
                    are kept unless --overwrite. Exit 1 only when something could not be imported.""");
        HELP.put("embeds", """
                midad embeds fetch [site]
                    Ask the platforms (oEmbed, Open Graph) about every embedded post or video of site (default: .)
                    that has no data yet and store it in data/embeds/ (thumbnails in static/embeds/), so builds
                    show it without the network. Stored data is kept. Exit 1 when some could not be fetched.""");
    }

    private Main() {}

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // made before the build: once memory is exhausted, even formatting the message could fail
        long maxHeap = Runtime.getRuntime().maxMemory();
        byte[] outOfMemory = (outOfMemory(maxHeap, false) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        byte[] outOfMemoryAfterWriting =
                (outOfMemory(maxHeap, true) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        AtomicBoolean written = new AtomicBoolean();
        int status;
        try {
            status = run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), err, written);
        } catch (OutOfMemoryError e) {
            byte[] message = written.get() ? outOfMemoryAfterWriting : outOfMemory;
            System.err.write(message, 0, message.length);
            System.err.flush();
            status = 3;
        }
        System.exit(status);
    }

    /**
     * What to say instead of an OutOfMemoryError's trace: the limit, and how to raise it.
     *
     * @param written the site was written already (what ran out was saving the build cache)
     */
    static String outOfMemory(long maxHeap, boolean written) {
        return ("Midad: out of memory — the Java heap is limited to %d MiB, too little for this site; "
                        + (written
                                ? "the site was written, but not its build cache (the next build is a full one)"
                                : "nothing was published (the previous output is unchanged)")
                        + ". Give it more, e.g. MIDAD_JAVA_OPTS=-Xmx8g bin/midad … or java -Xmx8g -jar midad-cli.jar …"
                        + " (bin/midad allows 75%% of the machine's memory by default).")
                .formatted(maxHeap >> 20);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new AtomicBoolean());
    }

    /** @param written set once a build has written the site (its "write" phase is over) */
    static int run(String[] args, PrintStream out, PrintStream err, AtomicBoolean written) {
        List<String> positional = new ArrayList<>();
        BuildOptions options = BuildOptions.defaults().withListener(new BuildListener() {
            @Override
            public void phase(String phase, int count, Duration elapsed) {
                out.printf("  %-6s %7d in %5d ms%n", phase, count, elapsed.toMillis());
                if (phase.equals("write")) {
                    written.set(true);
                }
            }

            @Override
            public void warning(Problem warning) {
                err.println("Midad: warning: " + warning);
            }
        });
        int port = DEFAULT_PORT;
        String category = null;
        boolean overwrite = false;
        boolean clean = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            } else if (arg.equals("--version")) {
                out.println("midad " + version());
                return 0;
            } else if (arg.equals("--drafts")) {
                options = options.withDrafts(true);
            } else if (arg.equals("--future")) {
                options = options.withFuture(true);
            } else if (arg.equals("--clean")) {
                clean = true;
            } else if (arg.equals("--overwrite")) {
                overwrite = true;
            } else if (arg.equals("--port") || arg.startsWith("--port=")) {
                String value = arg.equals("--port") ? (i + 1 < args.length ? args[++i] : "") : arg.substring(7);
                if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
                    err.println("--port needs a port number from 0 to 65535, e.g. --port " + DEFAULT_PORT);
                    return 2;
                }
                port = Integer.parseInt(value);
            } else if (arg.equals("--category") || arg.startsWith("--category=")) {
                if (arg.equals("--category") && i + 1 >= args.length) {
                    err.println("--category needs a name, e.g. --category سياسة");
                    return 2;
                }
                category = arg.equals("--category") ? args[++i] : arg.substring("--category=".length());
            } else if (arg.startsWith("-")) {
                err.println("unknown option " + arg);
                return usage(err);
            } else {
                positional.add(arg);
            }
        }
        if (!positional.isEmpty() && positional.get(0).equals("help")) {
            String topic = positional.size() > 1 ? positional.get(1) : null;
            if (topic == null) {
                out.println(usage());
                return 0;
            }
            if (!HELP.containsKey(topic)) {
                err.println("no command " + topic + "; the commands are " + String.join(", ", HELP.keySet()));
                return 2;
            }
            out.println(HELP.get(topic));
            return 0;
        }
        if (positional.isEmpty() || !HELP.containsKey(positional.get(0)) || positional.size() > 3) {
            return usage(err);
        }
        String command = positional.get(0);
        try {
            return switch (command) {
                case "init" -> {
                    Path siteDir = Path.of(positional.size() > 1 ? positional.get(1) : ".");
                    List<Path> files = NewSite.create(siteDir, Clock.systemDefaultZone());
                    out.println("Midad: started a site in "
                            + siteDir.toAbsolutePath().normalize() + ": "
                            + files.stream()
                                    .map(f -> f.toString().replace('\\', '/'))
                                    .toList());
                    out.println("Midad: build it with: midad build " + shellWord(siteDir)
                            + "   or look at it while you write: midad serve " + shellWord(siteDir));
                    yield 0;
                }
                case "new" -> {
                    if (positional.size() < 2) {
                        yield usage(err);
                    }
                    Path siteDir = Path.of(positional.size() > 2 ? positional.get(2) : ".");
                    Path file = NewArticle.create(siteDir, positional.get(1), category, Clock.systemUTC());
                    out.println("Midad: created the draft " + file + " (draft: true: it is published once you"
                            + " remove that line or set draft: false; midad serve shows drafts)");
                    yield 0;
                }
                case "import" -> {
                    if (positional.size() < 2) {
                        yield usage(err);
                    }
                    yield importContent(
                            Path.of(positional.get(1)),
                            Path.of(positional.size() > 2 ? positional.get(2) : "."),
                            overwrite,
                            out,
                            err);
                }
                case "embeds" -> {
                    if (positional.size() < 2 || !positional.get(1).equals("fetch")) {
                        err.println(HELP.get("embeds"));
                        yield 2;
                    }
                    yield fetchEmbeds(Path.of(positional.size() > 2 ? positional.get(2) : "."), out, err);
                }
                case "check" -> check(Path.of(positional.size() > 1 ? positional.get(1) : "."), options, out, err);
                default -> {
                    Path siteDir = Path.of(positional.size() > 1 ? positional.get(1) : ".");
                    // the preview shows drafts and embargoed articles: it never writes where builds publish from
                    Path outputDir = positional.size() > 2
                            ? Path.of(positional.get(2))
                            : siteDir.resolve(command.equals("serve") ? "target/preview" : "target/site");
                    if (command.equals("serve")) {
                        serve(siteDir, outputDir, port, out);
                        yield 0;
                    }
                    // bin/midad asks for this status when it gave the JVM the flags of an incremental build
                    Integer declined = Integer.getInteger(FULL_BUILD_STATUS);
                    CachedBuilder.Outcome outcome;
                    try {
                        outcome = CachedBuilder.build(
                                siteDir,
                                outputDir,
                                options,
                                clean,
                                declined == null ? CachedBuilder.FullBuilds.PROCEED : CachedBuilder.FullBuilds.DECLINE);
                    } catch (CachedBuilder.FullBuildDeclined e) {
                        yield declined;
                    }
                    outcome.lines().forEach(out::println);
                    if (outcome.cacheNote() != null) {
                        err.println("Midad: " + outcome.cacheNote());
                    }
                    out.println(BuildResult.viewHint("midad serve " + shellWord(siteDir)
                            + (positional.size() > 2 ? " " + shellWord(outputDir) : "")));
                    yield 0;
                }
            };
        } catch (BuildException e) {
            err.println("Midad: "
                    + switch (command) {
                        case "new" -> "nothing was created. ";
                        case "init" -> "no site was started. ";
                        case "check" -> "";
                        default -> "the site was not built (the previous output is unchanged). ";
                    }
                    + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Midad: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a bug, not bad input: no stack trace for the editor, but what a report needs
            err.println("Midad: "
                    + InternalFailure.describe(
                            e, "running '" + command + "' on " + (positional.size() > 1 ? positional.get(1) : ".")));
            return 1;
        }
    }

    /** {@code path} as one word of a shell command line (quoted when it has spaces or quotes). */
    private static String shellWord(Path path) {
        String text = path.toString();
        return text.matches("[\\w./\\\\:-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private static int importContent(Path source, Path siteDir, boolean overwrite, PrintStream out, PrintStream err)
            throws IOException {
        ImportOptions options = ImportOptions.defaults().withOverwrite(overwrite);
        options = Importer.siteTimeZone(siteDir).map(options::withTimeZone).orElse(options);
        try {
            ImportReport report = Importer.importFrom(source, siteDir, options);
            out.println(report.summary());
            return report.failed().isEmpty() ? 0 : 1; // warnings alone are a success
        } catch (ImportException e) {
            err.println("Midad: nothing was imported. " + e.getMessage());
            return 1;
        }
    }

    private static int fetchEmbeds(Path siteDir, PrintStream out, PrintStream err) {
        EmbedFetch.Outcome outcome =
                EmbedFetch.run(siteDir, Endpoints.PLATFORMS, Duration.ofSeconds(15), line -> out.println("  " + line));
        if (!outcome.siteRead()) {
            err.println("Midad: nothing was fetched.");
            outcome.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        outcome.problems().forEach(p -> err.println("Midad: warning: " + p));
        outcome.failed().forEach((url, why) -> err.println("Midad: not fetched: " + url + ": " + why));
        out.println("Midad: " + outcome.summary());
        return outcome.failed().isEmpty() ? 0 : 1;
    }

    private static int check(Path siteDir, BuildOptions options, PrintStream out, PrintStream err)
            throws BuildException {
        Site site = Site.load(siteDir, options);
        List<Problem> broken = site.check();
        site.warnings().forEach(w -> err.println("  warning: " + w));
        if (broken.isEmpty()) {
            out.println(
                    "Midad: no problems found in " + siteDir.toAbsolutePath().normalize());
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
        err.println(usage());
        return 2;
    }

    private static String usage() {
        return "usage: midad <command> [arguments]   (midad help <command>: one command; midad --version)\n\n"
                + String.join("\n", HELP.values());
    }

    /** The version the build wrote into the jar, or "development" when run from classes not built by Maven. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/dev/midad/version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                String version = properties.getProperty("version", "");
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "development";
    }
}
