package dev.midad;

import dev.midad.config.SiteConfig;

import java.nio.file.Path;

/**
 * A loaded site: configuration and content, validated, ready to build.
 *
 * <pre>{@code
 * BuildResult result = Site.load(Path.of("content")).build(Path.of("target/site"));
 * }</pre>
 */
public final class Site {
    // Filled in by the engine (work in progress in this commit).
    private final SiteConfig config;

    private Site(SiteConfig config) {
        this.config = config;
    }

    public static Site load(Path siteDir) throws BuildException {
        return load(siteDir, BuildOptions.defaults());
    }

    public static Site load(Path siteDir, BuildOptions options) throws BuildException {
        throw new BuildException(Problem.of(siteDir, "not built yet"));
    }

    public SiteConfig config() {
        return config;
    }

    public BuildResult build(Path outputDir) throws BuildException {
        throw new BuildException(Problem.of(outputDir, "not built yet"));
    }
}
