/**
 * Pure text helpers: slugs, URL paths and their encoding, bidi direction, reading source files as UTF-8, excerpts.
 *
 * <p>May use: problem only. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.text;
