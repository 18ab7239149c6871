package dev.midad.maven;

import dev.midad.BuildException;
import dev.midad.BuildOptions;
import dev.midad.Site;
import dev.midad.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates content, templates and internal links (pages, anchors, images) without writing the site.
 *
 * <pre>mvn midad:check</pre>
 */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractMidadMojo {

    @Override
    protected void run(Path siteDir) throws MojoFailureException {
        try {
            List<Problem> broken = Site.load(
                            siteDir, BuildOptions.defaults().withListener(BuildMojo.listener(getLog())))
                    .check();
            if (!broken.isEmpty()) {
                broken.forEach(p -> getLog().error(p.toString()));
                throw new MojoFailureException(failure(siteDir, broken));
            }
            getLog().info("Midad: no problems found in " + siteDir);
        } catch (BuildException e) {
            e.problems().forEach(p -> getLog().error(p.toString()));
            // not "could not build": check never builds the site
            throw new MojoFailureException(
                    failure(
                            siteDir,
                            e.problems().isEmpty()
                                    ? List.of(Problem.of(null, String.valueOf(e.getMessage())))
                                    : e.problems()),
                    e);
        }
    }

    private static String failure(Path siteDir, List<Problem> problems) {
        StringBuilder message = new StringBuilder("Midad found ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem in " : " problems in ")
                .append(siteDir)
                .append(':');
        problems.forEach(p -> message.append("\n  ").append(p));
        return message.toString();
    }
}
