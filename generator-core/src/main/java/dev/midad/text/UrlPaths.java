package dev.midad.text;

import java.nio.charset.StandardCharsets;

/**
 * Site-relative URL paths. A path is kept decoded (real Unicode, as on disk) and percent-encoded (UTF-8,
 * RFC 3986) only when written into a link, feed or sitemap.
 */
public final class UrlPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPaths() {}

    /** Percent-encodes every byte of {@code path} except unreserved characters and {@code /}. */
    public static String encode(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            if (b == '/' || isUnreserved(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    static boolean isUnreserved(byte b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~';
    }

    /**
     * The file a URL path is written to, relative to the output folder: directories get {@code index.html}.
     * Leading slash removed; never contains {@code ..} because callers only pass slugified segments.
     */
    public static String toFile(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }

    /** Reverses {@link #encode}: the decoded path of a site-relative URL, without the site's base path. */
    public static String decode(String url, String basePath) {
        String path = url.startsWith(basePath) ? url.substring(basePath.length()) : url;
        return java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Percent-encodes what may not stand in a URI as written by an editor (RFC 3986): non-ASCII characters,
     * spaces and controls, {@code " < > \ ^ ` { | }}, a {@code %} that starts no escape, and {@code [ ]}
     * outside the host (browsers read {@code \} as {@code /}, so a raw one sends the link elsewhere).
     * Existing escapes, query strings and fragments are kept.
     */
    public static String encodeNonAscii(String url) {
        int hostEnd = hostEnd(url);
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (mustEncode(url, i, hostEnd)) {
                if (out == null) {
                    out = new StringBuilder(url.length() * 2).append(url, 0, i);
                }
                int cp = url.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                i += Character.charCount(cp) - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? url : out.toString();
    }

    private static boolean mustEncode(String url, int i, int hostEnd) {
        char c = url.charAt(i);
        if (c > 0x7E || c <= ' ' || "\"<>\\^`{|}".indexOf(c) >= 0) {
            return true;
        }
        if (c == '%') {
            return i + 2 >= url.length() || !isHex(url.charAt(i + 1)) || !isHex(url.charAt(i + 2));
        }
        return (c == '[' || c == ']') && i >= hostEnd;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Where the authority of {@code scheme://host…} ends (IPv6 hosts keep their brackets); 0 without one. */
    private static int hostEnd(String url) {
        int slashes = url.indexOf("://");
        if (slashes <= 0 || !url.substring(0, slashes).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return url.startsWith("//") ? endOfAuthority(url, 2) : 0;
        }
        return endOfAuthority(url, slashes + 3);
    }

    private static int endOfAuthority(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }
}
