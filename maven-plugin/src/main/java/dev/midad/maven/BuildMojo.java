package dev.midad.maven;

import dev.midad.BuildException;
import dev.midad.BuildListener;
import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.CachedBuilder;
import dev.midad.problem.InternalFailure;
import dev.midad.problem.Problem;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the site into {@code outputDirectory}.
 *
 * <pre>mvn midad:build -Dmidad.drafts=true</pre>
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class BuildMojo extends AbstractMidadMojo {

    /** Where the generated site goes. */
    @Parameter(property = "midad.outputDirectory", defaultValue = "${project.build.directory}/site", required = true)
    private File outputDirectory;

    /** Include articles marked {@code draft: true}. */
    @Parameter(property = "midad.drafts", defaultValue = "false")
    private boolean drafts;

    /** Include articles dated in the future. */
    @Parameter(property = "midad.future", defaultValue = "false")
    private boolean future;

    /**
     * Ignore the build cache ({@code target/.midad-cache/}) and build everything; by default a build redoes
     * only what changed since the last one.
     */
    @Parameter(property = "midad.clean", defaultValue = "false")
    private boolean clean;

    @Override
    protected void run(Path siteDir) throws MojoExecutionException, MojoFailureException {
        BuildOptions options =
                BuildOptions.defaults().withDrafts(drafts).withFuture(future).withListener(listener(getLog()));
        try {
            CachedBuilder.Outcome outcome =
                    CachedBuilder.build(siteDir, outputDirectory.toPath().toAbsolutePath(), options, clean);
            outcome.lines().forEach(getLog()::info);
            if (outcome.cacheNote() != null) {
                getLog().warn("Midad: " + outcome.cacheNote());
            }
            getLog().info(BuildResult.viewHint("mvn midad:serve"));
        } catch (BuildException e) {
            e.problems().forEach(p -> getLog().error(p.toString()));
            throw new MojoFailureException(failureMessage(siteDir, e), e);
        } catch (RuntimeException e) { // a bug: the message names the file; the stack trace only with mvn -e
            throw new MojoExecutionException("Midad: " + InternalFailure.describe(e, "building " + siteDir), e);
        }
    }

    /** Phases as info lines, warnings as Maven warnings. */
    static BuildListener listener(Log log) {
        return new BuildListener() {
            @Override
            public void phase(String phase, int count, Duration elapsed) {
                log.info("Midad: %-6s %7d in %5d ms".formatted(phase, count, elapsed.toMillis()));
            }

            @Override
            public void warning(Problem warning) {
                log.warn("Midad: " + warning);
            }
        };
    }

    /**
     * "Midad could not build DIR: " and every problem, one per line. Starts from the exception's own
     * message, which Maven would otherwise append a second time (it appends a cause's message unless the
     * message already contains it), and adds any problem that message does not show.
     */
    static String failureMessage(Path siteDir, BuildException e) {
        String own = e.getMessage() == null ? "" : e.getMessage();
        StringBuilder message = new StringBuilder("Midad could not build ")
                .append(siteDir)
                .append(": ")
                .append(own);
        for (Problem p : e.problems()) {
            String line = p.toString();
            if (!own.contains(line)) {
                message.append("\n  ").append(line);
            }
        }
        return message.toString();
    }
}
