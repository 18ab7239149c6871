package dev.midad.i18n;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DecimalStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The interface strings of a site: the theme's bundle for the site language ({@code i18n/ar.properties}),
 * then the site's own {@code templates/i18n/ar.properties}, then {@code strings:} in site.yaml, key by key.
 * Counted strings use CLDR plural categories (Arabic has zero, one, two, few, many, other): the key
 * {@code reading_time} looks up {@code reading_time.few} for 3 and {@code reading_time.many} for 11.
 */
public final class Messages {
    private final Map<String, String> strings;
    private final PluralRules plurals;
    private final DecimalStyle digits;

    public Messages(Map<String, String> strings, String language, DecimalStyle digits) {
        this.strings = Map.copyOf(strings);
        this.plurals = PluralRules.forLocale(ULocale.forLanguageTag(language));
        this.digits = digits;
    }

    /**
     * Loads the layered bundle.
     *
     * @param themeResource classpath folder of the theme, e.g. {@code /dev/midad/theme}
     */
    public static Messages load(
            String themeResource,
            Path siteTemplates,
            String language,
            Map<String, String> overrides,
            DecimalStyle digits)
            throws IOException {
        Map<String, String> strings = new LinkedHashMap<>();
        String name = "i18n/" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(themeResource + "/" + name)) {
            if (in != null) {
                putAll(strings, new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        Path siteFile = siteTemplates.resolve(name);
        if (Files.isRegularFile(siteFile)) {
            try (Reader reader = Files.newBufferedReader(siteFile, StandardCharsets.UTF_8)) {
                putAll(strings, reader);
            }
        }
        strings.putAll(overrides);
        return new Messages(strings, language, digits);
    }

    private static void putAll(Map<String, String> into, Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        properties.stringPropertyNames().forEach(k -> into.put(k, properties.getProperty(k)));
    }

    /** The string for {@code key} with {@code {0}}, {@code {1}}… replaced; the key itself when missing. */
    public String get(String key, Object... args) {
        String text = strings.get(key);
        if (text == null) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The plural form of {@code key} for {@code n}, with {@code {0}} replaced by n in the site's digits. */
    public String count(String key, long n) {
        String category = plurals.select(n);
        String text = strings.get(key + "." + category);
        if (text == null) {
            text = strings.getOrDefault(key + ".other", key);
        }
        return text.replace("{0}", number(n));
    }

    public String number(long n) {
        String latin = Long.toString(n);
        if (digits.getZeroDigit() == '0') {
            return latin;
        }
        StringBuilder out = new StringBuilder(latin.length());
        for (char c : latin.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) (digits.getZeroDigit() + (c - '0')) : c);
        }
        return out.toString();
    }

    public Map<String, String> all() {
        return strings;
    }
}
