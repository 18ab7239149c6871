/**
 * Telling others a build published something: {@link dev.midad.publish.Pings} sends the changed addresses to
 * IndexNow and the changed feeds to a WebSub hub, as site.yaml's {@code pings:} asks.
 *
 * <p>May use: {@code problem}, the leaves, {@code config}, {@code model}, {@code write}. The order of the layers is
 * written once, in the test {@code LayersTest}.
 */
package dev.midad.publish;
