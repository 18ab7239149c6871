/**
 * {@code Problem}: one thing wrong with a site's input, with file, line and column. The lowest layer.
 *
 * <p>May use: nothing of Midad. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.problem;
