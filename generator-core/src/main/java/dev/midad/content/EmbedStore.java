package dev.midad.content;

import dev.midad.html.EmbedData;
import dev.midad.html.EmbedUrl;
import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the site stored of the posts and videos its articles embed: {@code data/embeds/<platform>/<id>.yaml}
 * (or {@code .json}: a platform's oEmbed answer saved as it came), read on every build so the build needs no
 * network and gives the same bytes every time. Keys: {@code title}, {@code author} ({@code author_name}),
 * {@code author_url}, {@code thumbnail} ({@code thumbnail_url}), {@code duration}, {@code uploaded}
 * ({@code upload_date}), {@code text}; other keys (the rest of an oEmbed answer) are ignored.
 */
public final class EmbedStore {
    public static final Path FOLDER = Path.of("data", "embeds");

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})");

    private EmbedStore() {}

    /** Every stored embed by {@link EmbedUrl#dataKey()} ("youtube/ID"); problems at their line. */
    public static Map<String, EmbedData> load(Path siteDir, ZoneId zone, List<Problem> problems) {
        Path folder = siteDir.resolve(FOLDER);
        Map<String, EmbedData> stored = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return stored;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            files = walk.filter(f -> f.getFileName().toString().matches(".+\\.(yaml|yml|json)"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.of(FOLDER, "cannot list folder: " + e.getMessage()));
            return stored;
        }
        for (Path file : files) {
            Path relative = folder.relativize(file);
            Path shown = FOLDER.resolve(relative);
            if (relative.getNameCount() != 2) {
                problems.add(
                        Problem.of(shown, "belongs in a platform's folder, e.g. data/embeds/youtube/<video id>.yaml"));
                continue;
            }
            String platform = relative.getName(0).toString();
            if (EmbedUrl.Provider.ofKey(platform).isEmpty()) {
                problems.add(Problem.of(
                        shown,
                        "'" + platform + "' is not a platform Midad embeds: the folders are "
                                + String.join(
                                        ", ",
                                        Arrays.stream(EmbedUrl.Provider.values())
                                                .map(EmbedUrl.Provider::key)
                                                .toList())));
                continue;
            }
            String name = relative.getFileName().toString();
            String key = platform + "/" + name.substring(0, name.lastIndexOf('.'));
            String text = SourceText.read(file, shown, problems);
            if (text == null) {
                continue;
            }
            EmbedData data = parse(YamlMapping.parse(shown, 1, text, problems), zone);
            if (data != null && stored.putIfAbsent(key, data) != null) {
                problems.add(Problem.of(shown, "is stored twice (as .yaml and .json): keep one of them"));
            }
        }
        return stored;
    }

    private static EmbedData parse(YamlMapping yaml, ZoneId zone) {
        String thumbnailKey = yaml.has("thumbnail") ? "thumbnail" : "thumbnail_url";
        String thumbnail = yaml.string(thumbnailKey, "");
        if (!thumbnail.isEmpty() && !isSitePath(thumbnail) && !isHttps(thumbnail)) {
            yaml.problem(
                    thumbnailKey,
                    "the thumbnail must be a site path such as /embeds/youtube/x.jpg (a file under static/) or an"
                            + " https address, not '" + thumbnail + "'");
            return null;
        }
        String authorUrl = yaml.string("author_url", "");
        if (!authorUrl.isEmpty() && !isHttps(authorUrl)) {
            yaml.problem("author_url", "author_url must be an https address, not '" + authorUrl + "'");
            return null;
        }
        Duration duration = null;
        String length = yaml.string("duration", "");
        if (!length.isEmpty()) {
            duration = duration(length);
            if (duration == null) {
                yaml.problem(
                        "duration",
                        "write the duration as minutes:seconds (4:13), hours:minutes:seconds (1:02:03) or ISO 8601"
                                + " (PT4M13S), not '" + length + "'");
                return null;
            }
        }
        String uploadedKey = yaml.has("uploaded") ? "uploaded" : "upload_date";
        if (yaml.has(uploadedKey) && yaml.dateTime(uploadedKey, zone) == null) {
            return null; // reported at its line
        }
        return new EmbedData(
                yaml.string("title", ""),
                yaml.string(yaml.has("author") ? "author" : "author_name", ""),
                authorUrl,
                thumbnail,
                duration,
                yaml.dateTime(uploadedKey, zone),
                yaml.string("text", ""));
    }

    private static Duration duration(String text) {
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            long hours = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
            return Duration.ofSeconds(
                    hours * 3600 + Long.parseLong(clock.group(2)) * 60 + Long.parseLong(clock.group(3)));
        }
        try {
            Duration parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
            return parsed.isNegative() || parsed.isZero() ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isSitePath(String value) {
        return value.startsWith("/") && !value.startsWith("//") && !value.contains("\\") && !value.contains(":");
    }

    /** Whether {@code value} is an https address that can stand in an attribute as it is. */
    public static boolean isHttps(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("https://")
                && !value.contains("\"")
                && !value.contains("<")
                && value.chars().noneMatch(c -> c <= ' ');
    }
}
