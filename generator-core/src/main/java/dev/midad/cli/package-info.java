/**
 * The {@code midad} command line.
 *
 * <p>May use: anything: it is the top layer. The order of the layers is written once, in the test {@code
 * LayersTest}.
 */
package dev.midad.cli;
