package dev.midad.content;

import dev.midad.problem.Problem;
import dev.midad.text.SourceText;
import dev.midad.yaml.YamlMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The site's YAML data files ({@code data/breaking.yaml}, {@code data/redirects.yaml}). */
final class DataFiles {
    private DataFiles() {}

    /** {@code file} (relative to the site) parsed, problems named by it; null when there is none or it cannot be read. */
    static YamlMapping read(Path siteDir, Path file, List<Problem> problems) {
        Path path = siteDir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        String text = SourceText.read(path, file, problems);
        return text == null ? null : YamlMapping.parse(file, 1, text, problems);
    }
}
