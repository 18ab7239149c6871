import dev.midad.BuildOptions;
import dev.midad.CachedBuilder;
import dev.midad.Site;
import dev.midad.image.ImagePipeline;
import dev.midad.image.ImageSettings;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * What images cost a build with a warm image cache, per image: the same generated site built twice per round in
 * one JVM, once with a distinct local 1600×900 JPEG lead per article and once with remote leads (no image work),
 * and the difference divided by the number of articles.
 *
 * <pre>
 * python3 bench/generate.py 2000 WORK/gen
 * java -XX:+UseSerialGC -cp midad-cli.jar bench/images/WarmImages.java WORK/gen/midad WORK [ROUNDS=3] [MODE=cached]
 * </pre>
 *
 * MODE {@code cached} builds as the {@code build} command does (the build cache next to the output: a warm build
 * is an incremental one, unchanged files are not touched); {@code full} as {@code Site.build} (every file
 * written into a new folder swapped in, as {@code build --clean}, with the image cache still warm).
 *
 * The leads are byte-distinct copies of one image (different content hashes, as N photos have), so the cache is
 * warmed by encoding one of them and linking its entries under the others' hashes; a first untimed build then
 * fills the cache's source index. Prints per round the two build times (wall and the JVM's CPU time), the images
 * phase and {@code image_ms_per_image} (wall and CPU), then the medians. On a shared machine compare CPU figures.
 */
