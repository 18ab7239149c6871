/**
 * The link checker of {@code midad check}: every internal link of a built site must lead to a file.
 *
 * <p>May use: the leaves. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.check;
