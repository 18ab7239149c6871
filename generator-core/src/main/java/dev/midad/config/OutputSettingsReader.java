package dev.midad.config;

import dev.midad.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code outputs:} and {@code feeds:} of site.yaml into {@link OutputSettings}, checking the shape of
 * every entry (names, template names, paths, scopes) and reporting each problem at its line.
 */
final class OutputSettingsReader {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final Pattern TEMPLATE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\.(ftlh|ftlx|ftlj|ftl)");
    /** One folder or file name of a path: letters, digits, '-', '_' and '.', not starting with '.'. */
    static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    static final Set<String> OUTPUT_SCOPES = Set.of("site", "term", "article");
    private static final Set<String> FEED_KEYS = Set.of("formats", "content", "items");
    private static final Set<String> OUTPUT_KEYS = Set.of("name", "template", "path", "scope", "enabled");

    private OutputSettingsReader() {}

    static OutputSettings read(YamlMapping yaml, int feedSize) {
        return new OutputSettings(outputs(yaml), feeds(yaml, feedSize), related(yaml));
    }

    private static int related(YamlMapping yaml) {
        Object declared = yaml.values().get("related");
        if (declared == null) {
            return OutputSettings.DEFAULT_RELATED;
        }
        if (declared instanceof Integer count && count >= 0 && count <= OutputSettings.MAX_RELATED) {
            return count;
        }
        yaml.problem(
                "related",
                "'related' is how many related articles an article shows, 0 to " + OutputSettings.MAX_RELATED
                        + " (0: none), not '" + ConfigValues.printable(String.valueOf(declared)) + "'");
        return OutputSettings.DEFAULT_RELATED;
    }

