/**
 * WordPress (WXR) and plain-text import into content files; uses the build's address rule ({@code
 * model.build.Links.Rule}).
 *
 * <p>May use: model.build, config, content's leaves (text, yaml, problem); never render or the API. The order of
 * the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.importer;
