package dev.midad.image;

import dev.midad.problem.Problem;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The site's image work. While the model is built, {@link #responsive} and {@link #card} plan files and
 * return their addresses at once (sizes are known from the cache index or the image header); {@link #write}
 * then encodes, in parallel, only what the cache does not hold yet, and hands every planned file to the
 * output. Thread-safe; one per loaded site, reused by the preview while static/ files stay the same.
 */
public final class ImagePipeline {
    /** Bumped when encoding or card drawing changes: old cache entries are then simply not used. */
    private static final String VERSION = "1";
    /** Structured-data crops: Google asks for 16:9, 4:3 and 1:1 at least 1200 px wide. */
    private static final List<int[]> CROPS = List.of(new int[] {16, 9}, new int[] {4, 3}, new int[] {1, 1});

    static final int LARGE = 1200;

    /** Where planned files go: the site's output. */
    @FunctionalInterface
    public interface Sink {
        /** A file to copy as it is now (the source image, in the preview, while its copies are encoded). */
        void copy(Path source, String file) throws IOException;

        /**
         * An entry of the image cache, whose bytes never change under its name and whose SHA-256 is known:
         * the output need not read it (it may link it). By default a copy.
         */
        default void cached(Path entry, String sha256, String file) throws IOException {
            copy(entry, file);
        }
    }

    /** Addresses of site paths, as the model builds them. */
    public interface SiteUrls {
        /** Site-relative encoded URL of a decoded site path such as {@code /images/a.jpg}. */
        String url(String sitePath);

        String absolute(String url);
    }

    /**
     * What {@link #write} did: files encoded now, taken from the cache, handed to the output; {@code read}: cache
     * entries read to learn their hash (none when the cache's index knows them all, as on a warm build).
     */
    public record Report(int encoded, int reused, int files, int read, long nanos) {}

    /**
     * What one owner (an article of an edition) planned, as the build cache keeps it: its files and its
     * warnings. {@link #install} plans them again in another JVM without reading the article or its images.
     */
    public record Plan(List<PlannedFile> files, List<Problem> warnings) {}

    /**
     * One planned file: {@code source} is a site path (the site folder may have moved), {@code crop} is x, y,
     * width and height in the source (empty for a resize), {@code card} is set for a social card.
     */
    public record PlannedFile(
            String file,
            String source,
            String cacheName,
            List<Integer> crop,
            int width,
            int height,
            ImageFormat format,
            CardContent card) {}

    private record Job(
            String file,
            String source,
            Path sourceFile,
            String cacheName,
            Rectangle crop,
            int width,
            int height,
            ImageFormat format,
            CardContent card) {}

    private final ImageSettings settings;
    private final Encoders encoders;
    private final Path staticDir;
    private final ImageCache cache;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, List<Problem>> warnings = new ConcurrentHashMap<>();
    /** Planned files by who needs them (an article, a site card): files nobody needs any more are not written. */
    private final Map<String, java.util.Set<String>> owned = new ConcurrentHashMap<>();

    private final AtomicInteger encodes = new AtomicInteger();
    /** Sources (or cards) being encoded in the background, for the preview. */
    private final java.util.Set<String> encoding = ConcurrentHashMap.newKeySet();
    /** The parameter part of cache names by region ("w640", a crop): the same few for every image of a site. */
    private final Map<String, String> parameters = new ConcurrentHashMap<>();

    public ImagePipeline(ImageSettings settings, Encoders encoders, Path staticDir) {
        this.settings = settings;
        this.encoders = encoders;
        this.staticDir = staticDir.toAbsolutePath().normalize();
        this.cache = new ImageCache(settings.cache());
    }

    /** The pipeline with every encoder this machine has. */
    public static ImagePipeline create(ImageSettings settings, Path staticDir) {
        return new ImagePipeline(settings, Encoders.detect(settings.quality()), staticDir);
    }

    public ImageSettings settings() {
        return settings;
    }

    /** Total images encoded by this pipeline (cards included). */
    public int encodeCount() {
        return encodes.get();
    }

    /** The upright size of a raster image under static/, or empty when it is not one that can be read. */
    public Optional<int[]> size(String sitePath) {
        return source(sitePath).map(s -> new int[] {s.width(), s.height()});
    }

    private Optional<ImageCache.Source> source(String sitePath) {
        Optional<Path> file = file(sitePath);
        if (file.isEmpty() || ImageFormat.ofFileName(sitePath).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cache.source(file.get()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> file(String sitePath) {
        if (sitePath == null || !sitePath.startsWith("/") || sitePath.startsWith("//")) {
            return Optional.empty();
        }
        Path file = staticDir.resolve(sitePath.substring(1)).normalize();
        return file.startsWith(staticDir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Plans the resized copies of the image at {@code sitePath} (decoded, e.g. {@code /images/kyiv.jpg}): every
     * ladder width below its own, its own width capped at the ladder's top, in WebP and in its own format;
     * crops for structured data where it is large enough. Empty for what is not a readable raster image.
     */
    public Optional<ResponsiveImage> responsive(
            String owner, String sitePath, SiteUrls urls, double focusX, double focusY) {
        Optional<ImageCache.Source> found = source(sitePath);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ImageCache.Source source = found.get();
        ImageFormat own = ImageFormat.ofFileName(sitePath).orElseThrow();
        List<ImageFormat> formats = new ArrayList<>();
        if (settings.webp() && encoders.has(ImageFormat.WEBP)) {
            formats.add(ImageFormat.WEBP);
        } else {
            noteMissingWebp();
        }
        if (own != ImageFormat.WEBP && encoders.has(own)) {
            formats.add(own);
        }
        if (formats.isEmpty()) {
            return Optional.empty();
        }
        ImageFormat originalType = formats.contains(own) ? own : formats.get(0);
        int top = settings.widths().get(settings.widths().size() - 1);
        List<Integer> widths = new ArrayList<>(
                settings.widths().stream().filter(w -> w < source.width()).toList());
        int largest = Math.min(source.width(), top);
        if (!widths.contains(largest)) {
            widths.add(largest);
        }
        String stem = stem(sitePath);
        String tag = source.hash().substring(0, 10);
        Path sourceFile = file(sitePath).orElseThrow();
        List<Variant> variants = new ArrayList<>();
        for (ImageFormat format : formats) {
            for (int width : widths) {
                int height = Scaler.heightAt(source.width(), source.height(), width);
                String path = stem + "-" + width + "." + tag + "." + format.extension();
                variants.add(plan(owner, path, sitePath, sourceFile, null, width, height, format, source, urls));
            }
        }
        List<Variant> crops = new ArrayList<>();
        for (int[] ratio : CROPS) {
            Rectangle crop =
                    Scaler.focusCrop(source.width(), source.height(), (double) ratio[0] / ratio[1], focusX, focusY);
            if (crop.width >= LARGE) {
                // another focal point is another crop: its own name (one image may serve several articles)
                String focus = focusX == 0.5 && focusY == 0.5
                        ? ""
                        : "-f" + Math.round(focusX * 100) + "-" + Math.round(focusY * 100);
                String path =
                        stem + "-" + ratio[0] + "x" + ratio[1] + focus + "." + tag + "." + originalType.extension();
                crops.add(plan(
                        owner,
                        path,
                        sitePath,
                        sourceFile,
                        crop,
                        LARGE,
                        LARGE * ratio[1] / ratio[0],
                        originalType,
                        source,
                        urls));
            }
        }
        return Optional.of(
                new ResponsiveImage(source.width(), source.height(), originalType.mediaType(), variants, crops));
    }

    private Variant plan(
            String owner,
            String path,
            String sitePath,
            Path sourceFile,
            Rectangle crop,
            int width,
            int height,
            ImageFormat format,
            ImageCache.Source source,
            SiteUrls urls) {
        String region = crop == null
                ? "w" + width
                : crop.x + "," + crop.y + "," + crop.width + "," + crop.height + ">" + width + "x" + height;
        String cacheName = source.hash() + "-"
                + parameters.computeIfAbsent(
                        region,
                        r -> ImageCache.hash(List.of(r, settings.quality(), VERSION))
                                .substring(0, 16))
                + "." + format.extension();
        String file = path.substring(1);
        jobs.put(file, new Job(file, sitePath, sourceFile, cacheName, crop, width, height, format, null));
        owned.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet()).add(file);
        String url = urls.url(path);
        return new Variant(url, urls.absolute(url), file, width, height, format.mediaType());
    }

    /** Plans the social card at {@code sitePath} (decoded, e.g. {@code /2024/06/x/card.jpg}). */
    public Variant card(String owner, String sitePath, CardContent content, SiteUrls urls) {
        String lead = source(content.lead()).map(ImageCache.Source::hash).orElse("");
        String logo = source(content.logo()).map(ImageCache.Source::hash).orElse("");
        String cacheName = ImageCache.hash(List.of(
                        "card",
                        VERSION,
                        content,
                        lead,
                        logo,
                        settings.quality(),
                        settings.cardColor().getRGB()))
                + ".jpg";
        String file = sitePath.substring(1);
        jobs.put(
                file,
                new Job(
                        file,
                        content.lead(),
                        null,
                        cacheName,
                        null,
                        SocialCardRenderer.WIDTH,
                        SocialCardRenderer.HEIGHT,
                        ImageFormat.JPEG,
                        content));
        owned.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet()).add(file);
        String url = urls.url(sitePath);
        return new Variant(
                url,
                urls.absolute(url),
                file,
                SocialCardRenderer.WIDTH,
                SocialCardRenderer.HEIGHT,
                ImageFormat.JPEG.mediaType());
    }

    /** What {@code owner} planned since it was last {@link #forget forgotten}, files in name order. */
    public Plan plan(String owner) {
        List<PlannedFile> files = owned.getOrDefault(owner, java.util.Set.of()).stream()
                .sorted()
                .map(jobs::get)
                .map(job -> new PlannedFile(
                        job.file(),
                        job.source(),
                        job.cacheName(),
                        job.crop() == null
                                ? List.of()
                                : List.of(job.crop().x, job.crop().y, job.crop().width, job.crop().height),
                        job.width(),
                        job.height(),
                        job.format(),
                        job.card()))
                .toList();
        return new Plan(files, warnings.getOrDefault(owner, List.of()));
    }

    /**
     * Plans again for {@code owner} what {@link #plan} returned for it in another JVM, with the same static
     * files: the same files are then written, and the same warnings shown, as if its article had been
     * resolved again. False, with nothing planned, when a source is not a path under static/ any more.
     */
    public boolean install(String owner, Plan plan) {
        List<Job> restored = new ArrayList<>();
        for (PlannedFile file : plan.files()) {
            Path sourceFile = null;
            if (file.card() == null) {
                if (!encoders.has(file.format())) {
                    return false; // planned where another encoder was available
                }
                noteMissingWebp();
                if (file.source() == null || !file.source().startsWith("/")) {
                    return false;
                }
                sourceFile = staticDir.resolve(file.source().substring(1)).normalize();
                if (!sourceFile.startsWith(staticDir)) {
                    return false;
                }
            }
            List<Integer> c = file.crop();
            Rectangle crop = c.size() == 4 ? new Rectangle(c.get(0), c.get(1), c.get(2), c.get(3)) : null;
            restored.add(new Job(
                    file.file(),
                    file.source(),
                    sourceFile,
                    file.cacheName(),
                    crop,
                    file.width(),
                    file.height(),
                    file.format(),
                    file.card()));
        }
        java.util.Set<String> files = owned.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet());
        for (Job job : restored) {
            jobs.put(job.file(), job);
            files.add(job.file());
        }
        warnings(owner, plan.warnings());
        return true;
    }

    /** Said once, when an image is first planned: the encoders are looked for only then. */
    private void noteMissingWebp() {
        if (settings.webp() && !encoders.has(ImageFormat.WEBP)) {
            warnings.putIfAbsent(
                    "",
                    List.of(Problem.of(
                            null,
                            "no WebP encoder works on this platform ("
                                    + System.getProperty("os.name") + ", " + System.getProperty("os.arch")
                                    + "): images are served in their original format only")));
        }
    }

    /** Drops what {@code owner} planned: it is about to plan its files again (its article changed). */
    public void forget(String owner) {
        owned.remove(owner);
        warnings.remove(owner);
    }

    private static String stem(String sitePath) {
        int dot = sitePath.lastIndexOf('.');
        return dot > sitePath.lastIndexOf('/') ? sitePath.substring(0, dot) : sitePath;
    }

    /**
     * Forgets what owners starting with {@code prefix} planned, except {@code current}: an article gone from
     * the site (deleted, now a draft) no longer has its images written or its warnings shown.
     */
    public void retain(String prefix, java.util.Set<String> current) {
        owned.keySet().removeIf(owner -> owner.startsWith(prefix) && !current.contains(owner));
        warnings.keySet().removeIf(owner -> owner.startsWith(prefix) && !current.contains(owner));
    }

    /** Replaces the warnings about {@code source} (an article's file) with {@code found}. */
    public void warnings(String source, List<Problem> found) {
        if (found.isEmpty()) {
            warnings.remove(source);
        } else {
            warnings.put(source, List.copyOf(found));
        }
    }

    /** Every current warning, in a stable order. */
    public List<Problem> warnings() {
        return warnings.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Problem::toString))
                .toList();
    }

    /**
     * Encodes what the cache lacks (sources in parallel, each decoded once) and hands every planned file to
     * {@code sink}. An image that cannot be decoded after all is copied as it is under each planned name, with
     * a warning: a page never points at a missing file.
     */
    public Report write(Sink sink) throws IOException {
        return write(sink, null, null);
    }

    /**
     * As {@link #write(Sink)}, but for the live preview: what the cache lacks is encoded on {@code background}
     * (sources in parallel as far as it allows) instead of before this method returns. Meanwhile each missing
     * resized copy is the source image itself under the planned name (a page never points at a missing file), a
     * missing card is left out, and {@code ready} runs once every encode started so far is in the cache: a
     * build then hands the real files to the output. With a null {@code background}, encodes happen here.
     */
    public Report write(Sink sink, java.util.concurrent.Executor background, Runnable ready) throws IOException {
        long start = System.nanoTime();
        int readBefore = cache.reads();
        Map<String, List<Job>> bySource = new ConcurrentHashMap<>();
        java.util.Set<String> needed = new java.util.HashSet<>();
        owned.values().forEach(needed::addAll);
        List<Job> planned = jobs.values().stream()
                .filter(job -> needed.contains(job.file()))
                .toList();
        planned.forEach(job -> bySource.computeIfAbsent(
                        job.card() != null ? "card " + job.file() : job.source(), k -> new ArrayList<>())
                .add(job));
        AtomicInteger encoded = new AtomicInteger();
        try {
            bySource.values().parallelStream().forEach(group -> {
                try {
                    if (background != null && later(group, background, ready)) {
                        for (Job job : group) {
                            Optional<ImageCache.Entry> entry = cache.find(job.cacheName());
                            if (entry.isPresent()) {
                                sink.cached(entry.get().file(), entry.get().sha256(), job.file());
                            } else if (job.card() == null) {
                                sink.copy(job.sourceFile(), job.file());
                            }
                        }
                        return;
                    }
                    Map<String, ImageCache.Entry> entries = encodeMissing(group, encoded);
                    for (Job job : group) {
                        ImageCache.Entry entry = entries.get(job.cacheName());
                        sink.cached(entry.file(), entry.sha256(), job.file());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int read = cache.reads() - readBefore;
        cache.save();
        return new Report(
                encoded.get(), planned.size() - encoded.get(), planned.size(), read, System.nanoTime() - start);
    }

    /**
     * Whether {@code group} lacks cache entries; if so their encoding is started on {@code background} unless
     * it already runs, and {@code ready} runs when nothing is left to encode.
     */
    private boolean later(List<Job> group, java.util.concurrent.Executor background, Runnable ready) {
        if (group.stream().allMatch(job -> cache.has(job.cacheName()))) {
            return false;
        }
        String key = group.get(0).card() != null
                ? "card " + group.get(0).file()
                : group.get(0).source();
        if (encoding.add(key)) {
            background.execute(() -> {
                try {
                    encodeMissing(group, new AtomicInteger());
                    cache.save();
                } catch (IOException | RuntimeException e) {
                    warnings.put(
                            "encode " + key,
                            List.of(Problem.of(
                                    null, "cannot encode " + key + " in the background: " + e.getMessage())));
                } finally {
                    encoding.remove(key);
                    if (encoding.isEmpty() && ready != null) {
                        ready.run();
                    }
                }
            });
        }
        return true;
    }

    /** Whether encodes started by {@link #write(Sink, java.util.concurrent.Executor, Runnable)} still run. */
    public boolean encoding() {
        return !encoding.isEmpty();
    }

    /** Encodes what the cache lacks of {@code group}; every entry of the group, by cache name. */
    private Map<String, ImageCache.Entry> encodeMissing(List<Job> group, AtomicInteger encoded) throws IOException {
        Map<String, ImageCache.Entry> entries = new java.util.HashMap<>();
        List<Job> missing = new ArrayList<>();
        for (Job job : group) {
            Optional<ImageCache.Entry> entry = cache.find(job.cacheName()); // one look at the file when warm
            if (entry.isPresent()) {
                entries.put(job.cacheName(), entry.get());
            } else {
                missing.add(job);
            }
        }
        if (missing.isEmpty()) {
            return entries;
        }
        if (missing.get(0).card() != null) {
            for (Job job : missing) {
                CardContent content = job.card();
                BufferedImage card = SocialCardRenderer.render(
                        content, decodedOrNull(content.lead()), decodedOrNull(content.logo()), settings.cardColor());
                entries.put(job.cacheName(), store(job, card, encoded));
            }
            return entries;
        }
        Path sourceFile = missing.get(0).sourceFile();
        BufferedImage image;
        try {
            image = Decoded.image(sourceFile);
        } catch (IOException | RuntimeException e) {
            warnings.put(
                    "decode " + missing.get(0).source(),
                    List.of(Problem.of(
                            staticDir
                                    .getFileName()
                                    .resolve(missing.get(0).source().substring(1)),
                            "cannot be decoded (" + e.getMessage() + "): served unchanged instead of resized")));
            byte[] original = Files.readAllBytes(sourceFile);
            for (Job job : missing) {
                entries.put(job.cacheName(), cache.put(job.cacheName(), original));
            }
            return entries;
        }
        for (Job job : missing) {
            BufferedImage resized = job.crop() == null
                    ? Scaler.toWidth(image, job.width())
                    : Scaler.crop(image, job.crop(), job.width(), job.height());
            entries.put(job.cacheName(), store(job, resized, encoded));
        }
        return entries;
    }

    private ImageCache.Entry store(Job job, BufferedImage image, AtomicInteger encoded) throws IOException {
        Encoder encoder =
                encoders.get(job.format()).orElseThrow(() -> new IOException("no encoder for " + job.format()));
        ImageCache.Entry entry = cache.put(job.cacheName(), encoder.encode(image));
        encoded.incrementAndGet();
        encodes.incrementAndGet();
        return entry;
    }

    private BufferedImage decodedOrNull(String sitePath) {
        Optional<Path> file = file(sitePath);
        if (file.isEmpty() || ImageFormat.ofFileName(sitePath).isEmpty()) {
            return null;
        }
        try {
            return Decoded.image(file.get());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
