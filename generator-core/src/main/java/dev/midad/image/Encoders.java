package dev.midad.image;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The encoders that work on this machine, by format. Immutable. */
public final class Encoders {
    private final Map<ImageFormat, Encoder> byFormat;

    private Encoders(Map<ImageFormat, Encoder> byFormat) {
        this.byFormat = byFormat;
    }

    /** Every format whose ImageIO writer is installed and works here (WebP needs its native library). */
    public static Encoders detect(float quality) {
        Map<ImageFormat, Encoder> found = new EnumMap<>(ImageFormat.class);
        for (ImageFormat format : ImageFormat.values()) {
            ImageIoEncoder.probe(format, quality).ifPresent(e -> found.put(format, e));
        }
        return new Encoders(found);
    }

    /** Exactly these encoders (tests simulate a platform without WebP with this). */
    public static Encoders of(List<Encoder> encoders) {
        Map<ImageFormat, Encoder> map = new EnumMap<>(ImageFormat.class);
        encoders.forEach(e -> map.put(e.format(), e));
        return new Encoders(map);
    }

    public Optional<Encoder> get(ImageFormat format) {
        return Optional.ofNullable(byFormat.get(format));
    }

    public boolean has(ImageFormat format) {
        return byFormat.containsKey(format);
    }
}
