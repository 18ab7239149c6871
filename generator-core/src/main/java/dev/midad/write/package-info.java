/**
 * The output folder: staged or in-place writing, the manifest of what a build wrote, the output lock, claims on
 * file names.
 *
 * <p>May use: problem only. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.write;
