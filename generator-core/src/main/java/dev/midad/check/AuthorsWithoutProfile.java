package dev.midad.check;

import dev.midad.content.AuthorProfile;
import dev.midad.model.ArticleView;
import dev.midad.model.Link;
import dev.midad.model.SiteModel;
import dev.midad.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authors whose articles work but whose byline links to a plain list: no {@code authors/<slug>.md}
 * profile has their name. One warning per author, at the first article (newest first) that names them; none
 * on a site without any profile.
 */
public final class AuthorsWithoutProfile {
    private AuthorsWithoutProfile() {}

    /**
     * @param contentDir the folder the articles' files are relative to
     * @param shownAs    that folder as messages name it (relative to the site)
     */
    public static List<Problem> of(SiteModel model, Path contentDir, Path shownAs) {
        if (model.authorProfiles().isEmpty()) {
            return List.of(); // a site that keeps no profiles at all is not nagged about each of its authors
        }
        Map<String, List<ArticleView>> byAuthor = new LinkedHashMap<>();
        for (ArticleView article : model.articles()) {
            for (Link author : article.authors()) {
                if (!model.authorProfiles().containsKey(author.url())) {
                    byAuthor.computeIfAbsent(author.name(), name -> new ArrayList<>())
                            .add(article);
                }
            }
        }
        List<Problem> warnings = new ArrayList<>();
        byAuthor.forEach((name, articles) -> {
            int others = articles.size() - 1;
            Problem found = KeyLines.located(
                    Problem.of(
                            Path.of(articles.get(0).sourcePath()),
                            "'author' " + name + " has no profile"
                                    + (others > 0
                                            ? " (nor in " + others
                                                    + (others == 1 ? " more article)" : " more articles)")
                                            : "")
                                    + ": add " + AuthorProfile.FOLDER + "/<slug>.md with name: " + name
                                    + " (role, photo, links, a biography) to show them as a person"),
                    contentDir);
            warnings.add(new Problem(shownAs.resolve(found.file()), found.line(), 0, found.message()));
        });
        return warnings;
    }
}
