/**
 * {@code MediaTypes}: the one table of media types by file extension.
 *
 * <p>May use: nothing of Midad. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.media;
