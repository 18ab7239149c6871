package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePipelineTest {
    @TempDir
    Path dir;

    static final ImagePipeline.SiteUrls URLS = new ImagePipeline.SiteUrls() {
        @Override
        public String url(String sitePath) {
            return sitePath;
        }

        @Override
        public String absolute(String url) {
            return "https://example.org" + url;
        }
    };

    private Path staticDir() throws Exception {
        return Files.createDirectories(dir.resolve("static/images"));
    }

    private ImagePipeline pipeline(Encoders encoders) {
        ImageSettings d = ImageSettings.defaults(dir);
        ImageSettings settings =
                new ImageSettings(d.widths(), d.quality(), true, dir.resolve("cache"), true, false, d.cardColor());
        return new ImagePipeline(settings, encoders, dir.resolve("static"));
    }

    private static void jpeg(BufferedImage image, Path file) throws Exception {
        ImageIO.write(image, "jpeg", file.toFile());
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height); // left half red, right half blue: orientation is visible
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Everything written, by output file. */
    private static Map<String, byte[]> write(ImagePipeline pipeline) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        pipeline.write((source, file) -> {
            synchronized (files) {
                files.put(file, Files.readAllBytes(source));
            }
        });
        return files;
    }

    @Test
    void ladderNeverUpscalesAndWritesWebpAndOriginal() throws Exception {
        jpeg(picture(1000, 500), staticDir().resolve("a.jpg"));
        ImagePipeline pipeline = pipeline(Encoders.detect(0.8f));
        ResponsiveImage image =
                pipeline.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5).orElseThrow();
        assertEquals(
                List.of(320, 640, 960, 1000),
                image.of("image/jpeg").stream().map(Variant::width).toList());
        assertEquals(
                List.of(320, 640, 960, 1000),
                image.of("image/webp").stream().map(Variant::width).toList());
        assertTrue(image.crops().isEmpty(), "1000 px is too small for 1200 px crops");
        Map<String, byte[]> files = write(pipeline);
        assertEquals(8, files.size());
        for (Variant v : image.variants()) {
            BufferedImage read = ImageIO.read(new java.io.ByteArrayInputStream(files.get(v.file())));
            assertNotNull(read, v.file());
            assertEquals(v.width(), read.getWidth(), v.file());
            assertEquals(v.height(), read.getHeight(), v.file());
        }
        byte[] webp = files.get(image.of("image/webp").get(0).file());
        assertEquals("RIFF", new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(
                "/images/a-320." + image.variants().get(0).file().split("\\.")[1] + ".webp",
                image.variants().get(0).url());
    }

    @Test
    void largeImagesGetStructuredDataCrops() throws Exception {
        jpeg(picture(2400, 1600), staticDir().resolve("big.jpg"));
        ResponsiveImage image = pipeline(Encoders.detect(0.8f))
                .responsive("a", "/images/big.jpg", URLS, 0.5, 0.5)
                .orElseThrow();
        assertEquals(1600, image.largest().width(), "capped at the ladder's top");
        assertEquals(
                List.of("1200x675", "1200x900", "1200x1200"),
                image.crops().stream().map(c -> c.width() + "x" + c.height()).toList());
    }

    @Test
    void warmCacheEncodesNothing() throws Exception {
        jpeg(picture(1300, 700), staticDir().resolve("a.jpg"));
        ImagePipeline cold = pipeline(Encoders.detect(0.8f));
        cold.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        cold.card(
                "a",
                "/x/card.jpg",
                new CardContent("عنوان", "سياسة", "20 يونيو 2024", "موقع", "/images/a.jpg", 0.5, 0.5, null),
                URLS);
        Map<String, byte[]> first = write(cold);
        assertEquals(first.size(), cold.encodeCount());

        ImagePipeline warm = pipeline(Encoders.detect(0.8f)); // a new build: same cache folder
        warm.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        warm.card(
                "a",
                "/x/card.jpg",
                new CardContent("عنوان", "سياسة", "20 يونيو 2024", "موقع", "/images/a.jpg", 0.5, 0.5, null),
                URLS);
        Map<String, byte[]> second = write(warm);
        assertEquals(0, warm.encodeCount());
        assertEquals(first.keySet(), second.keySet());
        first.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, second.get(file)), file));

        ImagePipeline edited = pipeline(Encoders.detect(0.8f)); // another headline: only the card again
        edited.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        edited.card(
                "a",
                "/x/card.jpg",
                new CardContent("عنوان آخر", "سياسة", "20 يونيو 2024", "موقع", "/images/a.jpg", 0.5, 0.5, null),
                URLS);
        write(edited);
        assertEquals(1, edited.encodeCount());
    }

    /** What a sink is handed, as {@code Site} hands it to the output: cache entries with their hashes. */
    private record Handed(Map<String, String> hashes, Map<String, Path> entries) {}

    private static ImagePipeline.Report hand(ImagePipeline pipeline, Handed handed) throws Exception {
        return pipeline.write(new ImagePipeline.Sink() {
            @Override
            public void copy(Path source, String file) {
                throw new AssertionError("a cache entry is handed with its hash: " + file);
            }

            @Override
            public void cached(Path entry, String sha256, String file) {
                synchronized (handed) {
                    handed.hashes().put(file, sha256);
                    handed.entries().put(file, entry);
                }
            }
        });
    }

    @Test
    void aWarmWriteReadsNoEntryAndHandsEachWithTheHashOfItsBytes() throws Exception {
        jpeg(picture(1600, 900), staticDir().resolve("a.jpg"));
        ImagePipeline cold = pipeline(Encoders.detect(0.8f));
        cold.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        Handed first = new Handed(new TreeMap<>(), new TreeMap<>());
        ImagePipeline.Report coldReport = hand(cold, first);
        assertEquals(12, coldReport.encoded(), "10 resized copies and two crops");
        assertEquals(0, coldReport.read(), "hashed as they were encoded, from memory");
        for (Map.Entry<String, Path> e : first.entries().entrySet()) {
            assertEquals(
                    sha256(Files.readAllBytes(e.getValue())), first.hashes().get(e.getKey()), e.getKey());
        }

        ImagePipeline warm = pipeline(Encoders.detect(0.8f)); // a new build: same cache folder, index from disk
        warm.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        Handed second = new Handed(new TreeMap<>(), new TreeMap<>());
        ImagePipeline.Report warmReport = hand(warm, second);
        assertEquals(0, warmReport.encoded());
        assertEquals(0, warmReport.read(), "no entry read: sizes and times match the index");
        assertEquals(first.hashes(), second.hashes());

        // an entry replaced behind the cache's back (another time) is read again, and its real hash handed on
        Path replaced = first.entries().values().iterator().next();
        Files.write(replaced, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(replaced, java.nio.file.attribute.FileTime.fromMillis(1_500_000_000_000L));
        Files.delete(dir.resolve("cache/entries.tsv")); // and a cache of an earlier version, without the index
        ImagePipeline after = pipeline(Encoders.detect(0.8f));
        after.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        Handed third = new Handed(new TreeMap<>(), new TreeMap<>());
        ImagePipeline.Report afterReport = hand(after, third);
        assertEquals(0, afterReport.encoded());
        assertEquals(12, afterReport.read(), "without the index every entry is read once");
        for (Map.Entry<String, Path> e : third.entries().entrySet()) {
            assertEquals(
                    sha256(Files.readAllBytes(e.getValue())), third.hashes().get(e.getKey()), e.getKey());
        }
        ImagePipeline again = pipeline(Encoders.detect(0.8f));
        again.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5);
        assertEquals(
                0, hand(again, new Handed(new TreeMap<>(), new TreeMap<>())).read(), "then known again");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void withoutWebpEncoderFallsBackToTheOriginalFormatWithAWarning() throws Exception {
        jpeg(picture(800, 400), staticDir().resolve("a.jpg"));
        Encoders noWebp = Encoders.of(List.of(
                ImageIoEncoder.probe(ImageFormat.JPEG, 0.8f).orElseThrow(),
                ImageIoEncoder.probe(ImageFormat.PNG, 0.8f).orElseThrow()));
        ImagePipeline pipeline = pipeline(noWebp);
        ResponsiveImage image =
                pipeline.responsive("a", "/images/a.jpg", URLS, 0.5, 0.5).orElseThrow();
        assertFalse(image.hasWebp());
        assertEquals(
                List.of(320, 640, 800),
                image.variants().stream().map(Variant::width).toList());
        assertTrue(image.variants().stream().allMatch(v -> v.mediaType().equals("image/jpeg")));
        assertEquals(3, write(pipeline).size());
        assertTrue(
                pipeline.warnings().stream().anyMatch(p -> p.message().contains("no WebP encoder")),
                pipeline.warnings().toString());
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        // 200x100 stored, EXIF orientation 6 (rotate 90° clockwise): upright it is 100x200, red on top
        Path file = staticDir().resolve("turned.jpg");
        Files.write(file, withExifOrientation(picture(200, 100), 6));
        ImagePipeline pipeline = pipeline(Encoders.detect(0.8f));
        assertEquals(
                List.of(100, 200),
                java.util.Arrays.stream(pipeline.size("/images/turned.jpg").orElseThrow())
                        .boxed()
                        .toList());
        BufferedImage upright = Decoded.image(file);
        assertEquals(100, upright.getWidth());
        assertEquals(200, upright.getHeight());
        Color top = new Color(upright.getRGB(50, 20));
        Color bottom = new Color(upright.getRGB(50, 180));
        assertTrue(top.getRed() > 200 && top.getBlue() < 60, "red half on top: " + top);
        assertTrue(bottom.getBlue() > 200 && bottom.getRed() < 60, "blue half below: " + bottom);
        ResponsiveImage image =
                pipeline.responsive("a", "/images/turned.jpg", URLS, 0.5, 0.5).orElseThrow();
        Map<String, byte[]> files = write(pipeline);
        byte[] variant = files.get(image.of("image/jpeg").get(0).file());
        assertFalse(
                new String(variant, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"),
                "metadata stripped");
    }

    @Test
    void cmykJpegsAreRead() throws Exception {
        Path file = staticDir().resolve("cmyk.jpg");
        Files.write(file, cmykJpeg(64, 32));
        ImagePipeline pipeline = pipeline(Encoders.detect(0.8f));
        ResponsiveImage image =
                pipeline.responsive("a", "/images/cmyk.jpg", URLS, 0.5, 0.5).orElseThrow();
        assertEquals(64, image.width());
        Map<String, byte[]> files = write(pipeline);
        BufferedImage out = ImageIO.read(
                new java.io.ByteArrayInputStream(files.get(image.largest().file())));
        Color pixel = new Color(out.getRGB(10, 10));
        // pure cyan ink: much blue and green, little red
        assertTrue(pixel.getRed() < 120 && pixel.getGreen() > 120 && pixel.getBlue() > 160, pixel.toString());
        assertTrue(pipeline.warnings().isEmpty(), pipeline.warnings().toString());
    }

    @Test
    void notRasterOrMissingIsLeftAlone() throws Exception {
        Files.writeString(staticDir().resolve("logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        ImagePipeline pipeline = pipeline(Encoders.detect(0.8f));
        assertEquals(Optional.empty(), pipeline.responsive("a", "/images/logo.svg", URLS, 0.5, 0.5));
        assertEquals(Optional.empty(), pipeline.responsive("a", "/images/none.jpg", URLS, 0.5, 0.5));
        assertEquals(Optional.empty(), pipeline.responsive("a", "/../secret.jpg", URLS, 0.5, 0.5));
    }

    /** A baseline JPEG with an APP1 Exif segment carrying only the orientation tag. */
    static byte[] withExifOrientation(BufferedImage image, int orientation) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0
        };
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(header);
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A four-channel (CMYK) JPEG, as photo desks send: the JDK's own reader refuses these. */
    static byte[] cmykJpeg(int width, int height) throws Exception {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {0, 255, 255, 255}); // 100% cyan, stored inverted as Adobe does
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        // Adobe APP14 (transform 0: plain CMYK, values inverted), as Photoshop writes
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream marked = new ByteArrayOutputStream();
        marked.write(jpeg, 0, 2);
        marked.write(adobe);
        marked.write(jpeg, 2, jpeg.length - 2);
        return marked.toByteArray();
    }
}
