package dev.midad.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Resizing and cropping with Thumbnailator: it downsizes in several bilinear steps (or bicubic for small
 * changes), which keeps thin lines and text in news photos sharp where one Java2D step would alias.
 */
final class Scaler {
    private Scaler() {}

    /** {@code image} at {@code width} pixels wide (the height follows the aspect ratio); never larger. */
    static BufferedImage toWidth(BufferedImage image, int width) throws IOException {
        if (width >= image.getWidth()) {
            return image;
        }
        return Thumbnails.of(image)
                .forceSize(width, heightAt(image.getWidth(), image.getHeight(), width))
                .asBufferedImage();
    }

    /** The {@code crop} of {@code image}, scaled to exactly {@code width}×{@code height}. */
    static BufferedImage crop(BufferedImage image, Rectangle crop, int width, int height) throws IOException {
        return Thumbnails.of(image).sourceRegion(crop).forceSize(width, height).asBufferedImage();
    }

    static int heightAt(int sourceWidth, int sourceHeight, int width) {
        return Math.max(1, (int) Math.round((double) sourceHeight * width / sourceWidth));
    }

    /**
     * The largest region of aspect {@code ratio} (width/height) in a {@code width}×{@code height} image,
     * centred on the focal point ({@code focusX}, {@code focusY} in 0…1) as far as the edges allow.
     */
    static Rectangle focusCrop(int width, int height, double ratio, double focusX, double focusY) {
        int cropWidth = width;
        int cropHeight = (int) Math.round(width / ratio);
        if (cropHeight > height) {
            cropHeight = height;
            cropWidth = (int) Math.round(height * ratio);
        }
        int x = clamp((int) Math.round(focusX * width - cropWidth / 2.0), 0, width - cropWidth);
        int y = clamp((int) Math.round(focusY * height - cropHeight / 2.0), 0, height - cropHeight);
        return new Rectangle(x, y, cropWidth, cropHeight);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
