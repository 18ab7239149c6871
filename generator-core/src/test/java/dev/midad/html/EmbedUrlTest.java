package dev.midad.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbedUrlTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://www.youtube.com/watch?v=Kx7dQ2mVb4A&t=30s | youtube/Kx7dQ2mVb4A | https://www.youtube.com/watch?v=Kx7dQ2mVb4A | https://www.youtube-nocookie.com/embed/Kx7dQ2mVb4A",
                "https://youtu.be/Kx7dQ2mVb4A | youtube/Kx7dQ2mVb4A | https://www.youtube.com/watch?v=Kx7dQ2mVb4A | https://www.youtube-nocookie.com/embed/Kx7dQ2mVb4A",
                "https://m.youtube.com/shorts/Kx7dQ2mVb4A | youtube/Kx7dQ2mVb4A | https://www.youtube.com/watch?v=Kx7dQ2mVb4A | https://www.youtube-nocookie.com/embed/Kx7dQ2mVb4A",
                "http://vimeo.com/76979871 | vimeo/76979871 | https://vimeo.com/76979871 | https://player.vimeo.com/video/76979871?dnt=1",
                "https://twitter.com/Ukraine/status/1849512345678901234?s=20 | x/1849512345678901234 | https://x.com/Ukraine/status/1849512345678901234 | https://platform.twitter.com/embed/Tweet.html?id=1849512345678901234&dnt=true",
                "https://www.instagram.com/reel/C9xYz_12AbC/ | instagram/C9xYz_12AbC | https://www.instagram.com/reel/C9xYz_12AbC/ | https://www.instagram.com/reel/C9xYz_12AbC/embed/",
                "https://www.facebook.com/ukraine.portal/posts/123456789 | facebook/123456789 | https://www.facebook.com/ukraine.portal/posts/123456789/ | https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fukraine.portal%2Fposts%2F123456789%2F",
                "https://t.me/ukraine_news/4521 | telegram/ukraine_news-4521 | https://t.me/ukraine_news/4521 | https://t.me/ukraine_news/4521?embed=1",
                "https://www.tiktok.com/@kyiv.news/video/7301234567890123456 | tiktok/7301234567890123456 | https://www.tiktok.com/@kyiv.news/video/7301234567890123456 | https://www.tiktok.com/embed/v2/7301234567890123456",
            })
    void knownShapesAreRebuiltFromTheirParts(String written, String key, String url, String player) {
        EmbedUrl parsed = EmbedUrl.parse(written).orElseThrow();
        assertEquals(key, parsed.dataKey());
        assertEquals(url, parsed.url());
        assertEquals(player, parsed.playerUrl());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)//youtube.com/watch?v=Kx7dQ2mVb4A",
                "https://youtube.com.evil.example/watch?v=Kx7dQ2mVb4A",
                "https://evil.example/www.youtube.com/watch?v=Kx7dQ2mVb4A",
                "https://user@www.youtube.com/watch?v=Kx7dQ2mVb4A",
                "https://www.youtube.com:8443/watch?v=Kx7dQ2mVb4A",
                "https://www.youtube.com/watch?v=Kx7dQ2mVb4A\"onload=\"x",
                "https://www.youtube.com/watch?v=short",
                "https://www.youtube.com/channel/UC123",
                "https://x.com/user/likes",
                "https://t.me/../etc/passwd",
                "https://t.me/joinchat/AAAA",
                "ftp://vimeo.com/1",
                "https://www.facebook.com/login.php?next=x",
                "not a url at all",
            })
    void anythingElseIsNoEmbed(String written) {
        assertTrue(EmbedUrl.parse(written).isEmpty(), written);
    }
}
