package dev.midad.fetch;

import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.content.Article;
import dev.midad.content.ContentLoader;
import dev.midad.content.StaticPage;
import dev.midad.html.EmbedUrl;
import dev.midad.html.Embeds;
import dev.midad.markdown.MarkdownRenderer;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The opt-in step that asks the platforms ({@code midad embeds fetch}): every post or video an article or page
 * embeds and the site has no data for is looked up (see {@link Platforms}) and stored, so the next build shows
 * it as a card or facade. Stored data is never asked for again or overwritten; what cannot be fetched is
 * named with the reason and stays a plain link card.
 *
 * <pre>{@code
 * EmbedFetch.Outcome outcome = EmbedFetch.run(Path.of("news"), Endpoints.PLATFORMS, Duration.ofSeconds(15), System.out::println);
 * }</pre>
 */
public final class EmbedFetch {
    static final List<String> IMAGES = List.of("image/jpeg", "image/png", "image/webp");
    static final int MAX_IMAGE = 2 << 20;
    /** Where editions keep their content, as the site's loader has it. */
    private static final String EDITIONS = "editions";

    /**
     * @param siteRead false when site.yaml keeps the site from being read: then nothing was asked
     * @param stored   files written, relative to the site
     * @param failed   each address that could not be fetched, with why
     * @param problems why the site could not be read, or the content files that have problems (left out)
     */
    public record Outcome(
            boolean siteRead,
            List<Path> stored,
            Map<String, String> failed,
            int alreadyStored,
            List<Problem> problems) {
        public String summary() {
            if (stored.isEmpty() && failed.isEmpty()) {
                return "every embed has its data already (" + alreadyStored + " stored)";
            }
            return "stored " + stored.size() + (stored.size() == 1 ? " embed" : " embeds")
                    + (failed.isEmpty() ? "" : ", " + failed.size() + " could not be fetched and stay plain links")
                    + (alreadyStored == 0 ? "" : " (" + alreadyStored + " stored before)");
        }
    }

    private EmbedFetch() {}

    /**
     * @param progress told each address stored, as it is
     */
    public static Outcome run(Path siteDir, Endpoints endpoints, Duration timeout, Consumer<String> progress) {
        Path dir = siteDir.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        SiteConfig main = SiteConfigLoader.load(dir, problems);
        if (main == null) {
            return new Outcome(false, List.of(), Map.of(), 0, problems);
        }
        List<SiteConfig> configs = new ArrayList<>(List.of(main));
        List<Path> folders = new ArrayList<>(List.of(dir));
        for (SiteConfig.Edition edition : main.editions()) {
            configs.add(main.forEdition(edition));
            folders.add(dir.resolve(EDITIONS).resolve(edition.path()));
        }
        Platforms platforms = new Platforms(new PlatformHttp(timeout), endpoints);
        PlatformHttp images = new PlatformHttp(timeout);
        List<Path> stored = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int already = 0;
        for (int i = 0; i < configs.size(); i++) {
            Path folder = folders.get(i);
            ContentLoader.Content content =
                    new ContentLoader(folder, configs.get(i), new MarkdownRenderer(configs.get(i))).load(problems);
            Map<String, EmbedUrl> missing = new LinkedHashMap<>();
            List<String> bodies = new ArrayList<>();
            content.articles().stream().map(Article::bodyHtml).forEach(bodies::add);
            content.pages().stream().map(StaticPage::bodyHtml).forEach(bodies::add);
            for (String body : bodies) {
                for (Embeds.Found found : Embeds.found(body, content.embeds())) {
                    if (found.data() == null) {
                        missing.putIfAbsent(found.url().dataKey(), found.url());
                    }
                }
            }
            already += content.embeds().size();
            for (EmbedUrl url : missing.values()) {
                if (Files.exists(StoredEmbed.dataFile(folder, url))) {
                    continue; // stored but unreadable: the build names its problem, a fetch must not replace it
                }
                try {
                    Fetched fetched = platforms.ask(url);
                    // a page shows a thumbnail for videos only, and only from the site itself
                    StoredEmbed.Thumbnail thumbnail =
                            url.provider().video() ? thumbnail(images, fetched.thumbnail()) : null;
                    Path file = StoredEmbed.write(folder, url, fetched, thumbnail);
                    stored.add(dir.relativize(file));
                    progress.accept(
                            url.url() + " → " + dir.relativize(file).toString().replace('\\', '/'));
                } catch (PlatformHttp.Refused e) {
                    failed.put(url.url(), e.getMessage());
                } catch (IOException e) {
                    failed.put(url.url(), "cannot write into " + folder + ": " + e.getMessage());
                }
            }
        }
        return new Outcome(true, List.copyOf(stored), failed, already, problems);
    }

    /** The picture at {@code address}, when it is one and arrives; else null (the data is stored without it). */
    private static StoredEmbed.Thumbnail thumbnail(PlatformHttp http, String address) {
        if (address.isEmpty()) {
            return null;
        }
        try {
            return StoredEmbed.Thumbnail.of(
                    http.get(URI.create(address), IMAGES, MAX_IMAGE).body());
        } catch (PlatformHttp.Refused | IllegalArgumentException e) {
            return null;
        }
    }
}
