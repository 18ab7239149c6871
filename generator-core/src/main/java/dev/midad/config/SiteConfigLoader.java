package dev.midad.config;

import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates {@code site.yaml}. */
public final class SiteConfigLoader {
    public static final String FILE_NAME = "site.yaml";

    /** Keys site.yaml gives a meaning to; any other top-level key lands in {@code params}. */
    public static final Set<String> KNOWN_KEYS = Set.of(
            "title",
            "description",
            "base_url",
            "language",
            "direction",
            "locale",
            "digits",
            "time_zone",
            "permalink",
            "per_page",
            "pagination",
            "feed_size",
            "date_format",
            "author",
            "logo",
            "copyright",
            "menu",
            "embed_hosts",
            "trust_html",
            "amp",
            "hijri",
            "slug_style",
            "strings",
            "fonts",
            "editions",
            "params",
            "outputs",
            "feeds",
            "related");

    /** Video hosts newsrooms embed from; a site replaces the list with {@code embed_hosts}. */
    static final List<String> DEFAULT_EMBED_HOSTS =
            List.of("www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com");

    private SiteConfigLoader() {}

    /** Loads {@code siteDir/site.yaml}; problems are added to {@code problems}, and the result may then be null. */
    public static SiteConfig load(Path siteDir, List<Problem> problems) {
        Path file = siteDir.resolve(FILE_NAME);
        Path shown = Path.of(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.of(
                    shown,
                    "missing: every site needs a site.yaml with at least title and base_url" + " (looked in "
                            + siteDir.toAbsolutePath().normalize() + ")"));
            return null;
        }
        int before = problems.size();
        String text = SourceText.read(file, shown, problems);
        if (text == null) {
            return null;
        }
        YamlMapping yaml = YamlMapping.parse(shown, 1, text, problems);
        if (problems.size() > before) {
            return null;
        }

