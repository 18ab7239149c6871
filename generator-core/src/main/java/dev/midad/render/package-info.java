/**
 * Stage 4, render: FreeMarker templates for every output of a model into a {@code SiteOutput}; the memo that skips
 * unchanged files.
 *
 * <p>May use: write, model.build, model, html and the leaves. The order of the layers is written once, in the test
 * {@code LayersTest}.
 */
package dev.midad.render;
