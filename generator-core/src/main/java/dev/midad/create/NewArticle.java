package dev.midad.create;

import dev.midad.BuildException;
import dev.midad.config.SiteConfig;
import dev.midad.config.SiteConfigLoader;
import dev.midad.problem.Problem;
import dev.midad.text.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Creates a new article file with complete front matter: the slug from the (Arabic) title, the date now in
 * the site's time zone, the site's default author, {@code draft: true} until the editor publishes it.
 * Writes {@code articles/yyyy/mm/<slug>.md} and never overwrites an existing file.
 */
public final class NewArticle {
    private NewArticle() {}

    public static Path create(Path siteDir, String title, String category, Clock clock) throws BuildException {
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(siteDir, problems);
        if (config == null) {
            throw new BuildException(problems);
        }
        String slug = Slugs.slugify(title);
        if (slug.isEmpty()) {
            throw new BuildException(Problem.of(null, "the title has no letters or digits to make an address from"));
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.timeZone())).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", title);
        front.put("date", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now));
        front.put("author", config.defaultAuthor());
        front.put("category", category == null ? "" : category);
        front.put("tags", List.of());
        front.put("summary", "");
        front.put("image", "");
        front.put("image_alt", "");
        front.put("image_caption", "");
        front.put("dateline", "");
        front.put("source", "");
        front.put("slug", slug);
        front.put("featured", false);
        front.put("draft", true);
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setWidth(200)
                .build();
        String yaml = new Dump(settings).dumpToString(front);
        Path file = siteDir.resolve("articles")
                .resolve("%04d".formatted(now.getYear()))
                .resolve("%02d".formatted(now.getMonthValue()))
                .resolve(slug + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\n" + yaml + "---\n\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new BuildException(Problem.of(
                    siteDir.relativize(file), "already exists: choose another title" + " or edit that file"));
        } catch (IOException e) {
            throw new BuildException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
