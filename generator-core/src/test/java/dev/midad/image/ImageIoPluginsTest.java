package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageInputStreamSpi;
import javax.imageio.spi.ImageOutputStreamSpi;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import org.junit.jupiter.api.Test;

class ImageIoPluginsTest {
    /**
     * Under Maven, ImageIO may have looked for plugins from a thread whose class loader does not see Midad's
     * jars: its registry then lacks the WebP writer and TwelveMonkeys' readers, and the site was built without
     * WebP. Simulated with a registry that holds the JDK's own providers only, as such a registry does.
     */
    @Test
    void aRegistryMadeWithoutMidadsJarsGetsItsCodecs() {
        List<Class<?>> categories = List.of(
                ImageReaderSpi.class, ImageWriterSpi.class, ImageInputStreamSpi.class, ImageOutputStreamSpi.class);
        ServiceRegistry registry = new ServiceRegistry(categories.iterator());
        for (Class<?> category : categories) {
            IIORegistry.getDefaultInstance()
                    .getServiceProviders(category, false)
                    .forEachRemaining(provider -> {
                        if (provider.getClass().getClassLoader() == null) { // the JDK's (java.desktop)
                            registry.registerServiceProvider(provider);
                        }
                    });
        }
        assertTrue(writers(registry, "image/webp").isEmpty());

        ImageIoPlugins.registerIn(registry);

        assertEquals(1, writers(registry, "image/webp").size(), "the WebP writer: " + writers(registry, "image/webp"));
        List<ImageReaderSpi> jpegReaders = new ArrayList<>();
        registry.getServiceProviders(ImageReaderSpi.class, false).forEachRemaining(jpegReaders::add);
        assertTrue(
                jpegReaders.stream()
                        .anyMatch(spi -> spi.getClass().getName().startsWith("com.twelvemonkeys")
                                && Arrays.asList(spi.getMIMETypes()).contains("image/jpeg")),
                "TwelveMonkeys' JPEG reader (CMYK photos): " + jpegReaders);
        int count = count(registry);
        ImageIoPlugins.registerIn(registry);
        assertEquals(count, count(registry), "registered once, however often asked");
        assertFalse(Encoders.detect(0.8f).get(ImageFormat.WEBP).isEmpty(), "and this JVM encodes WebP");
    }

    private static List<ImageWriterSpi> writers(ServiceRegistry registry, String mediaType) {
        List<ImageWriterSpi> found = new ArrayList<>();
        registry.getServiceProviders(ImageWriterSpi.class, false).forEachRemaining(spi -> {
            if (spi.getMIMETypes() != null && Arrays.asList(spi.getMIMETypes()).contains(mediaType)) {
                found.add(spi);
            }
        });
        return found;
    }

    private static int count(ServiceRegistry registry) {
        int[] count = {0};
        registry.getCategories()
                .forEachRemaining(category ->
                        registry.getServiceProviders(category, false).forEachRemaining(provider -> count[0]++));
        return count[0];
    }
}
