package dev.midad.maven;

import dev.midad.BuildException;
import dev.midad.create.NewArticle;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a draft article with complete front matter.
 *
 * <pre>mvn midad:new -Dmidad.title="زيارة بوتين" -Dmidad.category=سياسة</pre>
 */
@Mojo(name = "new", threadSafe = true)
public class NewMojo extends AbstractMidadMojo {

    /** The article's title; its slug and file name are made from it. */
    @Parameter(property = "midad.title", required = true)
    private String title;

    /** The article's category. */
    @Parameter(property = "midad.category")
    private String category;

    @Override
    protected void run(Path siteDir) throws MojoFailureException {
        try {
            getLog().info("Midad: created the draft " + NewArticle.create(siteDir, title, category, Clock.systemUTC())
                    + " (draft: true: it is published once you remove that line; mvn midad:serve shows drafts)");
        } catch (BuildException e) {
            throw new MojoFailureException(BuildMojo.failureMessage(siteDir, e), e);
        }
    }
}
