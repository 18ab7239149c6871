package dev.midad;

import dev.midad.model.build.Publishing;
import java.time.Clock;

/**
 * How to build: which articles to include, what "now" is, and who hears about progress.
 *
 * @param includeDrafts include articles marked {@code draft: true}
 * @param includeFuture include articles dated after {@code clock}'s now
 * @param clock         the build's notion of now (fixed in tests)
 * @param listener      told when each phase finishes
 */
public record BuildOptions(boolean includeDrafts, boolean includeFuture, Clock clock, BuildListener listener)
        implements Publishing {

    public static BuildOptions defaults() {
        return new BuildOptions(false, false, Clock.systemUTC(), BuildListener.NONE);
    }

    public BuildOptions withDrafts(boolean include) {
        return new BuildOptions(include, includeFuture, clock, listener);
    }

    public BuildOptions withFuture(boolean include) {
        return new BuildOptions(includeDrafts, include, clock, listener);
    }

    public BuildOptions withClock(Clock newClock) {
        return new BuildOptions(includeDrafts, includeFuture, newClock, listener);
    }

    public BuildOptions withListener(BuildListener newListener) {
        return new BuildOptions(includeDrafts, includeFuture, clock, newListener);
    }
}
