package dev.midad.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publication's settings, read from {@code site.yaml}. Immutable.
 *
 * @param title         publication name, shown in the header and feeds
 * @param description   one-line description for the home page and feeds
 * @param baseUrl       absolute URL the site is served from, always ending in {@code /}
 * @param language      BCP 47 language of the site, {@code ar} by default
 * @param direction     {@code rtl} or {@code ltr}
 * @param locale        locale for dates shown to readers (e.g. {@code ar-EG} for يونيو)
 * @param digits        {@code latn} (20) or {@code arab} (٢٠) digits in dates shown to readers
 * @param timeZone      zone applied to dates written without an offset
 * @param permalink     article permalink pattern, e.g. {@code /{yyyy}/{mm}/{slug}/}
 * @param perPage       articles per list page
 * @param pagination    how lists are split into pages: numbered from the oldest (default) or the newest
 * @param feedSize      articles per feed
 * @param dateFormat    {@link java.time.format.DateTimeFormatter} pattern for reader-facing dates
 * @param defaultAuthor author used when an article names none (may be empty)
 * @param logo          site-relative path of the logo image (may be empty)
 * @param copyright     footer line (may be empty)
 * @param menu          category names for the navigation, in order (empty: busiest categories first)
 * @param embedHosts    hosts whose {@code <iframe>} embeds survive sanitising (e.g. www.youtube.com)
 * @param trustHtml     true: raw HTML in articles is published as written, without sanitising
 * @param amp           true: every article also gets an AMP version at {@code amp/} under its URL
 * @param hijri         true: reader-facing dates also carry the Hijri (Umm al-Qura) date
 * @param slugStyle     {@code arabic} (default: Arabic letters kept) or {@code latin} (transliterated)
 * @param strings       interface strings overriding the theme's message bundle, by key
 * @param fonts         self-hosted web fonts, declared with {@code font-display: swap}
 * @param editions      other-language editions, each built under its own path (e.g. /en/)
 * @param params        every other key, available to templates as {@code site.params}
 * @param outputs       template-only outputs, built-in outputs switched off, the feeds of each scope
 */
public record SiteConfig(
        String title,
        String description,
        URI baseUrl,
        String language,
        String direction,
        Locale locale,
        String digits,
        ZoneId timeZone,
        String permalink,
        int perPage,
        Pagination pagination,
        int feedSize,
        String dateFormat,
        String defaultAuthor,
        String logo,
        String copyright,
        List<String> menu,
        List<String> embedHosts,
        boolean trustHtml,
        boolean amp,
        boolean hijri,
        String slugStyle,
        Map<String, String> strings,
        List<WebFont> fonts,
        List<Edition> editions,
        Map<String, Object> params,
        OutputSettings outputs) {

    public SiteConfig {
        menu = List.copyOf(menu);
        embedHosts = List.copyOf(embedHosts);
        strings = Map.copyOf(strings);
        fonts = List.copyOf(fonts);
        editions = List.copyOf(editions);
        params = withoutNulls(params); // "tagline:" left empty in site.yaml is absent, not null
    }

    /** Base URL path without trailing slash ("" for a site at the domain root). */
    public String basePath() {
        String path = baseUrl.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * An edition in another language: content in {@code editions/<path>/articles} and {@code pages}, output
     * and URLs under {@code /<path>/}; everything not set here is the main edition's.
     */
    public record Edition(
            String language,
            String direction,
            String title,
            String description,
            Locale locale,
            String path,
            List<String> menu,
            String dateFormat,
            String digits,
            String copyright,
            Map<String, String> strings) {
        public Edition {
            menu = List.copyOf(menu);
            strings = Map.copyOf(strings);
        }
    }

    /** This site's settings as seen by {@code edition}. */
    public SiteConfig forEdition(Edition edition) {
        return new SiteConfig(
                edition.title(),
                edition.description(),
                baseUrl.resolve(edition.path() + "/"),
                edition.language(),
                edition.direction(),
                edition.locale(),
                edition.digits(),
                timeZone,
                permalink,
                perPage,
                pagination,
                feedSize,
                edition.dateFormat(),
                defaultAuthor,
                logo,
                edition.copyright(),
                edition.menu(),
                embedHosts,
                trustHtml,
                amp,
                hijri,
                slugStyle,
                edition.strings(),
                fonts,
                List.of(),
                params,
                outputs);
    }

    /** A self-hosted font face: {@code src} is a site path such as {@code /fonts/naskh.woff2}. */
    public record WebFont(String family, String src, String weight, String style) {}

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(kept);
    }
}
