package dev.midad.model.build;

import dev.midad.config.SiteConfig;
import dev.midad.content.Article;
import dev.midad.model.Translation;
import dev.midad.text.Bidi;

/**
 * An article's language and direction (its own {@code lang}/{@code dir}, else the edition's), and how it is seen
 * as a translation from the other editions of the publication.
 */
final class Editions {
    private final SiteConfig config;
    private final Links links;

    Editions(SiteConfig config, Links links) {
        this.config = config;
        this.links = links;
    }

    /** {@code article} as a translation target seen from another edition. */
    Translation translation(Article article) {
        String url = links.url(links.path(article));
        return new Translation(languageOf(article), directionOf(article), article.title(), url, links.absoluteUrl(url));
    }

    /** The key linking translations across editions ({@code translation_key} in front matter), or null. */
    static String translationKey(Article article) {
        Object key = article.params().get("translation_key");
        return key == null ? null : String.valueOf(key);
    }

    String languageOf(Article article) {
        Object lang = article.params().get("lang");
        return lang == null ? config.language() : String.valueOf(lang);
    }

    String directionOf(Article article) {
        Object dir = article.params().get("dir");
        if (dir != null && (dir.equals("rtl") || dir.equals("ltr"))) {
            return (String) dir;
        }
        return article.params().get("lang") == null
                ? config.direction()
                : Bidi.directionOfLanguage(languageOf(article));
    }
}