    private static List<OutputSettings.Entry> outputs(YamlMapping yaml) {
        Object declared = yaml.values().get("outputs");
        if (declared == null) {
            return List.of();
        }
        if (!(declared instanceof List<?> list)) {
            yaml.problem(
                    "outputs",
                    "'outputs' must be a list, e.g. outputs: [{name: headlines, template:"
                            + " headlines.ftlx, path: headlines.xml, scope: site}]");
            return List.of();
        }
        List<OutputSettings.Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int line = yaml.lineOf("outputs", i);
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                yaml.problemAt(
                        line,
                        "each entry of 'outputs' is a mapping such as {name: headlines, template:"
                                + " headlines.ftlx, path: headlines.xml, scope: site} or {name: news-sitemap, enabled: false}");
                continue;
            }
            boolean ok = true;
            for (Object key : map.keySet()) {
                if (!OUTPUT_KEYS.contains(String.valueOf(key))) {
                    yaml.problemAt(
                            yaml.lineOf("outputs", i, String.valueOf(key)),
                            "unknown key '" + key + "' in an output; known: name, template, path, scope, enabled");
                    ok = false;
                }
            }
            String name = text(map.get("name"));
            if (name == null || !NAME.matcher(name).matches()) {
                yaml.problemAt(
                        yaml.lineOf("outputs", i, "name"),
                        "output name '" + (name == null ? "" : name)
                                + "' must be lower-case letters, digits and '-', starting with a letter (at most 40)");
                ok = false;
            }
            Boolean enabled = null;
            if (map.containsKey("enabled")) {
                if (map.get("enabled") instanceof Boolean b) {
                    enabled = b;
                } else {
                    yaml.problemAt(yaml.lineOf("outputs", i, "enabled"), "'enabled' must be true or false");
                    ok = false;
                }
            }
            boolean templateOnly = map.containsKey("template") || map.containsKey("path") || map.containsKey("scope");
            String template = null;
            String path = null;
            String scope = null;
            if (templateOnly) {
                template = text(map.get("template"));
                if (template == null || !TEMPLATE.matcher(template).matches()) {
                    yaml.problemAt(
                            yaml.lineOf("outputs", i, "template"),
                            "output '" + name + "': template '"
                                    + (template == null ? "" : template)
                                    + "' must be a file name in templates/ ending in"
                                    + " .ftlh (HTML), .ftlx (XML), .ftlj (JSON) or .ftl (text), e.g. headlines.ftlx");
                    ok = false;
                }
                path = text(map.get("path"));
                String pathProblem = pathProblem(path);
                if (pathProblem != null) {
                    yaml.problemAt(
                            yaml.lineOf("outputs", i, "path"),
                            "output '" + name + "': path '" + (path == null ? "" : path) + "' " + pathProblem);
                    ok = false;
                }
                scope = text(map.get("scope"));
                if (scope == null || !OUTPUT_SCOPES.contains(scope)) {
                    yaml.problemAt(
                            yaml.lineOf("outputs", i, "scope"),
                            "output '" + name + "': scope '"
                                    + (scope == null ? "" : scope)
                                    + "' must be site (one file), term (one per category,"
                                    + " tag and author) or article (one per article)");
                    ok = false;
                }
            } else if (enabled == null) {
                yaml.problemAt(
                        line,
                        "output '" + name + "' needs template, path and scope (a template-only"
                                + " output) or enabled: true|false (a built-in output switched on or off)");
                ok = false;
            }
            if (ok) {
                entries.add(new OutputSettings.Entry(name, template, path, scope, enabled, line));
            }
        }
        return entries;
    }

    /** Why {@code path} cannot be an output's path, or null if it can. */
    static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "is required: the file to write, relative to its scope's folder, e.g. headlines.xml";
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return "must be relative to its scope's folder (no leading '/', no '\\', no ':')";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "must stay inside its scope's folder (no '.' or '..')";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "must be folder and file names of letters, digits, '-', '_' and '.' separated by '/',"
                        + " ending in a file name";
            }
        }
        return null;
    }

    private static Map<String, OutputSettings.Feeds> feeds(YamlMapping yaml, int feedSize) {
        Map<String, OutputSettings.Feeds> feeds =
                new LinkedHashMap<>(OutputSettings.defaults(feedSize).feeds());
        Object declared = yaml.values().get("feeds");
        if (declared == null) {
            return feeds;
        }
        if (!(declared instanceof Map<?, ?> map)) {
            yaml.problem(
                    "feeds",
                    "'feeds' must map scopes to settings, e.g. feeds: {tag: {formats: [rss],"
                            + " content: summary, items: 20}}");
            return feeds;
        }
        map.forEach((key, value) -> {
            String scope = String.valueOf(key);
            int line = yaml.lineOf("feeds", scope);
            if (!feeds.containsKey(scope)) {
                yaml.problemAt(
                        line,
                        "unknown feed scope '" + scope + "'; known: " + String.join(", ", OutputSettings.FEED_SCOPES));
                return;
            }
            if (!(value instanceof Map<?, ?> settings)) {
                yaml.problemAt(
                        line,
                        "feeds." + scope + " must be a mapping such as {formats: [rss], content:"
                                + " summary, items: 20}");
                return;
            }
            OutputSettings.Feeds fallback = feeds.get(scope);
            for (Object setting : settings.keySet()) {
                if (!FEED_KEYS.contains(String.valueOf(setting))) {
                    yaml.problemAt(
                            yaml.lineOf("feeds", scope, String.valueOf(setting)),
                            "unknown key '" + setting + "' in feeds." + scope + "; known: formats, content, items");
                }
            }
            List<String> formats = fallback.formats();
            if (settings.containsKey("formats")) {
                Object given = settings.get("formats");
                List<?> items = given instanceof List<?> l ? l : given == null ? List.of() : List.of(given);
                formats = items.stream().map(String::valueOf).distinct().toList();
            }
            boolean full = fallback.full();
            if (settings.containsKey("content")) {
                String content = String.valueOf(settings.get("content"));
                if (!content.equals("full") && !content.equals("summary")) {
                    yaml.problemAt(
                            yaml.lineOf("feeds", scope, "content"),
                            "feeds." + scope + ".content must be" + " full (the whole article) or summary, not '"
                                    + content + "'");
                }
                full = content.equals("full");
            }
            int items = fallback.items();
            if (settings.containsKey("items")) {
                Object given = settings.get("items");
                if (given instanceof Integer n && n > 0 && n <= 1000) {
                    items = n;
                } else {
                    yaml.problemAt(
                            yaml.lineOf("feeds", scope, "items"),
                            "feeds." + scope + ".items must be a" + " whole number from 1 to 1000, not '" + given
                                    + "'");
                }
            }
            feeds.put(scope, new OutputSettings.Feeds(formats, full, items, line));
        });
        return feeds;
    }

    private static String text(Object value) {
        return value instanceof String || value instanceof Number
                ? String.valueOf(value).strip()
                : null;
    }
}
