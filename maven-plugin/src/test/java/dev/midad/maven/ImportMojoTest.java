package dev.midad.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportMojoTest {

    /** The mojo as Maven would configure it. */
    private static ImportMojo mojo(Path site, Path file, String timeZone, List<String> infos) throws Exception {
        ImportMojo mojo = new ImportMojo();
        set(AbstractMidadMojo.class, mojo, "siteDirectory", site.toFile());
        set(ImportMojo.class, mojo, "file", file.toFile());
        set(ImportMojo.class, mojo, "timeZone", timeZone);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    private static void set(Class<?> type, Object target, String name, Object value) throws Exception {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    @Test
    void importsATextArticleAndLogsTheReport(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("story.txt");
        Files.writeString(
                text, "عنوان الخبر\n\nكييف 20 يونيو 2024 – نص الخبر.\n\nExit mobile version\n", StandardCharsets.UTF_8);
        Path site = dir.resolve("site");
        List<String> infos = new ArrayList<>();

        mojo(site, text, null, infos).execute();

        Path written = site.resolve("articles/2024/06/anwan-alkhbr.md");
        assertTrue(Files.isRegularFile(written), infos.toString());
        String markdown = Files.readString(written, StandardCharsets.UTF_8);
        assertTrue(markdown.contains("date: 2024-06-20\ndateline: كييف\n"), markdown);
        assertTrue(
                infos.stream().anyMatch(l -> l.startsWith("imported story.txt → articles/2024/06/")), infos.toString());
        assertTrue(infos.stream().anyMatch(l -> l.startsWith("Midad import: 1 imported, 0 skipped")), infos.toString());

        List<String> again = new ArrayList<>();
        mojo(site, text, null, again).execute();
        assertTrue(again.stream().anyMatch(l -> l.contains("already exists")), again.toString());
    }

    @Test
    void failuresAreMojoFailures(@TempDir Path dir) throws Exception {
        MojoFailureException missing = assertThrows(
                MojoFailureException.class,
                () -> mojo(dir, dir.resolve("nothing.xml"), null, new ArrayList<>())
                        .execute());
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

        Path text = dir.resolve("a.txt");
        Files.writeString(text, "عنوان\n\nنص.", StandardCharsets.UTF_8);
        MojoFailureException zone = assertThrows(
                MojoFailureException.class,
                () -> mojo(dir, text, "Mars/Olympus", new ArrayList<>()).execute());
        assertTrue(zone.getMessage().contains("Europe/Kyiv"), zone.getMessage());
        assertEquals(List.of("a.txt"), List.of(dir.toFile().list((d, n) -> n.endsWith(".txt"))));
    }
}
