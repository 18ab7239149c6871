package dev.midad.content;

import dev.midad.problem.Problem;
import dev.midad.yaml.YamlMapping;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Breaking news from {@code data/breaking.yaml}: {@code items:}, each a {@code text}, an optional {@code link}
 * (a site path or an https address) and an {@code expires} time after which it is gone.
 */
public record Breaking(String text, String link, ZonedDateTime expires) {
    public static final Path FILE = Path.of("data", "breaking.yaml");

    /** The items of the site's file (none without one); problems are added at their line. */
    public static List<Breaking> load(Path siteDir, ZoneId zone, List<Problem> problems) {
        YamlMapping yaml = DataFiles.read(siteDir, FILE, problems);
        if (yaml == null) {
            return List.of();
        }
        List<Breaking> items = new ArrayList<>();
        Object written = yaml.values().get("items");
        if (!(written instanceof List<?> list)) {
            if (written != null || !yaml.values().isEmpty()) {
                yaml.problem(
                        "items",
                        "write breaking news as items:, a list of entries with text, link and"
                                + " expires, e.g. items: [{text: انفجار في …, link: /2024/06/x/, expires: 2024-06-20T18:00}]");
            }
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            int line = yaml.lineOf("items", i);
            if (!(list.get(i) instanceof Map<?, ?> map)
                    || !(map.get("text") instanceof String itemText)
                    || itemText.isBlank()) {
                yaml.problemAt(
                        line,
                        "each breaking item needs a text, e.g. - {text: عاجل: …, expires:" + " 2024-06-20T18:00}");
                continue;
            }
            String link = map.get("link") == null
                    ? ""
                    : String.valueOf(map.get("link")).strip();
            String lower = link.toLowerCase(Locale.ROOT);
            if (!link.isEmpty() && !lower.startsWith("https://") && !(link.startsWith("/") && !link.startsWith("//"))) {
                yaml.problemAt(
                        yaml.lineOf("items", i, "link"),
                        "a breaking item's link must be a site path such as" + " /2024/06/x/ or an https address, not '"
                                + link + "'");
                continue;
            }
            ZonedDateTime expires = map.get("expires") == null
                    ? null
                    : Editorial.parseDate(String.valueOf(map.get("expires")).strip(), zone);
            if (expires == null) {
                yaml.problemAt(
                        yaml.lineOf("items", i, "expires"),
                        "a breaking item needs expires:, the time it" + " goes away, e.g. expires: 2024-06-20T18:00");
                continue;
            }
            items.add(new Breaking(itemText.strip(), link, expires));
        }
        return List.copyOf(items);
    }
}
