package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's way of writing images: nothing waits for an encode; the real files follow. */
class BackgroundEncodingTest {
    @TempDir
    Path dir;

    private ImagePipeline pipeline() {
        ImageSettings d = ImageSettings.defaults(dir);
        return new ImagePipeline(
                new ImageSettings(d.widths(), d.quality(), true, dir.resolve("cache"), true, false, d.cardColor()),
                Encoders.detect(0.8f),
                dir.resolve("static"));
    }

    private static Map<String, byte[]> write(ImagePipeline pipeline, List<Runnable> queued, Runnable ready)
            throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        ImagePipeline.Report report = pipeline.write(
                (source, file) -> {
                    synchronized (files) {
                        files.put(file, Files.readAllBytes(source));
                    }
                },
                task -> {
                    synchronized (queued) {
                        queued.add(task);
                    }
                },
                ready);
        assertEquals(0, report.encoded(), "nothing is encoded while the build waits");
        return files;
    }

    @Test
    void coldImagesAreServedAsTheSourceUntilTheirEncodesAreDone() throws Exception {
        Path source = Files.createDirectories(dir.resolve("static/images")).resolve("a.jpg");
        BufferedImage image = new BufferedImage(700, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 700, 400);
        g.dispose();
        ImageIO.write(image, "jpeg", source.toFile());
        byte[] original = Files.readAllBytes(source);

        ImagePipeline pipeline = pipeline();
        ResponsiveImage planned = pipeline.responsive("a", "/images/a.jpg", ImagePipelineTest.URLS, 0.5, 0.5)
                .orElseThrow();
        pipeline.card(
                "a",
                "/x/card.jpg",
                new CardContent("عنوان", "", "", "موقع", "/images/a.jpg", 0.5, 0.5, null),
                ImagePipelineTest.URLS);
        List<Runnable> queued = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Map<String, byte[]> first = write(pipeline, queued, ready::countDown);
        assertEquals(planned.variants().size(), first.size(), "every resized copy, the card left out");
        for (Variant v : planned.variants()) {
            assertArrayEquals(original, first.get(v.file()), v.file() + " is the source meanwhile");
        }
        assertEquals(2, queued.size(), "one encode per source and per card");
        assertTrue(pipeline.encoding());

        // a second build before the encodes ran starts nothing new
        write(pipeline, queued, ready::countDown);
        assertEquals(2, queued.size());

        Thread worker = new Thread(() -> queued.forEach(Runnable::run));
        worker.start();
        assertTrue(ready.await(60, TimeUnit.SECONDS), "ready runs when the last encode is done");
        worker.join();
        assertFalse(pipeline.encoding());
        assertEquals(planned.variants().size() + 1, pipeline.encodeCount());

        List<Runnable> none = new ArrayList<>();
        Map<String, byte[]> after = write(pipeline, none, () -> {});
        assertTrue(none.isEmpty(), "all in the cache now");
        assertEquals(planned.variants().size() + 1, after.size());
        for (Variant v : planned.variants()) {
            BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(after.get(v.file())));
            assertEquals(v.width(), read.getWidth(), v.file());
        }
        assertEquals(
                SocialCardRenderer.WIDTH,
                ImageIO.read(new java.io.ByteArrayInputStream(after.get("x/card.jpg")))
                        .getWidth());
    }
}
