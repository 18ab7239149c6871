package dev.midad.output;

/**
 * Where an output is written and which part of the model it shows: once for the site, once per taxonomy
 * (its index of terms), once per term (a category, tag or author), once per article, once per static page,
 * once per old address that redirects.
 */
public enum Scope {
    SITE,
    TAXONOMY,
    TERM,
    ARTICLE,
    PAGE,
    REDIRECT;

    /** The name site.yaml uses ({@code site}, {@code term}, …). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
