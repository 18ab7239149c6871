package dev.midad.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small WordPress exports for tests: the channel of a WordPress 6.5 export and the items given. */
final class WxrWriter {
    private final StringBuilder items = new StringBuilder();
    private final StringBuilder channel = new StringBuilder();

    /** An author as {@code <wp:author>}. */
    WxrWriter author(String login, String displayName) {
        channel.append("<wp:author><wp:author_login><![CDATA[")
                .append(login)
                .append("]]></wp:author_login><wp:author_display_name><![CDATA[")
                .append(displayName)
                .append("]]></wp:author_display_name></wp:author>\n");
        return this;
    }

    /** Any channel-level element, as written. */
    WxrWriter channel(String xml) {
        channel.append(xml).append('\n');
        return this;
    }

    /**
     * A published post of 2024-06-{day} 10:00 GMT.
     *
     * @param extra further elements of the item (categories, postmeta), as written
     */
    WxrWriter post(long id, String name, String title, int day, String creator, String content, String extra) {
        return item(id, "post", name, title, "2024-06-%02d 10:00:00".formatted(day), creator, content, extra);
    }

    /** An attachment of post {@code parent}. */
    WxrWriter attachment(long id, long parent, String url, String caption, String extra) {
        items.append("<item><title>")
                .append(id)
                .append("</title><wp:post_id>")
                .append(id)
                .append("</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>")
                .append("<wp:post_parent>")
                .append(parent)
                .append("</wp:post_parent><wp:attachment_url><![CDATA[")
                .append(url)
                .append("]]></wp:attachment_url><excerpt:encoded><![CDATA[")
                .append(caption)
                .append("]]></excerpt:encoded>")
                .append(extra)
                .append("</item>\n");
        return this;
    }

    WxrWriter item(
            long id, String type, String name, String title, String gmt, String creator, String content, String extra) {
        items.append("<item><title><![CDATA[")
                .append(title)
                .append("]]></title><link>https://old.example/?p=")
                .append(id)
                .append("</link><dc:creator><![CDATA[")
                .append(creator)
                .append("]]></dc:creator><content:encoded><![CDATA[")
                .append(content)
                .append("]]></content:encoded><wp:post_id>")
                .append(id)
                .append("</wp:post_id><wp:post_date_gmt>")
                .append(gmt)
                .append("</wp:post_date_gmt><wp:post_name><![CDATA[")
                .append(name)
                .append("]]></wp:post_name><wp:status>publish</wp:status><wp:post_type>")
                .append(type)
                .append("</wp:post_type>")
                .append(extra)
                .append("</item>\n");
        return this;
    }

    static String meta(String key, String value) {
        return "<wp:postmeta><wp:meta_key><![CDATA[" + key + "]]></wp:meta_key><wp:meta_value><![CDATA[" + value
                + "]]></wp:meta_value></wp:postmeta>";
    }

    static String term(String domain, String nicename, String name) {
        return "<category domain=\"" + domain + "\" nicename=\"" + nicename + "\"><![CDATA[" + name + "]]></category>";
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                  xmlns:content="http://purl.org/rss/1.0/modules/content/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <title>Old</title>
                <link>https://old.example</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_blog_url>https://old.example</wp:base_blog_url>
                """ + channel + items + "</channel>\n</rss>\n", StandardCharsets.UTF_8);
        return file;
    }
}
