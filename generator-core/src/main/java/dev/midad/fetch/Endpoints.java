package dev.midad.fetch;

import java.net.URI;

/**
 * Where the platforms are asked: their oEmbed endpoints, and the origin whose pages give Open Graph tags (the
 * post's own page when {@code pages} is null). {@link #PLATFORMS} are the real ones; tests point everything at
 * a local server with {@link #under(URI)}.
 *
 * @param youtube oEmbed of YouTube
 * @param vimeo   oEmbed of Vimeo
 * @param x       oEmbed of X (the {@code publish} host Twitter kept)
 * @param tiktok  oEmbed of TikTok
 * @param pages   an origin that serves every page as {@code <pages>/<host><path>}, or null for the pages themselves
 */
public record Endpoints(URI youtube, URI vimeo, URI x, URI tiktok, URI pages) {
    public static final Endpoints PLATFORMS = new Endpoints(
            URI.create("https://www.youtube.com/oembed"),
            URI.create("https://vimeo.com/api/oembed.json"),
            URI.create("https://publish.twitter.com/oembed"),
            URI.create("https://www.tiktok.com/oembed"),
            null);

    /** Every endpoint under {@code base}: {@code /youtube/oembed}, …, and pages under {@code /pages/<host>/…}. */
    public static Endpoints under(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        return new Endpoints(
                URI.create(root + "/youtube/oembed"),
                URI.create(root + "/vimeo/oembed"),
                URI.create(root + "/x/oembed"),
                URI.create(root + "/tiktok/oembed"),
                URI.create(root + "/pages"));
    }

    /** Where the page at {@code address} (an https address Midad built itself) is read. */
    URI page(String address) {
        if (pages == null) {
            return URI.create(address);
        }
        URI original = URI.create(address);
        String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
        return URI.create(pages.toString() + "/" + original.getHost() + original.getRawPath() + query);
    }
}