public final class WarmImages {
    public static void main(String[] args) throws Exception {
        Path generated = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        cached = args.length <= 3 || args[3].equals("cached");
        Path local = work.resolve("local");
        Path remote = work.resolve("remote");
        Path cache = work.resolve("image-cache");
        int n = prepare(generated, local, remote, cache);
        warm(local, cache, n);
        build(local, work.resolve("out-local")); // fills the source index; encodes nothing
        build(remote, work.resolve("out-remote"));
        List<Double> perImage = new ArrayList<>();
        List<Double> cpuPerImage = new ArrayList<>();
        List<Long> withTimes = new ArrayList<>();
        List<Long> withoutTimes = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Long> phases = new TreeMap<>();
            Map<String, Long> phasesWithout = new TreeMap<>();
            long cpu0 = cpuMillis();
            long withImages = build(local, work.resolve("out-local"), phases);
            long cpu1 = cpuMillis();
            long without = build(remote, work.resolve("out-remote"), phasesWithout);
            long cpu2 = cpuMillis();
            double ms = (withImages - without) / (double) n;
            double cpu = ((cpu1 - cpu0) - (cpu2 - cpu1)) / (double) n;
            perImage.add(ms);
            cpuPerImage.add(cpu);
            withTimes.add(withImages);
            withoutTimes.add(without);
            System.out.printf(
                    "round %d: local leads %d ms (cpu %d) %s, remote leads %d ms (cpu %d) %s:"
                            + " image_ms_per_image %.3f wall, %.3f cpu%n",
                    round, withImages, cpu1 - cpu0, phases, without, cpu2 - cpu1, phasesWithout, ms, cpu);
        }
        Collections.sort(perImage);
        Collections.sort(cpuPerImage);
        System.out.printf(
                "%s builds: median image_ms_per_image %.3f wall, %.3f cpu; fastest builds %d vs %d ms: %.3f ms per"
                        + " image (N=%d)%n",
                cached ? "cached" : "full",
                perImage.get(perImage.size() / 2),
                cpuPerImage.get(cpuPerImage.size() / 2),
                Collections.min(withTimes),
                Collections.min(withoutTimes),
                (Collections.min(withTimes) - Collections.min(withoutTimes)) / (double) n,
                n);
    }

    private static boolean cached;

    /** CPU time of the whole JVM (every thread, the collector's too): less at the mercy of a busy machine. */
    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    private static long build(Path site, Path out) throws Exception {
        return build(site, out, new TreeMap<>());
    }

    private static long build(Path site, Path out, Map<String, Long> phases) throws Exception {
        long start = System.nanoTime();
        BuildOptions options = BuildOptions.defaults()
                .withListener((phase, count, elapsed) -> phases.merge(phase, elapsed.toMillis(), Long::sum));
        if (cached) {
            CachedBuilder.build(site, out, options, false);
        } else {
            Site.load(site, options).build(out);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Two copies of the generated site: leads under static/, and the same leads as remote addresses. */
    private static int prepare(Path generated, Path local, Path remote, Path cache) throws Exception {
        byte[] jpeg = lead();
        Path images = local.resolve("static/images/lead");
        Files.createDirectories(images);
        List<Path> articles;
        try (Stream<Path> files = Files.walk(generated.resolve("articles"))) {
            articles = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        String yaml = Files.readString(generated.resolve("site.yaml"), StandardCharsets.UTF_8)
                + "images: {cache: " + cache + "}\n";
        for (Path site : List.of(local, remote)) {
            Files.createDirectories(site);
            Files.writeString(site.resolve("site.yaml"), yaml, StandardCharsets.UTF_8);
        }
        for (Path article : articles) {
            String name = article.getFileName().toString().replace(".md", "");
            String text = Files.readString(article, StandardCharsets.UTF_8);
            Path relative = generated.relativize(article);
            for (Path site : List.of(local, remote)) {
                String image = site == local ? "/images/lead/" + name + ".jpg" : "https://example.org/lead/" + name + ".jpg";
                Path target = site.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.writeString(
                        target,
                        text.replaceFirst("---\n", "---\nimage: " + image + "\nimage_alt: صورة الخبر\n"),
                        StandardCharsets.UTF_8);
            }
            byte[] distinct = (name + "\n").getBytes(StandardCharsets.US_ASCII); // after the end of the image
            byte[] bytes = new byte[jpeg.length + distinct.length];
            System.arraycopy(jpeg, 0, bytes, 0, jpeg.length);
            System.arraycopy(distinct, 0, bytes, jpeg.length, distinct.length);
            Files.write(images.resolve(name + ".jpg"), bytes);
        }
        return articles.size();
    }

    /** Encodes the first lead, then links its cache entries under every other lead's content hash. */
    private static void warm(Path local, Path cache, int n) throws Exception {
        Path images = local.resolve("static/images/lead");
        List<Path> leads;
        try (Stream<Path> files = Files.list(images)) {
            leads = files.sorted().toList();
        }
        ImageSettings defaults = ImageSettings.defaults(local);
        ImageSettings settings = new ImageSettings(
                defaults.widths(), defaults.quality(), defaults.webp(), cache, false, false, defaults.cardColor());
        ImagePipeline pipeline = ImagePipeline.create(settings, local.resolve("static"));
        pipeline.responsive(
                "warm",
                "/images/lead/" + leads.get(0).getFileName(),
                new ImagePipeline.SiteUrls() {
                    @Override
                    public String url(String sitePath) {
                        return sitePath;
                    }

                    @Override
                    public String absolute(String url) {
                        return url;
                    }
                },
                0.5,
                0.5);
        pipeline.write((source, file) -> {});
        String first = sha256(leads.get(0));
        List<Path> entries;
        try (Stream<Path> files = Files.list(cache.resolve(first.substring(0, 2)))) {
            entries = files.filter(f -> f.getFileName().toString().startsWith(first)).toList();
        }
        for (Path lead : leads.subList(1, leads.size())) {
            String hash = sha256(lead);
            Path dir = cache.resolve(hash.substring(0, 2));
            Files.createDirectories(dir);
            for (Path entry : entries) {
                Path linked = dir.resolve(hash + entry.getFileName().toString().substring(first.length()));
                if (!Files.exists(linked)) {
                    Files.createLink(linked, entry);
                }
            }
        }
        System.out.println("warmed the cache: " + entries.size() + " entries per image, " + n + " images");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A 1600×900 JPEG with some structure (a gradient and bands), like a small news photo. */
    private static byte[] lead() throws Exception {
        BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d4e89), 1600, 900, new Color(0xe8a33d)));
        g.fillRect(0, 0, 1600, 900);
        g.setColor(new Color(255, 255, 255, 60));
        for (int x = 0; x < 1600; x += 90) {
            g.fillRect(x, 0, 30, 900);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
