package dev.midad.content;

import dev.midad.problem.Problem;
import dev.midad.text.AliasPaths;
import dev.midad.yaml.YamlMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An old address of a list, feed or archive that now lives elsewhere, from {@code data/redirects.yaml}
 * ({@code redirects:}, each a {@code from} and a {@code to} site path). The importer writes it for WordPress's
 * {@code /category/x/}, {@code /tag/x/}, {@code /author/x/}, {@code /feed/} and {@code /page/N/} addresses;
 * articles and pages keep their own old addresses in {@code aliases}.
 *
 * @param from decoded old site path, checked like an alias (list folders such as {@code /category/} allowed)
 * @param to   the new site path as written (percent-encoded or not)
 */
public record OldAddress(String from, String to, int line) {
    public static final Path FILE = Path.of("data", "redirects.yaml");

    /** The entries of the site's file (none without one); problems are added at their line. */
    public static List<OldAddress> load(Path siteDir, List<Problem> problems) {
        YamlMapping yaml = DataFiles.read(siteDir, FILE, problems);
        if (yaml == null) {
            return List.of();
        }
        Object written = yaml.values().get("redirects");
        if (!(written instanceof List<?> list)) {
            if (written != null || !yaml.values().isEmpty()) {
                yaml.problem(
                        "redirects",
                        "write old addresses as redirects:, a list of entries with from and to, e.g."
                                + " redirects: [{from: /category/old/, to: /category/new/}]");
            }
            return List.of();
        }
        List<OldAddress> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int line = yaml.lineOf("redirects", i);
            if (!(list.get(i) instanceof Map<?, ?> map)
                    || !(map.get("from") instanceof String from)
                    || !(map.get("to") instanceof String to)) {
                yaml.problemAt(line, "each redirect needs from and to, e.g. - {from: /feed/, to: /rss.xml}");
                continue;
            }
            AliasPaths.Checked checked = AliasPaths.oldListPath(from);
            if (!checked.ok()) {
                yaml.problemAt(line, "the old address '" + from.replace("\n", "\\n") + "' " + checked.problem());
                continue;
            }
            String target = to.strip();
            if (!target.startsWith("/")
                    || target.startsWith("//")
                    || target.matches(".*[\\s\"'<>\\\\].*")
                    || !AliasPaths.decodes(target)) {
                yaml.problemAt(
                        line,
                        "a redirect's to must be a site path such as /category/news/, not '"
                                + target.replace("\n", "\\n") + "'");
                continue;
            }
            entries.add(new OldAddress(checked.path(), target, line));
        }
        return List.copyOf(entries);
    }
}
