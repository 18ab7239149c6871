/**
 * Stage 0, configuration: {@code site.yaml} read into {@code SiteConfig}; permalink patterns.
 *
 * <p>May use: problem, text, yaml. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.config;
