package dev.midad.maven;

import dev.midad.BuildException;
import dev.midad.BuildOptions;
import dev.midad.BuildResult;
import dev.midad.problem.Problem;
import dev.midad.Site;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

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

    @Override
    protected void run(Path siteDir) throws MojoFailureException {
        BuildOptions options = BuildOptions.defaults().withDrafts(drafts).withFuture(future)
                .withListener((phase, count, elapsed) ->
                        getLog().info("Midad: %-6s %7d in %5d ms".formatted(phase, count, elapsed.toMillis())));
        try {
            BuildResult result = Site.load(siteDir, options).build(outputDirectory.toPath().toAbsolutePath());
            getLog().info(result.summary());
        } catch (BuildException e) {
            e.problems().forEach(p -> getLog().error(p.toString()));
            throw new MojoFailureException(failureMessage(siteDir, e), e);
        }
    }

    /**
     * "Midad could not build DIR: " and every problem, one per line. Starts from the exception's own
     * message, which Maven would otherwise append a second time (it appends a cause's message unless the
     * message already contains it), and adds any problem that message does not show.
     */
    static String failureMessage(Path siteDir, BuildException e) {
        String own = e.getMessage() == null ? "" : e.getMessage();
        StringBuilder message = new StringBuilder("Midad could not build ").append(siteDir).append(": ").append(own);
        for (Problem p : e.problems()) {
            String line = p.toString();
            if (!own.contains(line)) {
                message.append("\n  ").append(line);
            }
        }
        return message.toString();
    }
}
