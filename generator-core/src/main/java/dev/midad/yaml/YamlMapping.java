package dev.midad.yaml;

import dev.midad.problem.Problem;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML 1.2 mapping (site.yaml or a front matter block) read with snakeyaml-engine, remembering the line of
 * every key so type errors can point at the right line. Typed getters record problems instead of throwing, so
 * one pass reports everything wrong with a file.
 *
 * <p>Longer than 400 lines on purpose: one typed getter per kind of value, each with its own error text and line,
 * plus the load limits and the plain-language hints for snakeyaml's parser errors.
 */
public final class YamlMapping {
    /**
     * Deepest nesting of lists and mappings in a front matter block or site.yaml. snakeyaml-engine builds
     * values recursively and has no limit of its own: about a thousand nested brackets overflow the stack.
     */
    public static final int MAX_DEPTH = 50;

    /** Accepted years: four digits, so dates print and sort the same everywhere (permalinks, feeds). */
    private static final int MIN_YEAR = 1000;

    private static final int MAX_YEAR = 9999;

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private final Path file;
    private final int firstLine;
    private final Map<String, Object> values;
    private final Map<String, Integer> keyLines;
    private final Map<String, Node> valueNodes;
    private final List<Problem> problems;

    private YamlMapping(
            Path file,
            int firstLine,
            Map<String, Object> values,
            Map<String, Integer> keyLines,
            List<Problem> problems) {
        this(file, firstLine, values, keyLines, Map.of(), problems);
    }

    private YamlMapping(
            Path file,
            int firstLine,
            Map<String, Object> values,
            Map<String, Integer> keyLines,
            Map<String, Node> valueNodes,
            List<Problem> problems) {
        this.file = file;
        this.firstLine = firstLine;
        this.values = values;
        this.keyLines = keyLines;
        this.valueNodes = valueNodes;
        this.problems = problems;
    }

