package dev.midad.image;

import java.util.List;
import java.util.ServiceLoader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageInputStreamSpi;
import javax.imageio.spi.ImageOutputStreamSpi;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Makes ImageIO know the codecs Midad ships (TwelveMonkeys' readers, the WebP writer) whatever loaded ImageIO
 * first. ImageIO looks for plugins once per JVM, with the class loader of the thread that first uses it: under
 * Maven that may be a worker thread or another plugin, whose loader does not see Midad's jars, and the site was
 * then built without WebP (no error, 29 files fewer on the sample site) or without the CMYK JPEG reader.
 */
public final class ImageIoPlugins {
    /** Midad's providers, found once with the loader of Midad's own classes. */
    private static final List<Object> OWN = own();

    private ImageIoPlugins() {}

    /**
     * Call before any use of ImageIO: registers those of Midad's providers the registry lacks (a few lookups
     * once they are all there).
     */
    public static void ready() {
        registerIn(IIORegistry.getDefaultInstance());
    }

    /** Registers in {@code registry} those of Midad's providers it lacks. */
    static void registerIn(ServiceRegistry registry) {
        for (Object provider : OWN) {
            if (registry.getServiceProviderByClass(provider.getClass()) == null) {
                registry.registerServiceProvider(provider);
            }
        }
    }

    private static List<Object> own() {
        ClassLoader loader = ImageIoPlugins.class.getClassLoader();
        List<Object> found = new java.util.ArrayList<>();
        for (Class<?> category : List.of(
                ImageReaderSpi.class, ImageWriterSpi.class, ImageInputStreamSpi.class, ImageOutputStreamSpi.class)) {
            ServiceLoader.load(category, loader).forEach(found::add);
        }
        return List.copyOf(found);
    }
}
