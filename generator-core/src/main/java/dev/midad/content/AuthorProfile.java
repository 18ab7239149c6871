package dev.midad.content;

import dev.midad.markdown.MarkdownRenderer;
import dev.midad.problem.Problem;
import dev.midad.yaml.YamlMapping;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A writer as a person: {@code authors/<slug>.md}, front matter {@code name}, {@code role}, {@code photo},
 * {@code email}, {@code x}, {@code telegram}, {@code facebook}, {@code website}, and a biography as the body.
 * Every link has been checked (social links https only); absent texts are empty strings.
 *
 * @param sameAs the profile's links elsewhere (X, Telegram, Facebook, website), in that order
 */
public record AuthorProfile(
        Path source,
        String name,
        String role,
        String photo,
        String email,
        List<String> sameAs,
        String bioHtml,
        String bioText) {
    public static final String FOLDER = "authors";
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");

    public AuthorProfile {
        sameAs = List.copyOf(sameAs);
    }

    /** Parses one profile; null (and problems added) when it is unusable. */
    static AuthorProfile parse(Path shown, String text, MarkdownRenderer markdown, List<Problem> problems) {
        FrontMatter front = FrontMatter.split(shown, text, problems);
        if (front == null) {
            return null;
        }
        YamlMapping yaml = front.yaml();
        String name = yaml.string("name", "");
        if (name.isBlank()) {
            yaml.problem(
                    "name",
                    "'name' is required: the author's name exactly as articles write it in author:,"
                            + " e.g. name: سارة حسن");
        }
        String photo = yaml.string("photo", "");
        String lowerPhoto = photo.toLowerCase(Locale.ROOT);
        if (!photo.isEmpty()
                && !(photo.startsWith("/") && !photo.startsWith("//"))
                && !lowerPhoto.startsWith("https://")) {
            yaml.problem(
                    "photo",
                    "'photo' must be a site path such as /images/authors/sara.jpg or an https URL, not '" + photo
                            + "'");
            photo = "";
        }
        String email = yaml.string("email", "");
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            yaml.problem("email", "'email' is not an e-mail address: '" + email + "'");
            email = "";
        }
        List<String> sameAs = new ArrayList<>();
        social(yaml, "x", List.of("x.com", "twitter.com"), sameAs);
        social(yaml, "telegram", List.of("t.me", "telegram.me"), sameAs);
        social(yaml, "facebook", List.of("facebook.com", "fb.com"), sameAs);
        social(yaml, "website", List.of(), sameAs);
        MarkdownRenderer.Rendered bio = markdown.render(front.body());
        return new AuthorProfile(shown, name, yaml.string("role", ""), photo, email, sameAs, bio.html(), bio.text());
    }

    /** An https link on one of {@code hosts} (any host for an empty list); reported and left out otherwise. */
    private static void social(YamlMapping yaml, String key, List<String> hosts, List<String> links) {
        String url = yaml.string(key, "");
        if (url.isEmpty()) {
            return;
        }
        String host = httpsHost(url);
        boolean known = host != null
                && (hosts.isEmpty() || hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h)));
        if (!known) {
            yaml.problem(
                    key,
                    "'" + key + "' must be an https address"
                            + (hosts.isEmpty() ? "" : " on " + String.join(" or ", hosts)) + ", e.g. " + key
                            + ": https://" + (hosts.isEmpty() ? "example.org" : hosts.get(0)) + "/…; got '" + url
                            + "'");
            return;
        }
        links.add(url);
    }

    /** The host of an https address without user information, else null. */
    private static String httpsHost(String url) {
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.getHost().toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // not an address: the caller reports it
        }
        return null;
    }
}
