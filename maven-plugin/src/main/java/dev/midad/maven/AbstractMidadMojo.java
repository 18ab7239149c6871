package dev.midad.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every Midad goal shares: where the site is, and how to turn the goal off. */
public abstract class AbstractMidadMojo extends AbstractMojo {

    /** The site folder: the one holding {@code site.yaml} and {@code articles/}. */
    @Parameter(property = "midad.siteDirectory", defaultValue = "${project.basedir}", required = true)
    private File siteDirectory;

    /** Skip this goal. */
    @Parameter(property = "midad.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Midad: skipped (midad.skip)");
            return;
        }
        run(siteDirectory.toPath().toAbsolutePath().normalize());
    }

    /** Does the goal's work; called unless skipped. */
    protected abstract void run(Path siteDir) throws MojoExecutionException, MojoFailureException;
}
