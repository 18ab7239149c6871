package dev.midad.content;

import dev.midad.markdown.MarkdownRenderer;
import dev.midad.yaml.YamlMapping;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news desk says about an article besides its text: its kind (news, opinion…), corrections and an update
 * note, and for a live blog its timestamped entries. Immutable; {@code live} is null for an ordinary article.
 *
 * @param kind        one of {@link #KINDS}
 * @param corrections oldest first, as written
 * @param updateNote  what changed in the last update, or empty
 * @param expiry      when the article is taken down ({@code expires:}), or null
 */
public record Editorial(String kind, List<Correction> corrections, String updateNote, Live live, Expiry expiry) {
    /** The kinds an article may have; each has a label {@code kind.<name>} in the message bundles. */
    public static final List<String> KINDS = List.of("news", "opinion", "analysis", "explainer", "interview");

    public static final Editorial NEWS = new Editorial("news", List.of(), "", null, null);

    public Editorial {
        corrections = List.copyOf(corrections);
    }

    /** One correction: when it was made and what was wrong. */
    public record Correction(ZonedDateTime date, String text) {}

    /**
     * A live blog's coverage.
     *
     * @param end     when coverage ended ({@code live_end}), or null while it goes on
     * @param entries pinned entries first, then newest first
     */
    public record Live(ZonedDateTime end, List<LiveEntry> entries) {
        public Live {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One update of a live blog: a {@code ## 14:30} (or {@code ## 2024-06-20 14:30}) section of the body.
     *
     * @param id   the anchor, {@code update-20240620-1430} (a second entry at the same minute gets {@code -2})
     * @param html the section's body, sanitised like any body
     */
    public record LiveEntry(String id, ZonedDateTime time, String author, boolean pinned, String html, String text) {}

    /** A live blog's body: the introduction before the first timestamped section, and the sections. */
    record LiveBody(String intro, List<LiveEntry> entries) {}

    /**
     * {@code ## 14:30}, {@code ## 2024-06-20 14:30}, optionally followed by {@code {author="…" pinned}}.
     */
    private static final Pattern ENTRY = Pattern.compile(
            "^##[ \\t]+(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{1,2}:\\d{2})[ \\t]*(?:\\{([^}]*)\\})?[ \\t]*$");

    private static final Pattern AUTHOR = Pattern.compile("author\\s*=\\s*\"([^\"]*)\"");

    /** The site's default kind of an article in {@code category}: site.yaml {@code kinds: {رأي: opinion}}. */
    static String defaultKind(Map<String, Object> siteParams, String category) {
        if (category != null
                && siteParams.get("kinds") instanceof Map<?, ?> kinds
                && kinds.get(category) instanceof String kind
                && KINDS.contains(kind.strip())) {
            return kind.strip();
        }
        return "news";
    }

    /** Reads kind, corrections, update_note, live, live_end and expires; problems go to {@code yaml}. */
    static Editorial read(YamlMapping yaml, ZoneId zone, String defaultKind, ZonedDateTime date) {
        String kind = yaml.string("kind", defaultKind).toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            yaml.problem(
                    "kind",
                    "'kind' is '" + kind + "'; write one of " + String.join(", ", KINDS) + ", e.g. kind: opinion");
            kind = defaultKind;
        }
        List<Correction> corrections = new ArrayList<>();
        Object written = yaml.values().get("corrections");
        if (written instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Correction c = correction(yaml, zone, list.get(i), i);
                if (c != null) {
                    corrections.add(c);
                }
            }
        } else if (written != null) {
            yaml.problem(
                    "corrections",
                    "'corrections' must be a list of entries with date and text, e.g."
                            + " corrections: [{date: 2024-06-21, text: ورد خطأً أن …}]");
        }
        String updateNote = yaml.string("update_note", "");
        ZonedDateTime liveEnd = yaml.dateTime("live_end", zone);
        boolean live = yaml.bool("live", false) || yaml.has("live_end");
        return new Editorial(
                kind,
                corrections,
                updateNote,
                live ? new Live(liveEnd, List.of()) : null,
                Expiry.read(yaml, zone, date));
    }

    private static Correction correction(YamlMapping yaml, ZoneId zone, Object item, int index) {
        if (!(item instanceof Map<?, ?> map)
                || !(map.get("text") instanceof String text)
                || text.isBlank()
                || map.get("date") == null) {
            yaml.problemAt(
                    yaml.lineOf("corrections", index),
                    "each correction needs a date and a text, e.g." + " - {date: 2024-06-21, text: ورد خطأً أن …}");
            return null;
        }
        String date = String.valueOf(map.get("date")).strip();
        ZonedDateTime when = parseDate(date, zone);
        if (when == null) {
            yaml.problemAt(
                    yaml.lineOf("corrections", index, "date"),
                    "the correction's date '" + date + "' is not a date: write it as 2024-06-21 or 2024-06-21T10:00");
            return null;
        }
        return new Correction(when, text.strip());
    }

    /** A date or date-time as front matter writes it, in {@code zone} without an offset; null when not one. */
    static ZonedDateTime parseDate(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone);
            }
            String iso = text.replace(' ', 'T');
            if (iso.matches(".*([+-]\\d{2}:\\d{2}|Z)$")) {
                return ZonedDateTime.parse(iso).withZoneSameInstant(zone);
            }
            return LocalDateTime.parse(iso).atZone(zone);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** This editorial with the live blog's entries. */
    Editorial withEntries(List<LiveEntry> entries) {
        return new Editorial(kind, corrections, updateNote, new Live(live.end(), entries), expiry);
    }

    /**
     * Splits a live blog's Markdown into its introduction and its timestamped sections; an {@code HH:MM}
     * heading takes the day of the entry before it (the article's date for the first). Each section is
     * rendered on its own. Entries come back pinned first, then newest first.
     */
    static LiveBody split(String markdown, ZonedDateTime start, MarkdownRenderer renderer) {
        StringBuilder intro = new StringBuilder();
        List<String[]> raw = new ArrayList<>(); // date, time, attributes, body
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                fenced = !fenced;
            }
            Matcher m = fenced ? null : ENTRY.matcher(line);
            if (m != null && m.matches()) {
                raw.add(new String[] {m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), ""});
            } else if (raw.isEmpty()) {
                intro.append(line).append('\n');
            } else {
                String[] last = raw.get(raw.size() - 1);
                last[3] = last[3] + line + "\n";
            }
        }
        List<LiveEntry> entries = new ArrayList<>();
        LocalDate day = start.toLocalDate();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String[] r : raw) {
            if (r[0] != null) {
                day = LocalDate.parse(r[0]);
            }
            LocalTime time = parseTime(r[1]);
            if (time == null) {
                intro.append("## ").append(r[1]).append('\n').append(r[3]);
                continue;
            }
            ZonedDateTime when = day.atTime(time).atZone(start.getZone());
            String base = "update-" + day.toString().replace("-", "") + "-"
                    + String.format(Locale.ROOT, "%02d%02d", time.getHour(), time.getMinute());
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "-" + n;
            }
            Matcher author = AUTHOR.matcher(r[2]);
            boolean pinned = r[2].replaceAll("\"[^\"]*\"", "").matches(".*\\bpinned\\b.*");
            MarkdownRenderer.Rendered body = renderer.render(r[3]);
            entries.add(new LiveEntry(
                    id, when, author.find() ? author.group(1).strip() : "", pinned, body.html(), body.text()));
        }
        entries.sort(Comparator.comparing(LiveEntry::pinned)
                .reversed()
                .thenComparing(LiveEntry::time, Comparator.reverseOrder()));
        return new LiveBody(intro.toString(), entries);
    }

    private static LocalTime parseTime(String hhmm) {
        try {
            String[] parts = hhmm.split(":");
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
