package dev.midad.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * An {@link Encoder} backed by an ImageIO writer found by media type: the JDK's JPEG and PNG writers, and
 * webp-imageio's WebP writer (native libwebp bundled for Linux, macOS and Windows). Lossy formats use
 * {@code quality}; nothing but pixels is written (no EXIF, no comments: metadata is stripped).
 */
final class ImageIoEncoder implements Encoder {
    private final ImageFormat format;
    private final float quality;

    private ImageIoEncoder(ImageFormat format, float quality) {
        this.format = format;
        this.quality = quality;
    }

    /**
     * The encoder for {@code format}, if a writer is installed and really works here: a native codec may be
     * present as classes but fail to load its library on this platform, so a tiny image is encoded first.
     */
    static Optional<Encoder> probe(ImageFormat format, float quality) {
        ImageIoEncoder encoder = new ImageIoEncoder(format, quality);
        try {
            BufferedImage pixel = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
            return encoder.encode(pixel).length > 0 ? Optional.of(encoder) : Optional.empty();
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.empty(); // UnsatisfiedLinkError, NoClassDefFoundError: no usable codec here
        }
    }

    @Override
    public ImageFormat format() {
        return format;
    }

    @Override
    public byte[] encode(BufferedImage image) throws IOException {
        ImageIoPlugins.ready();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.mediaType());
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format.mediaType());
        }
        ImageWriter writer = writers.next();
        BufferedImage pixels = format == ImageFormat.PNG ? image : opaque(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format != ImageFormat.PNG && param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                String[] types = param.getCompressionTypes();
                if (types != null && types.length > 0) {
                    param.setCompressionType(Arrays.asList(types).contains("Lossy") ? "Lossy" : types[0]);
                }
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** JPEG (and lossy WebP from the photo desk) carry no alpha: flatten onto white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
