/**
 * Stage 3, plan: the output registry. Every file a site gets (pages, feeds, sitemaps, robots, redirects, the
 * outputs a site declares in {@code site.yaml}) is an {@link dev.midad.output.OutputFormat} with a name, a
 * media type, a template, a path and a {@link dev.midad.output.Scope}; {@link dev.midad.output.OutputRegistry}
 * says which are on for a site, and the renderer walks it.
 *
 * <p>May use: {@code problem}, the leaves, {@code config}, {@code model}. The order of the layers is written
 * once, in the test {@code LayersTest}.
 */
package dev.midad.output;
