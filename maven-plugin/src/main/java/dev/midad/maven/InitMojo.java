package dev.midad.maven;

import dev.midad.BuildException;
import dev.midad.create.NewSite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Starts a site in the project folder: a commented {@code site.yaml}, one article and one page, which
 * {@code mvn site} builds at once.
 *
 * <pre>mvn midad:init</pre>
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMidadMojo {

    @Override
    protected void run(Path siteDir) throws MojoFailureException {
        try {
            List<Path> files = NewSite.create(siteDir, Clock.systemDefaultZone());
            getLog().info("Midad: started a site in " + siteDir + ": "
                    + files.stream().map(f -> f.toString().replace('\\', '/')).toList());
            getLog().info("Midad: build it with mvn site, or look at it while you write: mvn midad:serve");
        } catch (BuildException e) {
            throw new MojoFailureException("Midad did not start a site in " + siteDir + ": " + e.getMessage(), e);
        }
    }
}
