package dev.midad;

import dev.midad.problem.Problem;
import java.time.Duration;

/**
 * Hears about a build's phases, for progress output on long builds. Called on the building thread.
 */
@FunctionalInterface
public interface BuildListener {
    /** Does nothing. */
    BuildListener NONE = (phase, count, elapsed) -> {};

    /**
     * @param phase   what just finished: "cache" (build cache files read), "read" (articles), "model" (pages),
     *                "images" (encoded), "render" (files), "write" (files), "save" (build cache files written)
     * @param count   how many items the phase handled
     * @param elapsed how long the phase took
     */
    void phase(String phase, int count, Duration elapsed);

    /**
     * Something that does not stop the build but is probably a mistake: a misspelt key, an article whose
     * address changed since the last build, a broken link. Ignored unless overridden.
     */
    default void warning(Problem warning) {}
}
