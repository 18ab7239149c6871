package dev.midad.model;

import dev.midad.text.UrlPaths;

/**
 * An old address that must keep working.
 *
 * @param fromPath   decoded site path of the old address (e.g. {@code /2019/05/بوتين/}), or empty for a
 *                   query-only rule such as WordPress's {@code /?p=123}
 * @param fromQuery  query parameter the old address was matched by ({@code p=123}), or empty
 * @param toUrl      site-relative, encoded URL of the new address
 * @param toAbsolute absolute URL of the new address (canonical of the redirect page)
 */
public record Redirect(String fromPath, String fromQuery, String toUrl, String toAbsolute) {

    /** The old address as a URL path, percent-encoded ("/" for query-only rules). */
    public String fromUrl() {
        return fromPath.isEmpty() ? "/" : UrlPaths.encode(fromPath);
    }

    public boolean hasPage() {
        return !fromPath.isEmpty();
    }

    /** Query-only rules split into name and value, for server configuration templates. */
    public String queryName() {
        return fromQuery.contains("=") ? fromQuery.substring(0, fromQuery.indexOf('=')) : fromQuery;
    }

    public String queryValue() {
        return fromQuery.contains("=") ? fromQuery.substring(fromQuery.indexOf('=') + 1) : "";
    }
}
