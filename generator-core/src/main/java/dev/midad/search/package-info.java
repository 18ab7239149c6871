/**
 * The search index: {@link dev.midad.search.Analyser} folds and stems Arabic (and Latin) words the way the
 * browser's {@code search.js} does, {@link dev.midad.search.SearchIndex} writes the term-sharded index the search
 * page reads.
 *
 * <p>May use: {@code problem}, the leaves, {@code model}, {@code write}, {@code render} (the render memo, so a
 * rebuild analyses only changed articles). The order of the layers is written once, in the test
 * {@code LayersTest}.
 */
package dev.midad.search;
