/**
 * The resolved site as immutable records ({@code SiteModel}, {@code ArticleView}, {@code Term}, ...): what
 * templates see. Records only: the logic that makes them is in {@code model.build}.
 *
 * <p>May use: config and the leaves. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.model;
