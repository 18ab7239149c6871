package dev.midad.create;

import dev.midad.BuildException;
import dev.midad.config.SiteConfigLoader;
import dev.midad.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a site: a commented {@code site.yaml}, one published article and one page, which build at once. Refuses a
 * folder that already has a {@code site.yaml}, and never replaces a file.
 */
public final class NewSite {
    private static final String SITE_YAML = """
            # The publication's settings. Every key is explained in Midad's README (site.yaml).
            title: موقعي الإخباري            # the publication's name, in the header and the feeds
            description: أخبار ومقالات       # one line for the home page and the feeds
            base_url: https://example.com/   # where the site will be served from (feeds and sitemaps need it)
            language: ar                     # <html lang>, the feeds' language
            direction: rtl                   # rtl or ltr
            locale: ar-EG                    # month names: ar-EG يونيو, ar-LB حزيران
            time_zone: Asia/Riyadh           # for dates written without an offset
            author: فريق التحرير             # author of articles that name none
            per_page: 10                     # articles per list page
            # permalink: /{yyyy}/{mm}/{slug}/   # article addresses
            # menu: [سياسة, اقتصاد]            # categories in the navigation, in order
            """;

    private NewSite() {}

    /**
     * Writes the starter files into {@code siteDir} (created if needed) and returns them, relative to it.
     *
     * @param clock dates the first article today, so that it is published, not in the future
     */
    public static List<Path> create(Path siteDir, Clock clock) throws BuildException {
        if (Files.exists(siteDir.resolve(SiteConfigLoader.FILE_NAME))) {
            throw new BuildException(Problem.of(
                    Path.of(SiteConfigLoader.FILE_NAME),
                    "already exists: this folder"
                            + " is a site already; run init in an empty folder, or build this one"));
        }
        LocalDate today = LocalDate.now(clock);
        String month = "%04d/%02d".formatted(today.getYear(), today.getMonthValue());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of(SiteConfigLoader.FILE_NAME), SITE_YAML);
        files.put(Path.of("articles", month, "welcome.md"), """
                ---
                title: أهلاً بكم في موقعنا
                date: %s
                slug: welcome
                category: أخبار الموقع
                tags: [ترحيب]
                ---
                هذا أول خبر في الموقع. عدّله أو احذفه، واكتب أخبارك في مجلد `articles/`: ملف Markdown لكل خبر،
                تعلوه بيانات الخبر بين سطرين من `---`.

                أنشئ خبراً جديداً بالأمر `new`، وشاهد الموقع أثناء الكتابة بالأمر `serve`.
                """.formatted(today));
        files.put(Path.of("pages", "about.md"), """
                ---
                title: من نحن
                slug: about
                ---
                صفحة تعريف بالموقع وفريقه. الصفحات في مجلد `pages/` لا تظهر في قوائم الأخبار ولا في الخلاصات.
                """);
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Path target = siteDir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(file.getKey());
            }
        } catch (IOException e) {
            throw new BuildException("cannot write the new site into " + siteDir + ": " + e.getMessage(), e);
        }
        return written;
    }
}
