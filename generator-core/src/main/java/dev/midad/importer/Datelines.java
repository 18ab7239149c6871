package dev.midad.importer;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline that opens an Arabic news story: "بوابة أوكرانيا – كييف 20 يونيو 2024 – …" (an optional agency or
 * site name, the place, a date with an Arabic month name, then a dash). Month names of Egypt and the Gulf (يونيو),
 * the Levant and Iraq (حزيران) and the Maghreb (جوان), alone or paired ("حزيران/يونيو"); digits Latin, Arabic-Indic
 * or Persian; an optional weekday (الخميس) and era mark (2024م).
 */
final class Datelines {
    private static final String DASH = "[-–—‒―−]";
    private static final String DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
    private static final String WEEKDAY =
            "(?:(?:يوم\\s+)?(?:السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء"
                    + "|الخميس|الجمعة)\\s*[،,]?\\s*)";
    /** A run of text without digits, dashes or line breaks that starts with a letter. */
    private static final String WORD =
            "(?=[^\\s\\d\\u0660-\\u0669\\u06F0-\\u06F9–—‒―−-])[^\\n\\d\\u0660-\\u0669\\u06F0-\\u06F9–—‒―−-]";

    private static final Pattern DATELINE =
            Pattern.compile("^\\s*(?:(?<byline>" + WORD + "{1,80}?)\\s*" + DASH + "\\s*)?"
                    + "(?<place>" + WORD + "{1,60}?)\\s*(?:[،,(]|" + DASH + ")?\\s*" + WEEKDAY + "?"
                    + "(?<day>" + DIGIT
                    + "{1,2})\\s+(?<month>[^\\n\\d\\u0660-\\u0669\\u06F0-\\u06F9–—‒―−-]{2,40}?)\\s*[،,]?\\s*"
                    + "(?<year>" + DIGIT + "{4})\\s*(?:م\\s*)?\\)?\\s*" + DASH + "\\s*");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            // Egypt, the Gulf, Sudan
            Map.entry("يناير", 1),
            Map.entry("فبراير", 2),
            Map.entry("مارس", 3),
            Map.entry("ابريل", 4),
            Map.entry("مايو", 5),
            Map.entry("يونيو", 6),
            Map.entry("يونيه", 6),
            Map.entry("يوليو", 7),
            Map.entry("يوليه", 7),
            Map.entry("اغسطس", 8),
            Map.entry("سبتمبر", 9),
            Map.entry("اكتوبر", 10),
            Map.entry("نوفمبر", 11),
            Map.entry("ديسمبر", 12),
            // the Levant and Iraq
            Map.entry("كانون الثاني", 1),
            Map.entry("شباط", 2),
            Map.entry("اذار", 3),
            Map.entry("نيسان", 4),
            Map.entry("ايار", 5),
            Map.entry("حزيران", 6),
            Map.entry("تموز", 7),
            Map.entry("اب", 8),
            Map.entry("ايلول", 9),
            Map.entry("تشرين الاول", 10),
            Map.entry("تشرين اول", 10),
            Map.entry("تشرين الثاني", 11),
            Map.entry("تشرين ثاني", 11),
            Map.entry("كانون الاول", 12),
            Map.entry("كانون اول", 12),
            Map.entry("كانون ثاني", 1),
            // the Maghreb
            Map.entry("جانفي", 1),
            Map.entry("فيفري", 2),
            Map.entry("افريل", 4),
            Map.entry("ماي", 5),
            Map.entry("جوان", 6),
            Map.entry("جويلية", 7),
            Map.entry("اوت", 8),
            Map.entry("غشت", 8),
            Map.entry("يوليوز", 7),
            Map.entry("شتنبر", 9),
            Map.entry("نونبر", 11),
            Map.entry("دجنبر", 12));

    private Datelines() {}

    /**
     * A dateline found at the start of a paragraph.
     *
     * @param byline the agency or site named before the place ("بوابة أوكرانيا"), or empty
     * @param place  where the story is filed from ("كييف")
     * @param date   the date written in it
     * @param length how many characters of the paragraph it takes, the dash and the space after it included
     */
    record Dateline(String byline, String place, LocalDate date, int length) {}

    /** The dateline {@code paragraph} starts with, or null. */
    static Dateline find(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.lookingAt()) {
            return null;
        }
        Integer month = month(m.group("month"));
        if (month == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(number(m.group("year")), month, number(m.group("day")));
            String byline = m.group("byline") == null ? "" : m.group("byline").strip();
            return new Dateline(byline, m.group("place").strip(), date, m.end());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The month number of an Arabic month name, or of a pair such as "حزيران/يونيو" or "يونيو (حزيران)". */
    static Integer month(String written) {
        String normalized = normalize(written);
        Integer whole = MONTHS.get(normalized);
        if (whole != null) {
            return whole;
        }
        Integer found = null;
        for (String part : normalized.split("\\s*[/()|]\\s*")) {
            Integer month = MONTHS.get(part.strip());
            if (month != null) {
                if (found != null && !found.equals(month)) {
                    return null; // two different months: not a date
                }
                found = month;
            }
        }
        return found;
    }

    /** Hamza and madda forms of alef → ا, diacritics and tatweel dropped, white space single. */
    private static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            int type = Character.getType(c);
            if (c == 'ـ' || type == Character.NON_SPACING_MARK || type == Character.FORMAT) {
                continue;
            }
            out.append(
                    switch (c) {
                        case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                        default -> c;
                    });
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static int number(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + Character.digit(digits.charAt(i), 10);
        }
        return value;
    }
}
