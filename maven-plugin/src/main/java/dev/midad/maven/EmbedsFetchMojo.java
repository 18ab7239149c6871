package dev.midad.maven;

import dev.midad.fetch.EmbedFetch;
import dev.midad.fetch.Endpoints;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Asks the platforms about embedded posts and videos without stored data and stores it in {@code data/embeds/}
 * (the only goal that uses the network; builds never do).
 *
 * <pre>mvn midad:embeds-fetch</pre>
 */
@Mojo(name = "embeds-fetch", threadSafe = true)
public class EmbedsFetchMojo extends AbstractMidadMojo {

    @Override
    protected void run(Path siteDir) throws MojoFailureException {
        EmbedFetch.Outcome outcome =
                EmbedFetch.run(siteDir, Endpoints.PLATFORMS, Duration.ofSeconds(15), getLog()::info);
        outcome.problems().forEach(p -> getLog().warn(p.toString()));
        if (!outcome.siteRead()) {
            throw new MojoFailureException("Midad: nothing was fetched: " + siteDir + " cannot be read");
        }
        outcome.failed().forEach((url, why) -> getLog().warn("Midad: not fetched: " + url + ": " + why));
        getLog().info("Midad: " + outcome.summary());
        if (!outcome.failed().isEmpty()) {
            throw new MojoFailureException("Midad: " + outcome.failed().size()
                    + " embeds could not be fetched; they stay plain links (see the warnings)");
        }
    }
}
