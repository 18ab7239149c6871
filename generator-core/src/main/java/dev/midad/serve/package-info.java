/**
 * The live preview: a loopback HTTP server and the watcher that rebuilds through the API's {@code
 * IncrementalBuilder}.
 *
 * <p>May use: the API and the leaves. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.serve;
