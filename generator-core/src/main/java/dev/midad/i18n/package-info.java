/**
 * {@code Messages}: the visible strings of a site's language, from the theme's and the site's bundles.
 *
 * <p>May use: problem only. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.i18n;
