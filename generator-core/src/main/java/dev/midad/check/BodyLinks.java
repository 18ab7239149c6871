package dev.midad.check;

import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the links an editor wrote (article and page bodies) against the built site, and names the Markdown file
 * and line that holds each broken one: that is where it gets fixed, not in the output HTML. Bodies are scanned
 * for {@code href}/{@code src} values without parsing them, so a build can afford it on every run.
 */
public final class BodyLinks {
    private static final Pattern LINK = Pattern.compile("\\b(href|src)=\"([^\"]*)\"");

    /**
     * One body as published.
     *
     * @param shown    its Markdown file as named in problems (relative to the site)
     * @param file     that file on disk
     * @param pagePath the built page, relative to the output folder with a leading slash
     * @param html     the body HTML as the page shows it
     */
    public record Body(Path shown, Path file, String pagePath, String html) {}

    /** A broken link of a body, and the problem that names its Markdown line. */
    public record Broken(Body body, String target, Problem problem) {}

    private BodyLinks() {}

    public static List<Broken> check(LinkChecker checker, List<Body> bodies, String basePath) {
        List<Broken> broken = new ArrayList<>();
        for (Body body : bodies) {
            Set<String> targets = new LinkedHashSet<>();
            Matcher link = LINK.matcher(body.html());
            while (link.find()) {
                targets.add(link.group(2).replace("&amp;", "&"));
            }
            List<String> lines = null;
            for (String target : targets) {
                String reason = checker.brokenReason(body.pagePath(), target);
                if (reason == null) {
                    continue;
                }
                if (lines == null) {
                    String text = SourceText.read(body.file(), body.shown(), new ArrayList<>());
                    lines = text == null ? List.of() : text.lines().toList();
                }
                broken.add(new Broken(
                        body,
                        target,
                        Problem.at(
                                body.shown(),
                                lineOf(lines, target, basePath),
                                "broken link to " + target + ": " + reason)));
            }
        }
        return broken;
    }

    /**
     * The first line that holds {@code target} as the editor may have written it: as is, without the site's base
     * path (links are rebased when published), or percent-decoded (Arabic addresses); 0 when none does.
     */
    static int lineOf(List<String> lines, String target, String basePath) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(target);
        if (!basePath.isEmpty() && target.startsWith(basePath + "/")) {
            forms.add(target.substring(basePath.length()));
        }
        for (String form : List.copyOf(forms)) {
            try {
                forms.add(URLDecoder.decode(form.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not percent-encoding: the forms above stand
            }
        }
        for (String form : forms) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("(" + form)
                        || lines.get(i).contains("\"" + form + "\"")
                        || lines.get(i).contains("<" + form + ">")
                        || lines.get(i).contains("]: " + form)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
