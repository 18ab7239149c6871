/**
 * The HTML stage: every pass over article HTML is a {@code BodyProcessor} on a parsed body, run in a {@code
 * BodyChain} (one jsoup parse); {@code HtmlStage} lists the chains in the order they run (sanitising, link
 * encoding; rebasing, footnote polish, bidi isolation; absolute links for feeds; AMP).
 *
 * <p>May use: the leaves (text, i18n, problem); never the model or later stages: processors see HTML only. The
 * order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.html;
