package dev.midad.check;

import dev.midad.content.FrontMatter;
import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a problem about one front matter key ({@code 'image' /x.jpg does not exist…}) the line of that key, for
 * problems found after parsing (the model checks images and addresses, and keeps no line numbers).
 */
public final class KeyLines {
    private static final Pattern ABOUT_KEY = Pattern.compile("^'([a-z_]+)' ");

    private KeyLines() {}

    /**
     * {@code problem} with the line of the key its message starts with, when it has no line yet.
     *
     * @param contentDir the folder {@code problem}'s file is relative to
     */
    public static Problem located(Problem problem, Path contentDir) {
        Matcher key = ABOUT_KEY.matcher(problem.message());
        if (problem.line() > 0
                || problem.file() == null
                || !key.find()
                || !problem.file().getFileName().toString().endsWith(".md")) {
            return problem;
        }
        List<Problem> ignored = new ArrayList<>();
        String text = SourceText.read(contentDir.resolve(problem.file()), problem.file(), ignored);
        FrontMatter front = text == null ? null : FrontMatter.split(problem.file(), text, ignored);
        if (front == null || !front.yaml().has(key.group(1))) {
            return problem;
        }
        return Problem.at(problem.file(), front.yaml().lineOf(key.group(1)), problem.message());
    }
}
