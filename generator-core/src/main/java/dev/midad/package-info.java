/**
 * The API: {@code Site} (build, check), {@code IncrementalBuilder} (the preview's rebuilds), {@code BuildOptions},
 * {@code BuildResult}, {@code BuildListener}, {@code BuildException}. The plugin, the command line and the
 * benchmarks use only this package and {@code dev.midad.problem}.
 *
 * <p>May use: every stage below it: it runs the pipeline config, content, model.build, render, write (and check).
 * The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad;
