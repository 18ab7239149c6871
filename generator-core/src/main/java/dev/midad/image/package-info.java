/**
 * Images: {@link dev.midad.image.ImagePipeline} plans resized variants (WebP and the original format) of every
 * raster image a page uses, encodes what its content-hash cache lacks, and draws the Arabic social cards
 * ({@link dev.midad.image.SocialCardRenderer}, Java2D text layout with a bundled OFL font).
 *
 * <p>May use: {@code problem}. The order of the layers is written once, in the test {@code LayersTest}.
 */
package dev.midad.image;
