package dev.midad.maven;

import dev.midad.serve.PreviewServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds the site, then serves it on 127.0.0.1 until stopped (Ctrl+C).
 *
 * <pre>mvn midad:serve -Dmidad.port=8080</pre>
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends BuildMojo {

    /** Port on 127.0.0.1. */
    @Parameter(property = "midad.port", defaultValue = "8080")
    private int port;

    @Override
    protected void run(Path siteDir) throws MojoExecutionException, MojoFailureException {
        Path output = build(siteDir);
        try (PreviewServer server = new PreviewServer(output, port)) {
            getLog().info("Midad: serving " + output + " at " + server.url() + " (Ctrl+C stops)");
            Thread.currentThread().join();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot serve on port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
