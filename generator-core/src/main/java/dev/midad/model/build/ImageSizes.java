package dev.midad.model.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Pixel sizes of the site's own images, for {@code og:image:width} and AMP's {@code amp-img}. Raster
 * images are measured from their headers by ImageIO (no decoding); SVG from the root element's
 * width/height or viewBox. Unknown sizes are {@code {0, 0}}. One instance per build caches results.
 */
final class ImageSizes {
    private static final int[] UNKNOWN = {0, 0};
    private final Map<Path, int[]> cache = new ConcurrentHashMap<>();

    public int[] of(Path file) {
        return cache.computeIfAbsent(file, ImageSizes::measure);
    }

    private static int[] measure(Path file) {
        if (!Files.isRegularFile(file)) {
            return UNKNOWN;
        }
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                return svg(file);
            }
            dev.midad.image.ImageIoPlugins.ready();
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    return UNKNOWN;
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static int[] svg(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    int width = pixels(xml.getAttributeValue(XMLConstants.NULL_NS_URI, "width"));
                    int height = pixels(xml.getAttributeValue(XMLConstants.NULL_NS_URI, "height"));
                    String viewBox = xml.getAttributeValue(XMLConstants.NULL_NS_URI, "viewBox");
                    if ((width == 0 || height == 0) && viewBox != null) {
                        String[] parts = viewBox.trim().split("[\\s,]+");
                        if (parts.length == 4) {
                            width = pixels(parts[2]);
                            height = pixels(parts[3]);
                        }
                    }
                    return width > 0 && height > 0 ? new int[] {width, height} : UNKNOWN;
                }
            }
        }
        return UNKNOWN;
    }

    private static int pixels(String value) {
        if (value == null || !value.trim().matches("\\d+(\\.\\d+)?(px)?")) {
            return 0;
        }
        return (int) Math.round(Double.parseDouble(value.trim().replace("px", "")));
    }
}