        String title = yaml.string("title");
        if (title == null || title.isBlank()) {
            yaml.problem("title", "'title' is required: the publication's name, e.g. title: بوابة أوكرانيا");
        }
        URI baseUrl = baseUrl(yaml);
        String direction = yaml.string("direction", "rtl");
        if (!direction.equals("rtl") && !direction.equals("ltr")) {
            yaml.problem("direction", "'direction' must be rtl or ltr, not '" + direction + "'");
        }
        String language = yaml.string("language", "ar");
        ConfigValues.language("language", language).ifPresent(message -> yaml.problem("language", message));
        Locale locale = locale(yaml, language);
        String digits = yaml.string("digits", "latn");
        if (!digits.equals("latn") && !digits.equals("arab")) {
            yaml.problem("digits", "'digits' must be latn (20) or arab (٢٠), not '" + digits + "'");
        }
        ZoneId zone = zone(yaml);
        String permalink = yaml.string("permalink", "/{yyyy}/{mm}/{slug}/");
        Permalink.validate(permalink, message -> yaml.problem("permalink", message));
        String dateFormat = yaml.string("date_format", "d MMMM yyyy");
        ConfigValues.dateFormat("date_format", dateFormat, locale)
                .ifPresent(message -> yaml.problem("date_format", message));
        String logo = yaml.string("logo", "");
        ConfigValues.sitePathOrUrl("logo", logo).ifPresent(message -> yaml.problem("logo", message));
        Map<String, Object> params = new LinkedHashMap<>();
        Object declaredParams = yaml.values().get("params");
        if (declaredParams instanceof Map<?, ?> map) {
            map.forEach((k, v) -> params.put(String.valueOf(k), v));
        } else if (declaredParams != null) {
            yaml.problem("params", "'params' must be a mapping of names to values");
        }
        yaml.values().forEach((key, value) -> {
            if (!KNOWN_KEYS.contains(key) && value != null) {
                params.putIfAbsent(key, value);
            }
        });
        List<String> menu = yaml.strings("menu");
        List<String> embedHosts = yaml.has("embed_hosts") ? yaml.strings("embed_hosts") : DEFAULT_EMBED_HOSTS;
        boolean trustHtml = yaml.bool("trust_html", false);
        String slugStyle = yaml.string("slug_style", "arabic");
        if (!slugStyle.equals("arabic") && !slugStyle.equals("latin")) {
            yaml.problem("slug_style", "'slug_style' must be arabic or latin, not '" + slugStyle + "'");
        }
        String paginationName = yaml.string("pagination", "archive");
        Optional<Pagination> named = Pagination.named(paginationName);
        if (named.isEmpty()) {
            yaml.problem(
                    "pagination",
                    "'pagination' must be archive (pages numbered from the oldest, which keep their articles) or"
                            + " newest (pages numbered from the newest), not '" + paginationName + "'");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        Object declaredStrings = yaml.values().get("strings");
        if (declaredStrings instanceof Map<?, ?> map) {
            map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        } else if (declaredStrings != null) {
            yaml.problem("strings", "'strings' must map message keys to texts, e.g. strings: {read_also: طالع أيضاً}");
        }
        List<SiteConfig.WebFont> fonts = fonts(yaml);
        List<SiteConfig.Edition> editions = editions(yaml, title, yaml.string("description", ""), dateFormat);
        int feedSize = yaml.positiveInt("feed_size", 20);
        OutputSettings outputs = OutputSettingsReader.read(yaml, feedSize);
        if (problems.size() > before) {
            return null;
        }
        return new SiteConfig(
                title,
                yaml.string("description", ""),
                baseUrl,
                language,
                direction,
                locale,
                digits,
                zone,
                permalink,
                yaml.positiveInt("per_page", 10),
                named.orElse(Pagination.ARCHIVE),
                feedSize,
                dateFormat,
                yaml.string("author", ""),
                logo,
                yaml.string("copyright", ""),
                menu,
                embedHosts,
                trustHtml,
                yaml.bool("amp", false),
                yaml.bool("hijri", false),
                slugStyle,
                strings,
                fonts,
                editions,
                params,
                outputs);
    }

