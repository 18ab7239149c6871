package dev.midad.maven;

import dev.midad.serve.LivePreview;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Live preview on 127.0.0.1: builds the site with drafts and future articles, serves it, rebuilds after
 * every saved change and reloads open pages; a broken file shows its problems in the browser.
 *
 * <pre>mvn midad:serve -Dmidad.port=8080</pre>
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractMidadMojo {

    /**
     * Where the preview site is written: its own folder, since it holds drafts and embargoed articles that
     * {@code mvn site} must never publish.
     */
    @Parameter(
            property = "midad.previewDirectory",
            defaultValue = "${project.build.directory}/preview",
            required = true)
    private File outputDirectory;

    /** Port on 127.0.0.1. */
    @Parameter(property = "midad.port", defaultValue = "8080")
    private int port;

    @Override
    protected void run(Path siteDir) throws MojoExecutionException {
        try (LivePreview preview = new LivePreview(siteDir, outputDirectory.toPath(), port, getLog()::info)) {
            getLog().info("Midad: previewing " + siteDir + " at " + preview.url() + " (Ctrl+C stops)");
            Thread.currentThread().join();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot serve on port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
