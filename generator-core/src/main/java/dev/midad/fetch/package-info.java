/**
 * Asking the platforms, on an editor's request only: {@link dev.midad.fetch.EmbedFetch} finds the posts and
 * videos the articles embed without stored data, asks each platform's oEmbed endpoint or reads the page's Open
 * Graph tags, and stores what it learnt as plain text in {@code data/embeds/} (and the thumbnail under
 * {@code static/embeds/}), so the builds that follow stay offline. A build never uses this package.
 *
 * <p>May use: {@code problem}, the leaves, {@code config}, {@code html}, {@code markdown}, {@code content}. The
 * order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.fetch;
