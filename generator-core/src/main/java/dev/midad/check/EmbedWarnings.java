package dev.midad.check;

import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.EmbedStore;
import dev.midad.html.EmbedData;
import dev.midad.html.EmbedUrl;
import dev.midad.html.Embeds;
import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Embeds that build but show less than they could: an address alone on a line with no stored data (a plain
 * link card; named by Markdown file and line), and a stored video without the title, thumbnail and upload date
 * search engines need for its {@code VideoObject}.
 */
public final class EmbedWarnings {
    private EmbedWarnings() {}

    /**
     * @param contentDir the folder the content's files are relative to
     * @param shownAs    that folder as messages name it (relative to the site)
     */
    public static List<Problem> of(Path contentDir, Path shownAs, ContentLoader.Content content) {
        List<Problem> warnings = new ArrayList<>();
        for (Article article : content.articles()) {
            if (!article.mayHoldEmbeds()) {
                continue; // not unpacked: most bodies have no bare address
            }
            List<Embeds.Found> missing = Embeds.found(article.bodyHtml(), content.embeds()).stream()
                    .filter(f -> f.data() == null)
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            String text = SourceText.read(contentDir.resolve(article.source()), article.source(), new ArrayList<>());
            for (Embeds.Found found : missing) {
                warnings.add(Problem.at(
                        shownAs.resolve(article.source()),
                        text == null ? 0 : lineOf(text, found.written()),
                        found.url().url() + " is shown as a plain link: nothing is stored about it in "
                                + EmbedStore.FOLDER
                                        .resolve(found.url().dataKey() + ".yaml")
                                        .toString()
                                        .replace('\\', '/')
                                + " (its title, author, thumbnail, date; the platform's oEmbed answer saved as"
                                + " .json will do)"));
            }
        }
        for (Map.Entry<String, EmbedData> entry : content.embeds().entrySet()) {
            EmbedData data = entry.getValue();
            boolean video = EmbedUrl.Provider.ofKey(
                            entry.getKey().substring(0, entry.getKey().indexOf('/')))
                    .map(EmbedUrl.Provider::video)
                    .orElse(false);
            if (video && (data.title().isEmpty() || data.thumbnail().isEmpty() || data.uploaded() == null)) {
                warnings.add(Problem.of(
                        shownAs.resolve(EmbedStore.FOLDER.resolve(entry.getKey() + ".yaml")),
                        "search engines list a video only with its title, thumbnail and uploaded date: add the"
                                + " missing ones"));
            }
        }
        return warnings;
    }

    /** The 1-based line of the Markdown where {@code address} is written, 0 when it cannot be found. */
    private static int lineOf(String markdown, String address) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(address) || lines[i].contains(address.replaceFirst("^https?://", ""))) {
                return i + 1;
            }
        }
        return 0;
    }
}
