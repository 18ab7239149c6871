/**
 * {@code midad new}: a new article file with complete front matter.
 *
 * <p>May use: the API, config and the leaves. The order of the layers is written once, in the test {@code
 * LayersTest}.
 */
package dev.midad.create;
