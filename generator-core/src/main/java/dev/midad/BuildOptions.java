package dev.midad;

import java.time.Clock;

/**
 * How to build: which articles to include and what "now" is.
 *
 * @param includeDrafts include articles marked {@code draft: true}
 * @param includeFuture include articles dated after {@code clock}'s now
 * @param clock         the build's notion of now (fixed in tests)
 */
public record BuildOptions(boolean includeDrafts, boolean includeFuture, Clock clock) {

    public static BuildOptions defaults() {
        return new BuildOptions(false, false, Clock.systemUTC());
    }

    public BuildOptions withDrafts(boolean include) {
        return new BuildOptions(include, includeFuture, clock);
    }

    public BuildOptions withFuture(boolean include) {
        return new BuildOptions(includeDrafts, include, clock);
    }

    public BuildOptions withClock(Clock newClock) {
        return new BuildOptions(includeDrafts, includeFuture, newClock);
    }
}