    /**
     * Parses {@code text}, whose first line is line {@code firstLine} of {@code file}. Syntax errors, too deep a
     * nesting and a top level that is not a mapping are added to {@code problems}; the result is then empty.
     * Characters YAML forbids (invisible control characters) are dropped first, see {@link #printable}.
     */
    public static YamlMapping parse(Path file, int firstLine, String text, List<Problem> problems) {
        String yaml = printable(text);
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setLabel(file.toString())
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .build();
        try {
            List<Event> events = new ArrayList<>();
            Problem shape = checkShape(file, firstLine, yaml, settings, events);
            if (shape != null) {
                problems.add(shape);
                return new YamlMapping(file, firstLine, Map.of(), Map.of(), problems);
            }
            Composer composer = new Composer(settings, new Recorded(events)); // parsed once, composed from the events
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                return new YamlMapping(file, firstLine, Map.of(), Map.of(), problems);
            }
            if (!(root.get() instanceof MappingNode mapping)) {
                problems.add(Problem.at(
                        file,
                        firstLine + lineOf(root.get()),
                        "expected 'key: value' lines, found a " + describe(root.get())));
                return new YamlMapping(file, firstLine, Map.of(), Map.of(), problems);
            }
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            Map<String, Node> valueNodes = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    keyLines.put(key.getValue(), firstLine + lineOf(key));
                    valueNodes.put(key.getValue(), tuple.getValueNode());
                }
            }
            Object constructed = new StandardConstructor(settings).constructSingleDocument(root);
            Map<String, Object> values = new LinkedHashMap<>();
            ((Map<?, ?>) constructed).forEach((k, v) -> values.put(String.valueOf(k), v));
            return new YamlMapping(file, firstLine, values, keyLines, valueNodes, problems);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> at = e.getProblemMark();
            if (isUnclosedQuote(e)) {
                at = e.getContextMark().or(() -> e.getProblemMark());
            }
            int line = at.map(m -> firstLine + m.getLine()).orElse(firstLine);
            int column = at.map(m -> m.getColumn() + 1).orElse(0);
            problems.add(new Problem(file, line, column, "invalid YAML: " + problem(yaml, e)));
        } catch (YamlEngineException e) {
            problems.add(Problem.at(file, firstLine, "invalid YAML: " + e.getMessage()));
        }
        return new YamlMapping(file, firstLine, Map.of(), Map.of(), problems);
    }

    /**
     * Walks the event stream (an iterative parser) before anything recursive runs: too deep a nesting, or an
     * alias inside the very list or mapping it names (a value that contains itself), is reported here.
     */
    private static Problem checkShape(Path file, int firstLine, String yaml, LoadSettings settings, List<Event> seen) {
        ParserImpl events = new ParserImpl(settings, new StreamReader(settings, yaml));
        Deque<String> open = new ArrayDeque<>();
        AliasExpansion expansion = new AliasExpansion();
        while (events.hasNext()) {
            Event event = events.next();
            seen.add(event);
            if (expansion.add(event) > AliasExpansion.MAX_VALUES) {
                return at(
                        file,
                        firstLine,
                        event,
                        "aliases (*name) here expand to more than "
                                + AliasExpansion.MAX_VALUES
                                + " values (an alias of an alias of …, the \"billion laughs\""
                                + " attack); write the values out instead");
            }
            if (event instanceof CollectionStartEvent start) {
                open.push(start.getAnchor().map(Anchor::getValue).orElse(""));
                if (open.size() > MAX_DEPTH) {
                    return at(
                            file,
                            firstLine,
                            event,
                            "lists or mappings are nested more than " + MAX_DEPTH
                                    + " levels deep; no front matter or setting needs more than a few");
                }
            } else if (event instanceof CollectionEndEvent) {
                open.poll();
            } else if (event instanceof AliasEvent alias
                    && open.contains(alias.getAlias().getValue())) {
                return at(
                        file,
                        firstLine,
                        event,
                        "the alias *" + alias.getAlias().getValue()
                                + " is used inside the value it names, which would make a value that contains itself;"
                                + " write the value out instead");
            }
        }
        return null;
    }

    /** The events {@link #checkShape} walked, given again to the composer. */
    private static final class Recorded implements org.snakeyaml.engine.v2.parser.Parser {
        private final List<Event> events;
        private int next;

        Recorded(List<Event> events) {
            this.events = events;
        }

        @Override
        public boolean hasNext() {
            return next < events.size();
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return hasNext() && events.get(next).getEventId() == choice;
        }

        @Override
        public Event peekEvent() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException("No more Events found.");
            }
            return events.get(next);
        }

        @Override
        public Event next() {
            Event event = peekEvent();
            next++;
            return event;
        }
    }

    private static Problem at(Path file, int firstLine, Event event, String message) {
        return new Problem(
                file,
                firstLine + event.getStartMark().map(Mark::getLine).orElse(0),
                event.getStartMark().map(m -> m.getColumn() + 1).orElse(0),
                message);
    }

    private static boolean isUnclosedQuote(MarkedYamlEngineException e) {
        return String.valueOf(e.getContext()).contains("quoted scalar");
    }

    /**
     * {@code text} without the characters YAML forbids (control characters other than tab and line breaks,
     * U+FFFE, U+FFFF and lone surrogates). XML forbids most of them too, so they could never be published;
     * they come from copy and paste out of old systems and are invisible, so they are dropped, not reported.
     */
    static String printable(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            boolean ok = isPrintable(c) || pairedHigh || pairedLow;
            if (!ok && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean isPrintable(char c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0x7E)
                || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** The parser's words with a hint an editor can act on; in plain words alone where the parser's are jargon. */
    private static String problem(String yaml, MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem());
        if (isUnclosedQuote(e)) {
            return problem + " (a quote opened here is never closed: add the closing quote, or write the value"
                    + " without quotes)";
        }
        if (yaml.indexOf('\t') >= 0 && problem.contains("\\t")) {
            // snakeyaml says it twice ("… cannot start any token. (Do not use \t(TAB) for indentation)")
            return "a tab character here: YAML does not allow tabs for indentation: use spaces";
        }
        if (problem.contains("mapping values are not allowed")) {
            return problem + " (put quotes around a value that contains ': ')";
        }
        if (problem.startsWith("expected <block end>, but found")) {
            return problem + " (the value ends too early: usually a quote inside a quoted value, as in"
                    + " title: \"قال \"لا\" للحرب\". Write the value without the outer quotes, or put it in the"
                    + " other kind of quotes: title: 'قال \"لا\" للحرب')";
        }
        return problem;
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0);
    }

    private static String describe(Node node) {
        return switch (node.getNodeType()) {
            case SCALAR -> "single value";
            case SEQUENCE -> "list";
            case MAPPING -> "mapping";
            default -> "value";
        };
    }

    public Path file() {
        return file;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    /** Line of {@code key} in the file, or the first line of the block when the key is absent. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, firstLine);
    }

    /**
     * Line of a value nested under {@code key}: {@code path} holds list indexes (Integer) and mapping keys
     * (String), e.g. {@code lineOf("outputs", 2, "scope")}; the line of the deepest part found.
     */
    public int lineOf(String key, Object... path) {
        int line = lineOf(key);
        Node node = valueNodes.get(key);
        for (Object step : path) {
            Node next = null;
            if (step instanceof Integer index
                    && node instanceof SequenceNode list
                    && index < list.getValue().size()) {
                next = list.getValue().get(index);
            } else if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode name
                            && name.getValue().equals(step)) {
                        line = firstLine + lineOf(name);
                        next = tuple.getValueNode();
                    }
                }
            }
            if (next == null) {
                return line;
            }
            if (!(next instanceof ScalarNode)) {
                line = firstLine + lineOf(next);
            }
            node = next;
        }
        return line;
    }

    public void problemAt(int line, String message) {
        problems.add(Problem.at(file, line, message));
    }

    public void problem(String key, String message) {
        problems.add(Problem.at(file, lineOf(key), message));
    }

    /** A text value; numbers and booleans are accepted as their text. Null when absent. */
    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value).strip();
        }
        problem(key, "'" + key + "' must be a single text value, not " + typeName(value));
        return null;
    }

    public String string(String key, String fallback) {
        String value = string(key);
        return value == null ? fallback : value;
    }

    /** One text or a list of texts ("author: A" or "author: [A, B]"). Empty when absent. */
    public List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map || item instanceof List || item == null) {
                    problem(key, "'" + key + "' must be a list of texts; one item is " + typeName(item));
                } else if (!String.valueOf(item).isBlank()) {
                    result.add(String.valueOf(item).strip());
                }
            }
            return result;
        }
        if (value instanceof Map) {
            problem(
                    key,
                    "'" + key + "' must be a text or a list of texts such as " + key + ": [أ, ب], not a" + " mapping");
            return List.of();
        }
        String single = string(key);
        return single == null || single.isBlank() ? List.of() : List.of(single);
    }

    public boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problem(key, "'" + key + "' must be true or false, not '" + value + "'");
        return fallback;
    }

    public int positiveInt(String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i && i > 0) {
            return i;
        }
        problem(key, "'" + key + "' must be a whole number above 0, not '" + value + "'");
        return fallback;
    }

    /**
     * An ISO 8601 date, date-time, or date-time with offset; {@code zone} applies when no offset is written.
     * Null when absent or invalid (invalid values are reported).
     */
    public ZonedDateTime dateTime(String key, ZoneId zone) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        String normalized = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
        try {
            TemporalAccessor parsed =
                    DATE_TIME.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            int year = LocalDate.from(parsed).getYear();
            if (year < MIN_YEAR || year > MAX_YEAR) {
                problem(
                        key,
                        "'" + key + "' has the year " + year + ", which is surely a typo: write a four-digit"
                                + " year, e.g. 2024-06-20");
                return null;
            }
            ZonedDateTime result = parsed instanceof OffsetDateTime offset
                    ? offset.atZoneSameInstant(zone)
                    : parsed instanceof LocalDateTime local
                            ? local.atZone(zone)
                            : ((LocalDate) parsed).atStartOfDay(zone);
            // RFC 3339 and RFC 822 have four-digit years: the year must stay in range in the site's zone and in UTC
            int shown = Math.max(
                    result.getYear(),
                    result.withZoneSameInstant(java.time.ZoneOffset.UTC).getYear());
            int lowest = Math.min(
                    result.getYear(),
                    result.withZoneSameInstant(java.time.ZoneOffset.UTC).getYear());
            if (shown > MAX_YEAR || lowest < MIN_YEAR) {
                problem(
                        key,
                        "'" + key + "' is " + text + ", which falls outside the years " + MIN_YEAR + "–"
                                + MAX_YEAR + " in the site's time zone or in UTC; feeds cannot carry it: write a date"
                                + " in those years");
                return null;
            }
            return result;
        } catch (DateTimeException e) {
            problem(
                    key,
                    "'" + key + "' is not a valid date: '" + text
                            + "'. Write it as 2024-06-20, 2024-06-20T10:00 or 2024-06-20T10:00:00+03:00");
            return null;
        }
    }

    /** Every key with its raw value, for keys templates may use. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Every key that has a value, for templates ({@code article.params}): a key written without a value
     * ("image:" left empty) is absent, not null.
     */
    public Map<String, Object> params() {
        Map<String, Object> present = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        return Collections.unmodifiableMap(present);
    }

    /** What {@code value} is, with its article: "a list", "an empty value". */
    private static String typeName(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value == null ? "an empty value" : "a value";
    }
}
