package dev.midad.check;

import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.FrontMatter;
import dev.midad.content.StaticPage;
import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds keys that are probably misspelt known keys ({@code catgory:}, {@code tag:}, {@code per_pge:}): unknown
 * keys stay usable by templates, so a typo would otherwise pass in silence while the article drops out of its
 * section. A key is suspect when it is within a small edit distance of a known key; truly custom keys
 * ({@code priority:}) are far from every known key and pass without a word.
 */
public final class KeyTypos {
    /** Front matter keys of articles that Midad gives a meaning to. */
    public static final Set<String> ARTICLE_KEYS = Set.of(
            "title",
            "date",
            "updated",
            "author",
            "category",
            "tags",
            "summary",
            "image",
            "image_alt",
            "image_caption",
            "image_width",
            "image_height",
            "slug",
            "dateline",
            "source",
            "draft",
            "featured",
            "aliases",
            "wp_id",
            "translation_key",
            "lang",
            "dir",
            "expires",
            "expires_redirect");
    /** Front matter keys of pages that Midad gives a meaning to. */
    public static final Set<String> PAGE_KEYS =
            Set.of("title", "slug", "summary", "aliases", "wp_id", "translation_key", "lang", "dir");

    private KeyTypos() {}

    /** Warnings for site.yaml's top-level keys; none when the file cannot be read (the build reports that). */
    public static List<Problem> inSiteConfig(Path siteDir) {
        Path file = siteDir.resolve(SiteConfigLoader.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Problem> ignored = new ArrayList<>();
        Path shown = Path.of(SiteConfigLoader.FILE_NAME);
        String text = SourceText.read(file, shown, ignored);
        if (text == null) {
            return List.of();
        }
        YamlMapping yaml = YamlMapping.parse(shown, 1, text, ignored);
        return warnings(yaml, yaml.values().keySet(), SiteConfigLoader.KNOWN_KEYS);
    }

    /**
     * Warnings for the front matter of every article and page in {@code content}.
     *
     * @param contentDir the folder the content's paths are relative to
     * @param shownAs    that folder as it is named in problems (relative to the site)
     */
    public static List<Problem> inContent(Path contentDir, Path shownAs, ContentLoader.Content content) {
        List<Problem> warnings = new ArrayList<>();
        for (Article article : content.articles()) {
            warnings.addAll(inFile(contentDir, shownAs, article.source(), article.params(), ARTICLE_KEYS));
        }
        for (StaticPage page : content.pages()) {
            warnings.addAll(inFile(contentDir, shownAs, page.source(), page.params(), PAGE_KEYS));
        }
        return warnings;
    }

    private static List<Problem> inFile(
            Path contentDir, Path shownAs, Path source, Map<String, Object> params, Set<String> known) {
        if (params.keySet().stream().allMatch(key -> known.contains(key) || closest(key, known) == null)) {
            return List.of();
        }
        // Rare: read the file again for the keys' lines rather than keep every line of every file.
        List<Problem> ignored = new ArrayList<>();
        Path shown = shownAs.resolve(source);
        String text = SourceText.read(contentDir.resolve(source), shown, ignored);
        FrontMatter front = text == null ? null : FrontMatter.split(shown, text, ignored);
        if (front == null) {
            return List.of();
        }
        return warnings(front.yaml(), params.keySet(), known);
    }

    private static List<Problem> warnings(YamlMapping yaml, Collection<String> keys, Set<String> known) {
        List<Problem> warnings = new ArrayList<>();
        for (String key : keys) {
            String meant = known.contains(key) ? null : closest(key, known);
            if (meant != null) {
                warnings.add(Problem.at(
                        yaml.file(),
                        yaml.lineOf(key),
                        "'" + key + "' is not a key Midad knows:" + " did you mean `" + meant
                                + "`? (a custom key only reaches templates)"));
            }
        }
        return warnings;
    }

    /**
     * The known key {@code key} is most likely a misspelling of, or null when none is close: at most one edit
     * for keys of up to four letters, two for longer ones, where swapping two neighbours counts as one edit and
     * case is ignored ({@code Title}). Ties go to the alphabetically first key, so warnings are deterministic.
     */
    public static String closest(String key, Set<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        int allowed = lower.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int distance = distance(lower, candidate);
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Optimal string alignment distance (Levenshtein plus adjacent transpositions). Keys are a few letters
     * long, so the textbook table is all it takes; a text library would add a dependency for these lines.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
