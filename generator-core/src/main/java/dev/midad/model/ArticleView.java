package dev.midad.model;

import dev.midad.text.PackedText;
import java.util.List;
import java.util.Map;

/**
 * An article as templates and feeds see it: content plus its place in the site.
 * Nullable: {@code updated}, {@code category}, {@code image}; empty string for absent texts.
 * {@code standfirst} is the summary when it adds something, empty when it would only repeat the lead paragraph.
 * {@code language}/{@code direction} are the article's own (front matter {@code lang}/{@code dir}), else the
 * edition's; {@code translations} are the same story in the other editions. {@code share} is the image
 * social networks show ({@code og:image}: a large lead image or the article's card; nullable), {@code gallery}
 * the front matter's gallery, {@code bodyGallery} the images of the body's gallery blocks (the body shows them;
 * structured data lists them); {@code editorial} its kind, corrections, authors' profiles and live-blog updates;
 * {@code videos} the embedded videos whose stored data is complete enough for search engines. {@code content}
 * is the body as the page shows it, packed: templates read it as {@link #contentHtml()}.
 */
public record ArticleView(
        String title,
        String url,
        String absoluteUrl,
        DateView date,
        DateView updated,
        List<Link> authors,
        Link category,
        List<Link> tags,
        String summary,
        String standfirst,
        ImageView image,
        String dateline,
        String source,
        boolean featured,
        PackedText content,
        int readingMinutes,
        Map<String, Object> params,
        String sourcePath,
        String language,
        String direction,
        List<Translation> translations,
        ImageView share,
        List<ImageView> gallery,
        List<ImageView> bodyGallery,
        EditorialView editorial,
        List<VideoView> videos) {

    public ArticleView {
        videos = List.copyOf(videos);
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        params = Map.copyOf(params);
        translations = List.copyOf(translations);
        gallery = List.copyOf(gallery);
        bodyGallery = List.copyOf(bodyGallery);
    }

    /** The body as the page shows it (unpacked on each call: read it once per use). */
    public String contentHtml() {
        return content.text();
    }

    /** A copy with other body HTML (feeds make its links absolute). */
    public ArticleView withContentHtml(String html) {
        return new ArticleView(
                title,
                url,
                absoluteUrl,
                date,
                updated,
                authors,
                category,
                tags,
                summary,
                standfirst,
                image,
                dateline,
                source,
                featured,
                PackedText.of(html),
                readingMinutes,
                params,
                sourcePath,
                language,
                direction,
                translations,
                share,
                gallery,
                bodyGallery,
                editorial,
                videos);
    }

    /** A copy linked to its translations. */
    public ArticleView withTranslations(List<Translation> others) {
        return new ArticleView(
                title,
                url,
                absoluteUrl,
                date,
                updated,
                authors,
                category,
                tags,
                summary,
                standfirst,
                image,
                dateline,
                source,
                featured,
                content,
                readingMinutes,
                params,
                sourcePath,
                language,
                direction,
                others,
                share,
                gallery,
                bodyGallery,
                editorial,
                videos);
    }

    /** The date shown as "last changed": {@code updated} when given, else {@code date}. */
    public DateView lastModified() {
        return updated != null ? updated : date;
    }
}
