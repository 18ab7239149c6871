package dev.midad.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Reading source images with ImageIO: TwelveMonkeys' JPEG reader (registered ahead of the JDK's) turns CMYK
 * and YCCK JPEGs with their ICC profiles into sRGB; EXIF orientation is applied so that pixels stand upright.
 */
final class Decoded {
    private Decoded() {}

    /** Upright width and height, from the header and the EXIF orientation only (no decoding). */
    static int[] size(Path file) throws IOException {
        return read(file, false).size;
    }

    /** The whole image, upright, as 8-bit RGB (ARGB when it has transparency). */
    static BufferedImage image(Path file) throws IOException {
        return read(file, true).image;
    }

    private record Read(int[] size, BufferedImage image) {}

    private static Read read(Path file, boolean decode) throws IOException {
        ImageIoPlugins.ready();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable JPEG, PNG or WebP image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                Orientation orientation = orientation(reader);
                boolean turned = orientation != null && orientation.ordinal() >= Orientation.LEFT_TOP.ordinal();
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int[] size = turned ? new int[] {height, width} : new int[] {width, height};
                if (!decode) {
                    return new Read(size, null);
                }
                BufferedImage image = standard(reader.read(0));
                if (orientation != null && orientation != Orientation.TOP_LEFT) {
                    image = standard(
                            ExifFilterUtils.getFilterForOrientation(orientation).apply(image));
                }
                return new Read(size, image);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException e) {
            return null; // no or broken EXIF: the pixels as stored
        }
    }

    /** Scalers and encoders work best on the two standard packed types. */
    private static BufferedImage standard(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
