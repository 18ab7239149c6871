package dev.midad.fetch;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What a platform told about one post or video, as plain text already (no markup survives into it); "" or
 * null when it did not say.
 *
 * @param source    where it came from, for the stored file's comment ("YouTube's oEmbed answer")
 * @param thumbnail the picture's address as the platform gave it (fetched separately), or ""
 */
record Fetched(
        String source,
        String title,
        String author,
        String authorUrl,
        String thumbnail,
        Duration duration,
        OffsetDateTime uploaded,
        String text) {}
