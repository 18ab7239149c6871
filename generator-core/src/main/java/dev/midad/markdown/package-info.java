/**
 * Markdown to HTML: commonmark-java with GFM extensions and a nesting guard, then the first chain of the HTML
 * stage.
 *
 * <p>May use: config, html and the leaves. The order of the layers is written once, in the test {@code
 * LayersTest}.
 */
package dev.midad.markdown;
