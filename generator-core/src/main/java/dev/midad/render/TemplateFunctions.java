package dev.midad.render;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import dev.midad.html.TextRuns;
import dev.midad.i18n.Messages;
import dev.midad.model.DateView;
import dev.midad.text.Bidi;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * Functions every template can call:
 * <ul>
 *   <li>{@code msg(key, args…)}: an interface string from the site's message bundle</li>
 *   <li>{@code count(key, n)}: the plural form of a counted string ("3 دقائق قراءة", "11 دقيقة قراءة")</li>
 *   <li>{@code plain(text)}: text for places without the page's direction, isolated only where needed</li>
 *   <li>{@code isolate(text)}: HTML of a one-line text (headline, menu item) on a right-to-left page, its
 *       left-to-right runs each in a {@code <bdi class="ltr-run">} (kept whole by the theme's CSS)</li>
 *   <li>{@code html(text)}: plain text as HTML source, for feed fields readers parse as HTML (RSS
 *       {@code description}, Atom {@code type="html"}, JSON Feed {@code summary}): {@code <} stays text there</li>
 *   <li>{@code relative(date)}: "قبل 3 ساعات", relative to the build's clock (a static page does not age)</li>
 * </ul>
 */
public final class TemplateFunctions {
    private TemplateFunctions() {}

    public static Map<String, Object> of(
            Messages messages, boolean rtl, String language, String digits, ZonedDateTime now) {
        // made when a template first calls relative() (the default theme does not): ICU's formatter loads
        // calendars, number formats and currency data, 0.2-0.4 s of CPU in a cold start
        RelativeFormatter relative = new RelativeFormatter(new ULocale(language + "@numbers=" + digits));
        return Map.of(
                "msg",
                        (TemplateMethodModelEx) args -> {
                            if (args.isEmpty()) {
                                throw new TemplateModelException("msg(key, args…) needs a key");
                            }
                            Object[] rest = args.subList(1, args.size()).stream()
                                    .map(TemplateFunctions::text)
                                    .toArray();
                            return messages.get(text(args.get(0)), rest);
                        },
                "count",
                        (TemplateMethodModelEx) args -> {
                            if (args.size() != 2 || !(args.get(1) instanceof TemplateNumberModel n)) {
                                throw new TemplateModelException("count(key, n) needs a key and a number");
                            }
                            return messages.count(
                                    text(args.get(0)), n.getAsNumber().longValue());
                        },
                "plain", (TemplateMethodModelEx) args -> Bidi.isolate(text(single(args, "plain")), rtl),
                "isolate", (TemplateMethodModelEx) args -> isolate(text(single(args, "isolate")), rtl),
                "html", (TemplateMethodModelEx) args -> Entities.escape(text(single(args, "html"))),
                "relative",
                        (TemplateMethodModelEx) args -> {
                            Object date = single(args, "relative");
                            if (!(date instanceof WrapperTemplateModel wrapper
                                    && wrapper.getWrappedObject() instanceof DateView view)) {
                                throw new TemplateModelException("relative(date) takes a date such as article.date");
                            }
                            Templates.noteClockRead();
                            return relative(relative.get(), view.value(), now);
                        });
    }

    /** ICU's relative-time formatter for one locale, made on first use; thread-safe. */
    private static final class RelativeFormatter {
        private final ULocale locale;
        private RelativeDateTimeFormatter formatter;

        RelativeFormatter(ULocale locale) {
            this.locale = locale;
        }

        synchronized RelativeDateTimeFormatter get() {
            if (formatter == null) {
                formatter = RelativeDateTimeFormatter.getInstance(locale);
            }
            return formatter;
        }
    }

    static TemplateHTMLOutputModel isolate(String text, boolean rtl) throws TemplateModelException {
        HTMLOutputFormat html = HTMLOutputFormat.INSTANCE;
        if (!rtl) {
            return html.fromPlainTextByEscaping(text);
        }
        StringBuilder out = new StringBuilder();
        for (TextRuns.Piece piece : TextRuns.of(text)) {
            String escaped = html.escapePlainText(piece.text());
            out.append(piece.ltr() ? "<bdi class=\"ltr-run\">" + escaped + "</bdi>" : escaped);
        }
        return html.fromMarkup(out.toString());
    }

    static String relative(RelativeDateTimeFormatter formatter, ZonedDateTime then, ZonedDateTime now) {
        Duration ago = Duration.between(then, now);
        boolean past = !ago.isNegative();
        long minutes = Math.abs(ago.toMinutes());
        RelativeDateTimeFormatter.Direction direction =
                past ? RelativeDateTimeFormatter.Direction.LAST : RelativeDateTimeFormatter.Direction.NEXT;
        if (minutes < 1) {
            return formatter.format(
                    RelativeDateTimeFormatter.Direction.PLAIN, RelativeDateTimeFormatter.AbsoluteUnit.NOW);
        }
        if (minutes < 60) {
            return formatter.format(minutes, direction, RelativeDateTimeFormatter.RelativeUnit.MINUTES);
        }
        if (minutes < 24 * 60) {
            return formatter.format(minutes / 60, direction, RelativeDateTimeFormatter.RelativeUnit.HOURS);
        }
        long days = minutes / (24 * 60);
        if (days < 30) {
            return formatter.format(days, direction, RelativeDateTimeFormatter.RelativeUnit.DAYS);
        }
        if (days < 365) {
            return formatter.format(days / 30, direction, RelativeDateTimeFormatter.RelativeUnit.MONTHS);
        }
        return formatter.format(days / 365, direction, RelativeDateTimeFormatter.RelativeUnit.YEARS);
    }

    private static Object single(List<?> args, String name) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException(name + "(…) takes one argument");
        }
        return args.get(0);
    }

    private static String text(Object model) {
        try {
            if (model instanceof TemplateScalarModel scalar) {
                return scalar.getAsString();
            }
            if (model instanceof TemplateNumberModel number) {
                return String.valueOf(number.getAsNumber());
            }
        } catch (TemplateModelException e) {
            throw new IllegalArgumentException(e);
        }
        return String.valueOf(model);
    }
}
