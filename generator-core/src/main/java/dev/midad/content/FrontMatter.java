package dev.midad.content;

import dev.midad.problem.Problem;
import dev.midad.yaml.YamlMapping;
import java.nio.file.Path;
import java.util.List;

/** Splits a Markdown source into its YAML front matter (between {@code ---} lines) and its body. */
public record FrontMatter(YamlMapping yaml, String body, int bodyFirstLine) {

    /** Parses {@code text} (LF line endings); problems are added, and null returned when there is no usable block. */
    public static FrontMatter split(Path file, String text, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(Problem.at(
                    file,
                    1,
                    "file is empty: an article starts with a front matter block,"
                            + " '---', then 'title: …' and 'date: …' lines, then '---'"));
            return null;
        }
        int firstEol = text.indexOf('\n');
        String first = (firstEol < 0 ? text : text.substring(0, firstEol)).stripTrailing();
        if (first.equals("+++")) {
            problems.add(Problem.at(
                    file,
                    1,
                    "front matter must be YAML between '---' lines; '+++' (TOML, as in"
                            + " Hugo) is not supported: write the block as 'key: value' lines between '---' lines"));
            return null;
        }
        if (!first.equals("---")) {
            problems.add(Problem.at(
                    file,
                    1,
                    "missing front matter: the first line must be '---', followed by"
                            + " 'title: …' and 'date: …' lines and a closing '---'"));
            return null;
        }
        int open = firstEol < 0 ? text.length() : firstEol + 1;
        int end = -1;
        int line = 2;
        int closingLine = -1;
        for (int pos = open; pos <= text.length(); line++) {
            int eol = text.indexOf('\n', pos);
            String current = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
            if (current.stripTrailing().equals("---") || current.stripTrailing().equals("...")) {
                end = pos;
                closingLine = line;
                break;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        if (end < 0) {
            problems.add(Problem.at(
                    file, 1, "front matter is not closed: add a line '---' after the last" + " 'key: value' line"));
            return null;
        }
        YamlMapping yaml = YamlMapping.parse(file, 2, text.substring(open, end), problems);
        int bodyStart = text.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return new FrontMatter(yaml, body, closingLine + 1);
    }
}
