/**
 * {@code YamlMapping}: YAML read into plain maps with line numbers for every problem.
 *
 * <p>May use: problem only. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.yaml;
