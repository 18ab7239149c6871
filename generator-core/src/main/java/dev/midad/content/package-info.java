/**
 * Stage 1, read: content files (front matter and Markdown) into {@code Article} and {@code StaticPage}; a cache of
 * parsed sources for the preview.
 *
 * <p>May use: markdown, config and the leaves. The order of the layers is written once, in the test {@code
 * LayersTest}.
 */
package dev.midad.content;
