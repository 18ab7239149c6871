package dev.midad.output;

/**
 * One kind of file the site is rendered to: HTML pages, feeds, sitemaps, robots.txt, redirect rules, or a
 * template-only output a site declares in {@code site.yaml}. Each names the template that renders it, the
 * media type of what it writes and where the file goes relative to its {@link Scope}'s folder (the site
 * root, a term's folder, an article's folder).
 *
 * <p>The renderer walks an {@link OutputRegistry} of these; it knows how to plan the jobs of each kind of
 * {@link BuiltInOutput}, of a feed in any {@link FeedOutput} format and of any {@link TemplateOutput}.
 */
public sealed interface OutputFormat permits BuiltInOutput, FeedOutput, TemplateOutput {
    /** Unique within a registry, e.g. {@code article}, {@code rss}, {@code headlines}. */
    String name();

    /** The media type of the file written, e.g. {@code text/html}, {@code application/rss+xml}. */
    String mediaType();

    /** The template's file name, looked up in the site's templates/ and then the theme. */
    String template();

    /** The file's path relative to its scope's folder, e.g. {@code index.html}, {@code rss.xml}. */
    String path();

    Scope scope();
}
