package dev.midad.config;

import java.time.ZonedDateTime;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article permalink patterns such as {@code /{yyyy}/{mm}/{slug}/}. Placeholders: {@code {yyyy} {mm} {dd}
 * {slug} {category}}. The expanded path is decoded (real Unicode); it is encoded when written as a link.
 */
public final class Permalink {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private Permalink() {}

    static void validate(String pattern, Consumer<String> problem) {
        if (!pattern.startsWith("/") || !pattern.endsWith("/")) {
            problem.accept("'permalink' must start and end with '/', e.g. /{yyyy}/{mm}/{slug}/");
        }
        if (!pattern.contains("{slug}")) {
            problem.accept("'permalink' must contain {slug} so every article gets its own address");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!m.group(1).matches("yyyy|mm|dd|slug|category")) {
                problem.accept("'permalink' has an unknown placeholder {" + m.group(1)
                        + "}; use {yyyy}, {mm}, {dd}, {slug} or {category}");
            }
        }
        for (String segment : pattern.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                problem.accept("'permalink' may not contain '.' or '..' segments");
            }
        }
    }

    /** Expands {@code pattern}; {@code slug} and {@code categorySlug} must already be slugified. */
    public static String expand(String pattern, ZonedDateTime date, String slug, String categorySlug) {
        return pattern.replace("{yyyy}", "%04d".formatted(date.getYear()))
                .replace("{mm}", "%02d".formatted(date.getMonthValue()))
                .replace("{dd}", "%02d".formatted(date.getDayOfMonth()))
                .replace("{category}", categorySlug.isEmpty() ? "uncategorized" : categorySlug)
                .replace("{slug}", slug)
                .replaceAll("/{2,}", "/");
    }
}
