package dev.midad.image;

import dev.midad.problem.Problem;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code images:} settings of site.yaml, every one optional:
 * <pre>
 * images:
 *   widths: [320, 640, 960, 1280, 1600]   # the srcset ladder; a source is never enlarged
 *   quality: 0.82                         # JPEG and WebP quality, 0.1…1
 *   webp: true                            # WebP copies besides the original format
 *   cache: ../image-cache                 # relative to the site folder; default: the user's cache folder
 *   cards: true                           # a 1200×630 social card per article
 *   card_always: false                    # the card as og:image even when a lead image is ≥ 1200 px
 *   card_color: "#8a1538"                 # the card's background without a lead image
 * </pre>
 */
public record ImageSettings(
        List<Integer> widths,
        float quality,
        boolean webp,
        Path cache,
        boolean cards,
        boolean cardAlways,
        Color cardColor) {
    public static final List<Integer> DEFAULT_WIDTHS = List.of(320, 640, 960, 1280, 1600);
    public static final Color DEFAULT_CARD_COLOR = new Color(0x8a1538);
    private static final Path SHOWN = Path.of("site.yaml");

    public ImageSettings {
        widths = List.copyOf(widths);
    }

    public static ImageSettings defaults(Path siteDir) {
        return new ImageSettings(DEFAULT_WIDTHS, 0.82f, true, defaultCache(), true, false, DEFAULT_CARD_COLOR);
    }

    /**
     * The user's cache folder (never the site folder, which a build must not write into): the system property
     * {@code midad.imageCache} when set, else {@code $XDG_CACHE_HOME/midad/images} or {@code ~/.cache/midad/images},
     * {@code ~/Library/Caches/midad/images} on macOS, {@code %LOCALAPPDATA%\midad\images} on Windows.
     * Entries are named by content hash, so sites may share it.
     */
    static Path defaultCache() {
        String property = System.getProperty("midad.imageCache", "");
        if (!property.isBlank()) {
            return Path.of(property);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = System.getenv("XDG_CACHE_HOME");
        String local = System.getenv("LOCALAPPDATA");
        if (os.startsWith("windows") && local != null && !local.isBlank()) {
            return Path.of(local, "midad", "images");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("midad").resolve("images");
        }
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache"))
                .resolve("midad")
                .resolve("images");
    }

    /** Reads the {@code images} mapping of site.yaml ({@code declared} may be null); mistakes go to problems. */
    public static ImageSettings from(Object declared, Path siteDir, List<Problem> problems) {
        ImageSettings defaults = defaults(siteDir);
        if (declared == null) {
            return defaults;
        }
        if (!(declared instanceof Map<?, ?> map)) {
            problems.add(Problem.of(SHOWN, "'images' must be a mapping, e.g. images: {widths: [480, 960, 1600]}"));
            return defaults;
        }
        List<Integer> widths = defaults.widths();
        Object w = map.get("widths");
        if (w != null) {
            List<Integer> parsed = new ArrayList<>();
            if (w instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Integer i && i >= 16 && i <= 8192) {
                        parsed.add(i);
                    } else {
                        parsed.clear();
                        break;
                    }
                }
            }
            if (parsed.isEmpty()) {
                problems.add(Problem.of(
                        SHOWN,
                        "'images.widths' must be a list of pixel widths between 16 and 8192,"
                                + " e.g. [320, 640, 960, 1280, 1600]"));
            } else {
                widths = parsed.stream().distinct().sorted().toList();
            }
        }
        float quality = defaults.quality();
        Object q = map.get("quality");
        if (q != null) {
            if (q instanceof Number n && n.doubleValue() >= 0.1 && n.doubleValue() <= 1) {
                quality = n.floatValue();
            } else {
                problems.add(Problem.of(SHOWN, "'images.quality' must be a number from 0.1 to 1, e.g. 0.82"));
            }
        }
        Path cache = defaults.cache();
        if (map.get("cache") instanceof String c && !c.isBlank()) {
            cache = siteDir.resolve(c).normalize();
        }
        Color color = defaults.cardColor();
        Object c = map.get("card_color");
        if (c != null) {
            String text = String.valueOf(c).strip();
            if (text.matches("#[0-9a-fA-F]{6}")) {
                color = new Color(Integer.parseInt(text.substring(1), 16));
            } else {
                problems.add(Problem.of(
                        SHOWN, "'images.card_color' must be a colour such as \"#8a1538\", not '" + text + "'"));
            }
        }
        return new ImageSettings(
                widths,
                quality,
                bool(map, "webp", true, problems),
                cache,
                bool(map, "cards", true, problems),
                bool(map, "card_always", false, problems),
                color);
    }

    private static boolean bool(Map<?, ?> map, String key, boolean otherwise, List<Problem> problems) {
        Object value = map.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(Problem.of(SHOWN, "'images." + key + "' must be true or false"));
        return otherwise;
    }
}
