package dev.midad.content;

import dev.midad.yaml.YamlMapping;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When an article is taken down ({@code expires:}) and where its address sends readers then
 * ({@code expires_redirect:}, a site path or an https address; empty for a "410 Gone" page).
 */
public record Expiry(ZonedDateTime at, String redirect) {
    /**
     * What a redirect target may hold: it is written into server configuration (nginx, Apache, Netlify), so
     * nothing that could end or extend a rule (spaces, quotes, # ; { } $ \\) passes; other letters are encoded.
     */
    private static final Pattern SAFE_TARGET = Pattern.compile("[A-Za-z0-9\\-._~:/?\\[\\]@!&()*+,=%\\P{ASCII}&&\\S]+");

    /** Reads {@code expires} and {@code expires_redirect}; null when the article does not expire. */
    static Expiry read(YamlMapping yaml, ZoneId zone, ZonedDateTime date) {
        ZonedDateTime at = yaml.dateTime("expires", zone);
        String redirect = yaml.string("expires_redirect", "").strip();
        String lower = redirect.toLowerCase(Locale.ROOT);
        if (!redirect.isEmpty()
                && (!SAFE_TARGET.matcher(redirect).matches()
                        || !lower.startsWith("https://")
                                && !(redirect.startsWith("/") && !redirect.startsWith("//")))) {
            yaml.problem(
                    "expires_redirect",
                    "'expires_redirect' must be a site path such as /2024/06/x/ or an https address without spaces,"
                            + " quotes or any of # ; { } $ \\, not '" + redirect.replace("\n", "\\n") + "'");
            return null;
        }
        if (!redirect.isEmpty() && !yaml.has("expires")) {
            yaml.problem(
                    "expires_redirect",
                    "'expires_redirect' needs 'expires', the time the article is taken down, e.g."
                            + " expires: 2025-12-31T23:00");
            return null;
        }
        if (at == null) {
            return null;
        }
        if (date != null && !at.isAfter(date)) {
            yaml.problem(
                    "expires",
                    "'expires' (" + at.toOffsetDateTime() + ") is not after 'date' (" + date.toOffsetDateTime()
                            + "): the article would never be published; write a later time or remove it");
            return null;
        }
        return new Expiry(at, redirect);
    }

    /** Whether the article is taken down at {@code now}. */
    public boolean passed(ZonedDateTime now) {
        return !at.isAfter(now);
    }
}
