package dev.midad.problem;

import java.nio.file.Path;

/**
 * One thing wrong with the site's input, located as precisely as known.
 *
 * @param file    the offending file, relative to the site folder where possible (null: the site as a whole)
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and how to fix it
 */
public record Problem(Path file, int line, int column, String message) {

    public static Problem of(Path file, String message) {
        return new Problem(file, 0, 0, message);
    }

    public static Problem at(Path file, int line, String message) {
        return new Problem(file, line, 0, message);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file.toString().replace('\\', '/'));
            if (line > 0) {
                where.append(':').append(line);
                if (column > 0) {
                    where.append(':').append(column);
                }
            }
            where.append(": ");
        }
        return where.append(message).toString();
    }
}
