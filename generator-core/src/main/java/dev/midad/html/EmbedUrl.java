package dev.midad.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to a post or video on a platform Midad embeds, recognised from the address an editor pasted. Only
 * addresses of the platforms' documented shapes are recognised, and every address Midad writes back (the
 * original, the player) is rebuilt from the parsed parts, never copied from the input.
 *
 * @param provider  the platform
 * @param id        the post or video (safe in a file name: letters, digits, {@code _}, {@code -})
 * @param url       the canonical address of the original
 * @param playerUrl the https address of the platform's own embed (JSON-LD {@code embedUrl}; the facade loads it,
 *                  with autoplay for a video, into an iframe on a reader's click)
 */
public record EmbedUrl(Provider provider, String id, String url, String playerUrl) {
    /** The platforms, each with its name as readers know it; {@link #key()} names its folder under data/embeds. */
    public enum Provider {
        YOUTUBE("YouTube", true),
        VIMEO("Vimeo", true),
        X("X", false),
        INSTAGRAM("Instagram", false),
        FACEBOOK("Facebook", false),
        TELEGRAM("Telegram", false),
        TIKTOK("TikTok", true);

        private final String displayName;
        private final boolean video;

        Provider(String displayName, boolean video) {
            this.displayName = displayName;
            this.video = video;
        }

        public String displayName() {
            return displayName;
        }

        /** Videos get a play facade and {@code VideoObject} data; posts a quote card. */
        public boolean video() {
            return video;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The platform whose folder under data/embeds is {@code key}, if any. */
        public static Optional<Provider> ofKey(String key) {
            return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
        }
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:shorts|live|embed)/([A-Za-z0-9_-]{11})/?");
    private static final Pattern VIMEO_PATH = Pattern.compile("/(\\d{1,12})/?");
    private static final Pattern X_PATH = Pattern.compile("/([A-Za-z0-9_]{1,15})/status(?:es)?/(\\d{1,20})/?");
    private static final Pattern INSTAGRAM_PATH = Pattern.compile("/(p|reel|tv)/([A-Za-z0-9_-]{5,40})/?");
    private static final Pattern FACEBOOK_PATH =
            Pattern.compile("/([A-Za-z0-9.]{1,50})/(posts|videos)/([A-Za-z0-9]{1,80})/?");
    private static final Pattern TELEGRAM_PATH = Pattern.compile("/([A-Za-z][A-Za-z0-9_]{3,31})/(\\d{1,12})/?");
    private static final Pattern TIKTOK_PATH = Pattern.compile("/@([A-Za-z0-9_.]{1,24})/video/(\\d{1,20})/?");

    /** What the site stores of this post or video is keyed by this: {@code data/embeds/<key>.yaml} (or .json). */
    public String dataKey() {
        return provider.key() + "/" + id;
    }

    /** What {@code address} links to, when it is a post or video of a known platform in a known shape. */
    public static Optional<EmbedUrl> parse(String address) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawUserInfo() != null
                || uri.getHost() == null
                || uri.getPort() != -1
                || uri.getRawPath() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        host = host.startsWith("www.") || host.startsWith("m.") ? host.substring(host.indexOf('.') + 1) : host;
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Matcher m;
        switch (host) {
            case "youtube.com" -> {
                String v = path.equals("/watch") ? parameter(query, "v") : "";
                if (YOUTUBE_ID.matcher(v).matches()) {
                    return Optional.of(youtube(v));
                }
                m = YOUTUBE_PATH.matcher(path);
                return m.matches() ? Optional.of(youtube(m.group(1))) : Optional.empty();
            }
            case "youtu.be" -> {
                String id = path.length() > 1 ? path.substring(1) : "";
                return YOUTUBE_ID.matcher(id).matches() ? Optional.of(youtube(id)) : Optional.empty();
            }
            case "vimeo.com" -> {
                m = VIMEO_PATH.matcher(path);
                return m.matches()
                        ? Optional.of(new EmbedUrl(
                                Provider.VIMEO,
                                m.group(1),
                                "https://vimeo.com/" + m.group(1),
                                "https://player.vimeo.com/video/" + m.group(1) + "?dnt=1"))
                        : Optional.empty();
            }
            case "x.com", "twitter.com", "mobile.twitter.com" -> {
                m = X_PATH.matcher(path);
                return m.matches()
                        ? Optional.of(new EmbedUrl(
                                Provider.X,
                                m.group(2),
                                "https://x.com/" + m.group(1) + "/status/" + m.group(2),
                                "https://platform.twitter.com/embed/Tweet.html?id=" + m.group(2) + "&dnt=true"))
                        : Optional.empty();
            }
            case "instagram.com" -> {
                m = INSTAGRAM_PATH.matcher(path);
                return m.matches()
                        ? Optional.of(new EmbedUrl(
                                Provider.INSTAGRAM,
                                m.group(2),
                                "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/",
                                "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/embed/"))
                        : Optional.empty();
            }
            case "facebook.com" -> {
                m = FACEBOOK_PATH.matcher(path);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String url = "https://www.facebook.com/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3) + "/";
                String plugin = m.group(2).equals("videos") ? "video.php" : "post.php";
                return Optional.of(new EmbedUrl(
                        Provider.FACEBOOK,
                        m.group(3),
                        url,
                        "https://www.facebook.com/plugins/" + plugin + "?href="
                                + URLEncoder.encode(url, StandardCharsets.UTF_8)));
            }
            case "t.me" -> {
                m = TELEGRAM_PATH.matcher(path);
                return m.matches()
                        ? Optional.of(new EmbedUrl(
                                Provider.TELEGRAM,
                                m.group(1) + "-" + m.group(2),
                                "https://t.me/" + m.group(1) + "/" + m.group(2),
                                "https://t.me/" + m.group(1) + "/" + m.group(2) + "?embed=1"))
                        : Optional.empty();
            }
            case "tiktok.com" -> {
                m = TIKTOK_PATH.matcher(path);
                return m.matches()
                        ? Optional.of(new EmbedUrl(
                                Provider.TIKTOK,
                                m.group(2),
                                "https://www.tiktok.com/@" + m.group(1) + "/video/" + m.group(2),
                                "https://www.tiktok.com/embed/v2/" + m.group(2)))
                        : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static EmbedUrl youtube(String id) {
        return new EmbedUrl(
                Provider.YOUTUBE,
                id,
                "https://www.youtube.com/watch?v=" + id,
                "https://www.youtube-nocookie.com/embed/" + id);
    }

    /** The raw value of {@code name} in a query string, "" when absent. */
    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }
}
