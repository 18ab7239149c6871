package dev.midad.output;

import dev.midad.model.FeedFormat;

/** A feed in one {@link FeedFormat}, for the site (scope {@link Scope#SITE}) or for each term ({@link Scope#TERM}). */
public record FeedOutput(FeedFormat format, Scope scope) implements OutputFormat {
    @Override
    public String name() {
        return format.name();
    }

    @Override
    public String mediaType() {
        return format.mediaType();
    }

    @Override
    public String template() {
        return format.template();
    }

    @Override
    public String path() {
        return format.fileName();
    }
}
