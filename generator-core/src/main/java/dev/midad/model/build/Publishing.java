package dev.midad.model.build;

import java.time.Clock;

/**
 * Which articles a build publishes and what "now" is: the part of the API's build options the model needs
 * (the API's {@code BuildOptions} implements it, so the model does not import the API above it).
 */
public interface Publishing {
    /** Include articles marked {@code draft: true}. */
    boolean includeDrafts();

    /** Include articles dated after {@link #clock}'s now. */
    boolean includeFuture();

    Clock clock();
}