    private static List<SiteConfig.Edition> editions(
            YamlMapping yaml, String title, String description, String dateFormat) {
        Object declared = yaml.values().get("editions");
        if (declared == null) {
            return List.of();
        }
        if (!(declared instanceof List<?> list)) {
            yaml.problem(
                    "editions",
                    "'editions' must be a list, e.g. editions: [{language: en, direction: ltr,"
                            + " title: Ukraine Portal}]");
            return List.of();
        }
        List<SiteConfig.Edition> editions = new java.util.ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || map.get("language") == null) {
                yaml.problem("editions", "each edition needs at least 'language', e.g. {language: en, direction: ltr}");
                continue;
            }
            String language = String.valueOf(map.get("language"));
            Optional<String> badLanguage = ConfigValues.language("language", language);
            if (badLanguage.isPresent()) {
                yaml.problem("editions", "edition: " + badLanguage.get());
                continue;
            }
            String path = String.valueOf(map.containsKey("path") ? map.get("path") : language);
            if (!path.matches("[a-z0-9-]+")) {
                yaml.problem(
                        "editions",
                        "edition path '" + ConfigValues.printable(path)
                                + "' must be lower-case letters, digits or '-'");
                continue;
            }
            String direction = String.valueOf(map.containsKey("direction") ? map.get("direction") : "ltr");
            if (!direction.equals("rtl") && !direction.equals("ltr")) {
                yaml.problem("editions", "edition '" + language + "': 'direction' must be rtl or ltr");
                continue;
            }
            Locale locale;
            try {
                locale = new Locale.Builder()
                        .setLanguageTag(String.valueOf(map.containsKey("locale") ? map.get("locale") : language))
                        .build();
            } catch (IllformedLocaleException e) {
                yaml.problem("editions", "edition '" + language + "' has an invalid locale");
                continue;
            }
            List<String> menu = map.get("menu") instanceof List<?> m
                    ? m.stream().map(String::valueOf).toList()
                    : List.of();
            Map<String, String> strings = new LinkedHashMap<>();
            if (map.get("strings") instanceof Map<?, ?> given) {
                given.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
            }
            String editionFormat = String.valueOf(map.containsKey("date_format") ? map.get("date_format") : dateFormat);
            Optional<String> badFormat = ConfigValues.dateFormat("date_format", editionFormat, locale);
            if (badFormat.isPresent()) {
                yaml.problem("editions", "edition '" + language + "': " + badFormat.get());
                continue;
            }
            String editionDigits = String.valueOf(map.containsKey("digits") ? map.get("digits") : "latn");
            if (!editionDigits.equals("latn") && !editionDigits.equals("arab")) {
                yaml.problem("editions", "edition '" + language + "': 'digits' must be latn or arab");
                continue;
            }
            editions.add(new SiteConfig.Edition(
                    language,
                    direction,
                    String.valueOf(map.containsKey("title") ? map.get("title") : title),
                    String.valueOf(map.containsKey("description") ? map.get("description") : description),
                    locale,
                    path,
                    menu,
                    editionFormat,
                    editionDigits,
                    String.valueOf(map.containsKey("copyright") ? map.get("copyright") : ""),
                    strings));
        }
        return editions;
    }

    private static List<SiteConfig.WebFont> fonts(YamlMapping yaml) {
        Object declared = yaml.values().get("fonts");
        if (declared == null) {
            return List.of();
        }
        List<SiteConfig.WebFont> fonts = new java.util.ArrayList<>();
        if (declared instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> font
                        && font.get("family") != null
                        && font.get("src") != null
                        && String.valueOf(font.get("src")).startsWith("/")) {
                    fonts.add(new SiteConfig.WebFont(
                            String.valueOf(font.get("family")),
                            String.valueOf(font.get("src")),
                            String.valueOf(font.containsKey("weight") ? font.get("weight") : "400"),
                            String.valueOf(font.containsKey("style") ? font.get("style") : "normal")));
                    continue;
                }
                yaml.problem(
                        "fonts",
                        "each entry of 'fonts' needs family and a site path src, e.g."
                                + " {family: Noto Naskh Arabic, src: /fonts/naskh.woff2, weight: 400}");
            }
        } else {
            yaml.problem("fonts", "'fonts' must be a list of {family, src, weight, style}");
        }
        return fonts;
    }

    private static URI baseUrl(YamlMapping yaml) {
        String text = yaml.string("base_url");
        if (text == null || text.isBlank()) {
            yaml.problem(
                    "base_url",
                    "'base_url' is required: the absolute address readers use, e.g."
                            + " base_url: https://news.example/ (feeds and sitemaps need absolute links)");
            return URI.create("http://localhost/");
        }
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                yaml.problem(
                        "base_url",
                        "'base_url' may not carry a query (?…), a fragment (#…) or a user name:"
                                + " every address of the site starts with it; write e.g. https://news.example/");
                return URI.create("http://localhost/");
            }
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(text, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            yaml.problem(
                    "base_url",
                    "'base_url' must be an absolute http(s) URL such as https://news.example/," + " not '" + text
                            + "'");
            return URI.create("http://localhost/");
        }
    }

    private static Locale locale(YamlMapping yaml, String language) {
        String tag = yaml.string("locale", language);
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            yaml.problem("locale", "'locale' must be a language tag such as ar, ar-EG or ar-LB, not '" + tag + "'");
            return Locale.forLanguageTag("ar");
        }
    }

    private static ZoneId zone(YamlMapping yaml) {
        String id = yaml.string("time_zone", "UTC");
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            yaml.problem(
                    "time_zone", "'time_zone' must be a zone id such as Asia/Riyadh or Europe/Kyiv, not '" + id + "'");
            return ZoneId.of("UTC");
        }
    }
}
