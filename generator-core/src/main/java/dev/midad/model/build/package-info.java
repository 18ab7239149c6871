/**
 * Stage 2, resolve: {@code SiteModelBuilder} turns content into the model, with {@code Links} (the one address
 * rule, also used by the renderer and the importer), {@code PublishedOrder}, {@code LeadImages}, {@code Aliases},
 * {@code Taxonomies}, {@code RelatedArticles}, {@code Editions}.
 *
 * <p>May use: model, content, html, config and the leaves; never render or write. The order of the layers is
 * written once, in the test {@code LayersTest}.
 */
package dev.midad.model.build;
