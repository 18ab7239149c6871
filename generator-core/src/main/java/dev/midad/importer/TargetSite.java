package dev.midad.importer;

import dev.midad.config.Pagination;
import dev.midad.config.SiteConfigLoader;
import dev.midad.model.build.Links;
import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The address settings of the site being imported into, read leniently from its {@code site.yaml} (defaults when
 * there is none yet), so the importer knows where an article will live and writes no alias that is the article's
 * own address.
 *
 * @param addresses the site's address rule (the one the build uses)
 * @param amp       true when the site publishes AMP versions at {@code amp/} under every article
 * @param perPage   articles per list page ({@code per_page})
 * @param pagination how its lists are split into pages ({@code pagination})
 * @param language  the main edition's language ({@code language}, primary subtag, lower case)
 * @param editions  the folder under {@code editions/} of each further edition, by language (primary subtag)
 */
record TargetSite(
        Links.Rule addresses,
        boolean amp,
        int perPage,
        Pagination pagination,
        String language,
        Map<String, String> editions) {
    static final int DEFAULT_PER_PAGE = 10;

    static final String DEFAULT_PERMALINK = "/{yyyy}/{mm}/{slug}/";

    /** A site without a readable site.yaml: the build's defaults. */
    private static TargetSite defaults(ZoneId zone) {
        return new TargetSite(
                new Links.Rule(DEFAULT_PERMALINK, zone, false),
                false,
                DEFAULT_PER_PAGE,
                Pagination.ARCHIVE,
                "ar",
                Map.of());
    }

    static TargetSite read(Path siteDir, ZoneId fallbackZone) {
        Path file = siteDir.resolve(SiteConfigLoader.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults(fallbackZone);
        }
        List<Problem> problems = new ArrayList<>();
        String text = SourceText.read(file, file, problems);
        if (text == null) {
            return defaults(fallbackZone);
        }
        YamlMapping yaml = YamlMapping.parse(file, 1, text, problems);
        ZoneId zone = fallbackZone;
        String zoneName = yaml.string("time_zone");
        if (zoneName != null && !zoneName.isBlank()) {
            try {
                zone = ZoneId.of(zoneName.strip());
            } catch (DateTimeException e) {
                // the build reports it
            }
        } else if (problems.isEmpty()) {
            zone = ZoneId.of("UTC");
        }
        return new TargetSite(
                new Links.Rule(
                        yaml.string("permalink", DEFAULT_PERMALINK),
                        zone,
                        "latin".equals(yaml.string("slug_style", "arabic"))),
                yaml.bool("amp", false),
                yaml.positiveInt("per_page", DEFAULT_PER_PAGE),
                Pagination.named(yaml.string("pagination", "archive")).orElse(Pagination.ARCHIVE), // the build reports
                primary(yaml.string("language", "ar")),
                editions(yaml.values().get("editions")));
    }

    /** "en" of "en-GB", "en_US" or "EN". */
    static String primary(String language) {
        return language.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> editions(Object declared) {
        Map<String, String> editions = new LinkedHashMap<>();
        if (declared instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("language") != null) {
                    String language = String.valueOf(map.get("language"));
                    String path = String.valueOf(map.containsKey("path") ? map.get("path") : language);
                    if (path.matches("[a-z0-9-]+")) { // else the build reports it
                        editions.putIfAbsent(primary(language), path);
                    }
                }
            }
        }
        return Map.copyOf(editions);
    }

    /** The decoded site path an article will have, or null when it cannot be told (Latin slugs of Arabic text). */
    String articlePath(String slugOrTitle, String category, ZonedDateTime date) {
        if (!told(slugOrTitle) || category != null && !transliterable(category)) {
            return null;
        }
        return addresses.articlePath(slugOrTitle, category, date);
    }

    /** The decoded site path a page will have, or null when it cannot be told. */
    String pagePath(String slugOrTitle) {
        return told(slugOrTitle) ? addresses.pagePath(slugOrTitle) : null;
    }

    /**
     * Whether the slug of {@code text} can be told here: not when it is empty, nor for non-ASCII text on a site
     * with Latin slugs (the importer does not guess what an editor will accept as a transliteration).
     */
    private boolean told(String text) {
        return transliterable(text) && !addresses.slug(text).isEmpty();
    }

    private boolean transliterable(String text) {
        return !addresses.latinSlugs() || text.chars().allMatch(c -> c < 0x80);
    }
}
