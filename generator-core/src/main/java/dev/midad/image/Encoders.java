package dev.midad.image;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The encoders that work on this machine, by format. Immutable; {@link #detect} looks for them only when
 * first asked (ImageIO's plugin scan and loading WebP's native library cost a cold start 0.1–0.2 s of CPU,
 * and a build whose images and cards are all in the image cache never asks).
 */
public final class Encoders {
    private final Supplier<Map<ImageFormat, Encoder>> found;
    private volatile Map<ImageFormat, Encoder> byFormat;

    private Encoders(Supplier<Map<ImageFormat, Encoder>> found) {
        this.found = found;
    }

    /** Every format whose ImageIO writer is installed and works here (WebP needs its native library). */
    public static Encoders detect(float quality) {
        return detect(format -> ImageIoEncoder.probe(format, quality));
    }

    /**
     * The formats {@code probe} finds an encoder for, probed when first asked, with the context class loader
     * of the thread that calls this: ImageIO finds its plugins with the loader of the thread that first uses
     * it, and the first use may be on a worker thread whose loader (under Maven) does not see the plugin's jars.
     */
    static Encoders detect(Function<ImageFormat, Optional<Encoder>> probe) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new Encoders(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Map<ImageFormat, Encoder> found = new EnumMap<>(ImageFormat.class);
                for (ImageFormat format : ImageFormat.values()) {
                    probe.apply(format).ifPresent(e -> found.put(format, e));
                }
                return found;
            } finally {
                thread.setContextClassLoader(own);
            }
        });
    }

    /** Exactly these encoders (tests simulate a platform without WebP with this). */
    public static Encoders of(List<Encoder> encoders) {
        Map<ImageFormat, Encoder> map = new EnumMap<>(ImageFormat.class);
        encoders.forEach(e -> map.put(e.format(), e));
        return new Encoders(() -> map);
    }

    public Optional<Encoder> get(ImageFormat format) {
        return Optional.ofNullable(byFormat().get(format));
    }

    public boolean has(ImageFormat format) {
        return byFormat().containsKey(format);
    }

    private Map<ImageFormat, Encoder> byFormat() {
        Map<ImageFormat, Encoder> known = byFormat;
        if (known == null) {
            synchronized (this) {
                known = byFormat;
                if (known == null) {
                    known = found.get();
                    byFormat = known;
                }
            }
        }
        return known;
    }
}
