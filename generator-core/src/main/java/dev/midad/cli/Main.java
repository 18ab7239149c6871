package dev.midad.cli;

import dev.midad.BuildException;
import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.Site;

import dev.midad.serve.PreviewServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line without Maven: {@code build|serve [site-folder] [output-folder] [--drafts] [--future]
 * [--port=N]}. {@code serve} builds, then serves the result on 127.0.0.1 until stopped.
 * Exit code 0 on success, 1 when the site has problems, 2 on wrong usage.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        BuildOptions options = BuildOptions.defaults();
        int port = 8080;
        for (String arg : args) {
            switch (arg) {
                case "--drafts" -> options = options.withDrafts(true);
                case "--future" -> options = options.withFuture(true);
                default -> {
                    if (arg.matches("--port=\\d{1,5}")) {
                        port = Integer.parseInt(arg.substring("--port=".length()));
                    } else if (arg.startsWith("-")) {
                        err.println("unknown option " + arg);
                        return usage(err);
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.isEmpty() || !List.of("build", "serve").contains(positional.get(0)) || positional.size() > 3) {
            return usage(err);
        }
        Path siteDir = Path.of(positional.size() > 1 ? positional.get(1) : ".");
        Path outputDir = positional.size() > 2 ? Path.of(positional.get(2)) : siteDir.resolve("target/site");
        try {
            BuildResult result = Site.load(siteDir, options).build(outputDir);
            out.println(result.summary());
            if (positional.get(0).equals("serve")) {
                try (PreviewServer server = new PreviewServer(outputDir, port)) {
                    out.println("Serving " + outputDir.toAbsolutePath().normalize() + " at " + server.url()
                            + " (Ctrl+C stops)");
                    Thread.currentThread().join();
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("Midad: cannot serve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (BuildException e) {
            err.println("Midad: the site was not built (the previous output is unchanged). " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: midad build|serve [site-folder] [output-folder] [--drafts] [--future] [--port=8080]");
        return 2;
    }
}
