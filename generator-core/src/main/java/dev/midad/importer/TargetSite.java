package dev.midad.importer;

import dev.midad.problem.Problem;
import dev.midad.config.Permalink;
import dev.midad.config.SiteConfigLoader;
import dev.midad.text.SourceText;
import dev.midad.text.Slugs;
import dev.midad.yaml.YamlMapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The address settings of the site being imported into, read leniently from its {@code site.yaml} (defaults when
 * there is none yet), so the importer knows where an article will live and writes no alias that is the article's
 * own address.
 *
 * @param permalink  the article permalink pattern
 * @param timeZone   the zone the permalink's date parts are taken in
 * @param amp        true when the site publishes AMP versions at {@code amp/} under every article
 * @param latinSlugs true for {@code slug_style: latin}
 */
record TargetSite(String permalink, ZoneId timeZone, boolean amp, boolean latinSlugs) {
    static final String DEFAULT_PERMALINK = "/{yyyy}/{mm}/{slug}/";

    static TargetSite read(Path siteDir, ZoneId fallbackZone) {
        Path file = siteDir.resolve(SiteConfigLoader.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new TargetSite(DEFAULT_PERMALINK, fallbackZone, false, false);
        }
        List<Problem> problems = new ArrayList<>();
        String text = SourceText.read(file, file, problems);
        if (text == null) {
            return new TargetSite(DEFAULT_PERMALINK, fallbackZone, false, false);
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
        return new TargetSite(yaml.string("permalink", DEFAULT_PERMALINK), zone, yaml.bool("amp", false),
                "latin".equals(yaml.string("slug_style", "arabic")));
    }

    /** The decoded site path an article will have, or null when it cannot be told (Latin slugs of Arabic text). */
    String articlePath(String slugOrTitle, String category, ZonedDateTime date) {
        String slug = slug(slugOrTitle);
        String categorySlug = category == null ? "" : slug(category);
        if (slug == null || slug.isEmpty() || categorySlug == null) {
            return null;
        }
        return Permalink.expand(permalink, date.withZoneSameInstant(timeZone), slug, categorySlug);
    }

    /** The decoded site path a page will have, or null when it cannot be told. */
    String pagePath(String slugOrTitle) {
        String slug = slug(slugOrTitle);
        return slug == null || slug.isEmpty() ? null : "/" + slug + "/";
    }

    private String slug(String text) {
        if (latinSlugs && !text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        return Slugs.slugify(text);
    }
}
