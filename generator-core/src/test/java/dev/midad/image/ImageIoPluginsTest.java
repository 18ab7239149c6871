package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import org.junit.jupiter.api.Test;

class ImageIoPluginsTest {
    /**
     * Under Maven, ImageIO may have looked for plugins from a thread whose class loader does not see Midad's jars:
     * its registry then lacks the WebP writer, and the site was built without WebP. Simulated by taking the
     * writer out of the registry.
     */
    @Test
    void aRegistryMadeWithoutMidadsJarsGetsTheWebpWriterBack() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ImageIoPlugins.ready();
        List<ImageWriterSpi> webp = new ArrayList<>();
        Iterator<ImageWriterSpi> all = registry.getServiceProviders(ImageWriterSpi.class, true);
        all.forEachRemaining(spi -> {
            for (String type : spi.getMIMETypes() == null ? new String[0] : spi.getMIMETypes()) {
                if (type.equals("image/webp")) {
                    webp.add(spi);
                }
            }
        });
        assertFalse(webp.isEmpty(), "Midad ships a WebP writer");
        webp.forEach(registry::deregisterServiceProvider);
        assertFalse(ImageIO.getImageWritersByMIMEType("image/webp").hasNext(), "the registry lacks it now");

        ImageIoPlugins.ready();

        assertTrue(ImageIO.getImageWritersByMIMEType("image/webp").hasNext(), "ready() registers it again");
        assertTrue(Encoders.detect(0.8f).has(ImageFormat.WEBP), "and WebP is encoded");
    }
}
