package dev.midad.importer;

import dev.midad.problem.Problem;
import dev.midad.text.Slugs;
import dev.midad.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports articles kept as plain text, one per file, as copied out of a web page:
 *
 * <pre>
 * بوتين يعتبر زيارته لكوريا الشمالية بادرة حسن نية          ← the first non-empty line is the title
 *
 * بوابة أوكرانيا – كييف 20 يونيو 2024 – صرح معهد …          ← a leading dateline gives dateline: and date:
 *
 * وقال بوتين …                                                ← paragraphs, separated by blank lines
 *
 * Exit mobile version                                         ← site boilerplate at the end is dropped
 * </pre>
 *
 * <p>Each file becomes {@code articles/yyyy/mm/<transliterated-title>.md}. Paragraph text is kept exactly,
 * except that characters Markdown would read as formatting get a backslash (so the page shows them as written)
 * and control characters are dropped. A file without a dateline date is imported as a draft dated by the file's
 * modification time, and the report says so.
 */
final class TextImporter {
    private static final DateTimeFormatter MONTH_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM", Locale.ROOT);

    private final ImportOptions options;

    public TextImporter(ImportOptions options) {
        this.options = options;
    }

    /**
     * An article read from plain text.
     *
     * @param title      the first non-empty line
     * @param date       the dateline's date, or null when the text has no dateline
     * @param dateline   the place of the dateline ("كييف"), or empty
     * @param byline     the agency or site the dateline names before the place ("بوابة أوكرانيا"), or empty
     * @param paragraphs the body paragraphs, the dateline removed from the first, boilerplate removed
     */
    public record TextArticle(String title, LocalDate date, String dateline, String byline, List<String> paragraphs) {
        public TextArticle {
            paragraphs = List.copyOf(paragraphs);
        }

        /** The paragraphs as Markdown: Markdown-active characters escaped, separated by blank lines. */
        public String markdownBody() {
            List<String> blocks = new ArrayList<>();
            for (String paragraph : paragraphs) {
                List<String> lines = new ArrayList<>();
                for (String line : paragraph.split("\n", -1)) {
                    lines.add(HtmlToMarkdown.escapeLineStart(HtmlToMarkdown.escape(line)));
                }
                blocks.add(String.join("\n", lines));
            }
            return String.join("\n\n", blocks);
        }
    }

    /** Reads one text (LF line endings); null when it has no title line. */
    public TextArticle parse(String text) {
        List<String> lines = new ArrayList<>(List.of(Texts.stripControls(text)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1)));
        trimBoilerplate(lines);
        if (lines.isEmpty()) {
            return null;
        }
        String title = Texts.trim(lines.remove(0));
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (Texts.trim(line).isEmpty()) {
                addParagraph(paragraphs, current);
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line.stripTrailing());
            }
        }
        addParagraph(paragraphs, current);
        LocalDate date = null;
        String place = "";
        String byline = "";
        if (!paragraphs.isEmpty()) {
            Datelines.Dateline dateline = Datelines.find(paragraphs.get(0));
            if (dateline != null) {
                date = dateline.date();
                place = dateline.place();
                byline = dateline.byline();
                String rest = paragraphs.get(0).substring(dateline.length());
                if (Texts.trim(rest).isEmpty()) {
                    paragraphs.remove(0);
                } else {
                    paragraphs.set(0, rest);
                }
            }
        }
        return new TextArticle(title, date, place, byline, paragraphs);
    }

    private static void addParagraph(List<String> paragraphs, StringBuilder current) {
        String paragraph = Texts.trim(current.toString());
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }

    /** Drops blank and boilerplate lines at both ends. */
    private void trimBoilerplate(List<String> lines) {
        Set<String> boilerplate = new HashSet<>();
        for (String line : options.boilerplate()) {
            boilerplate.add(key(line));
        }
        while (!lines.isEmpty() && (Texts.trim(lines.get(0)).isEmpty() || boilerplate.contains(key(lines.get(0))))) {
            lines.remove(0);
        }
        while (!lines.isEmpty()
                && (Texts.trim(lines.get(lines.size() - 1)).isEmpty()
                        || boilerplate.contains(key(lines.get(lines.size() - 1))))) {
            lines.remove(lines.size() - 1);
        }
    }

    private static String key(String line) {
        return Texts.trim(line).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Imports one {@code .txt} file into {@code siteDir}. */
    public ImportReport importFile(Path file, Path siteDir) throws IOException {
        ImportReport.Builder report = new ImportReport.Builder();
        importOne(file, siteDir, report, new HashSet<>());
        return report.build();
    }

    /** Imports every {@code .txt} file of {@code folder} (not its sub-folders), in name order. */
    public ImportReport importFolder(Path folder, Path siteDir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        ImportReport.Builder report = new ImportReport.Builder();
        if (files.isEmpty()) {
            report.problem(Problem.of(folder, "no .txt files to import in this folder"));
        }
        Set<Path> written = new HashSet<>();
        for (Path file : files) {
            importOne(file, siteDir, report, written);
        }
        return report.build();
    }

    private void importOne(Path file, Path siteDir, ImportReport.Builder report, Set<Path> written) throws IOException {
        String source = file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        String text = SourceText.read(file, file, problems);
        if (text == null) {
            problems.forEach(report::problem);
            report.failed(source, "not readable as UTF-8 text (see the problem listed for it)");
            return;
        }
        int controls = Texts.countControls(text);
        if (controls > 0) {
            report.problem(Problem.of(
                    file, controls + " control character" + (controls == 1 ? " was" : "s were") + " removed"));
        }
        TextArticle article = parse(text);
        if (article == null || article.paragraphs().isEmpty()) {
            report.failed(source, article == null ? "the file is empty" : "the file has a title but no text");
            return;
        }
        LocalDate date = article.date();
        boolean draft = false;
        if (date == null) {
            date = Files.getLastModifiedTime(file)
                    .toInstant()
                    .atZone(options.timeZone())
                    .toLocalDate();
            draft = true;
            report.problem(Problem.of(
                    file,
                    "no dateline with a date (e.g. 'كييف 20 يونيو 2024 –') in the first"
                            + " paragraph: imported as a draft dated " + date
                            + " (the file's date); set date: and remove"
                            + " draft: by hand"));
        }
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", article.title());
        // Always written: without it a later headline edit would move the published article.
        String slug = Slugs.slugify(article.title());
        if (!slug.isEmpty()) {
            front.put("slug", slug);
        }
        front.put("date", date.toString());
        if (!article.dateline().isEmpty()) {
            front.put("dateline", article.dateline());
        }
        if (draft) {
            front.put("draft", true);
        }
        String name = FileNames.ascii(article.title());
        if (name.isEmpty()) {
            name = FileNames.ascii(source.replaceFirst("(?i)\\.txt$", ""));
        }
        if (name.isEmpty()) {
            name = "article";
        }
        Path folder = Path.of("articles").resolve(date.format(MONTH_FOLDER));
        Path relative = folder.resolve(name + ".md");
        for (int n = 2; written.contains(relative); n++) {
            relative = folder.resolve(name + "-" + n + ".md");
        }
        written.add(relative);
        String markdown = ContentFiles.markdown(front, article.markdownBody());
        ContentFiles.Outcome outcome = ContentFiles.write(siteDir.resolve(relative), markdown, options.overwrite());
        if (outcome == ContentFiles.Outcome.EXISTS) {
            report.skipped(source, slashes(relative) + " already exists (import with overwrite to replace it)");
        } else {
            report.imported(source, article.title(), relative, outcome == ContentFiles.Outcome.REPLACED);
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
