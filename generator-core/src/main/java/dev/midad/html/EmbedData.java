package dev.midad.html;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * What a site stored of one embedded post or video ({@code data/embeds/<platform>/<id>.yaml}), as the
 * platform's oEmbed or Open Graph data gave it. Texts are plain text, "" when unknown.
 *
 * @param title     the video's or post's title
 * @param author    who posted it (a channel, an account)
 * @param authorUrl the author's page on the platform (https), or ""
 * @param thumbnail a site path (shown in the page) or an https address (only given to search engines)
 * @param duration  a video's length, or null
 * @param uploaded  when it was posted, or null
 * @param text      a post's text
 */
public record EmbedData(
        String title,
        String author,
        String authorUrl,
        String thumbnail,
        Duration duration,
        ZonedDateTime uploaded,
        String text) {
    /** Whether the thumbnail is a file of this site (a page may show it without asking a third party). */
    public boolean localThumbnail() {
        return thumbnail.startsWith("/") && !thumbnail.startsWith("//");
    }
}
