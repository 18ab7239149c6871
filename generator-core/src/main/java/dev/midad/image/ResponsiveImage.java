package dev.midad.image;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The resized copies of one source image, for {@code srcset}: {@code variants} in every format, narrowest
 * first; {@code crops} at fixed aspect ratios (16:9, 4:3, 1:1) for structured data, where the source is
 * large enough. {@code width}/{@code height} are the upright source's.
 */
public record ResponsiveImage(int width, int height, String originalType, List<Variant> variants, List<Variant> crops) {
    /** The {@code src} of browsers without {@code srcset}: about the width of the article column. */
    static final int FALLBACK_WIDTH = 960;

    public ResponsiveImage {
        variants = List.copyOf(variants);
        crops = List.copyOf(crops);
    }

    public List<Variant> of(String mediaType) {
        return variants.stream().filter(v -> v.mediaType().equals(mediaType)).toList();
    }

    /** {@code srcset} text for one format: {@code "/a-320.x.webp 320w, /a-640.x.webp 640w"}. */
    public String srcset(String mediaType) {
        return of(mediaType).stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
    }

    /** Whether a WebP set exists besides the original format (a {@code <source>} is worth writing). */
    public boolean hasWebp() {
        return !originalType.equals("image/webp") && !of("image/webp").isEmpty();
    }

    /** The original-format variant for {@code src}. */
    public Variant fallback() {
        List<Variant> own = of(originalType);
        return own.stream().filter(v -> v.width() >= FALLBACK_WIDTH).findFirst().orElse(own.get(own.size() - 1));
    }

    /** The widest original-format variant (feeds, share images). */
    public Variant largest() {
        List<Variant> own = of(originalType);
        return own.get(own.size() - 1);
    }
}
