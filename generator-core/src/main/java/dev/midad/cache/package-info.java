/**
 * The persistent build cache: {@link dev.midad.cache.BuildCache} stores what a build parsed, resolved and
 * rendered in one versioned, checksummed file beside the output; {@link dev.midad.cache.ValueCodec} writes and
 * reads Midad's own records; {@link dev.midad.cache.Fingerprint} hashes a job's data so a build in a new JVM can
 * tell which files would come out the same.
 *
 * <p>May use: {@code problem}, the leaves, {@code model}. The order of the layers is written once, in the test
 * {@code LayersTest}.
 */
package dev.midad.cache;
