package dev.midad.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one build did to the output folder, for deploys (CDN purges, uploads): the files it added, changed and
 * deleted, by comparing the manifests before and after. Written as JSON next to the output folder
 * ({@code site-changes.json} beside {@code site/}).
 *
 * @param nextChange the next moment the site changes by itself (a scheduled article comes due, an article
 *                   expires), or null
 */
public record Changes(List<String> added, List<String> changed, List<String> deleted, ZonedDateTime nextChange) {
    public Changes {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        deleted = List.copyOf(deleted);
    }

    /** The difference between two manifests (a file is changed when its hash differs). */
    public static Changes between(Manifest before, Manifest after, ZonedDateTime nextChange) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Map<String, String> old = before.hashes();
        after.hashes().forEach((file, hash) -> {
            String was = old.get(file);
            if (was == null) {
                added.add(file);
            } else if (!was.equals(hash)) {
                changed.add(file);
            }
        });
        for (String file : old.keySet()) {
            if (!after.hashes().containsKey(file)) {
                deleted.add(file);
            }
        }
        // sorted once they are known: usually a handful of 50,000 files
        added.sort(null);
        changed.sort(null);
        deleted.sort(null);
        return new Changes(added, changed, deleted, nextChange);
    }

    /** Where the list of {@code outputDir} goes: {@code <name>-changes.json} next to it. */
    public static Path fileFor(Path outputDir) {
        Path out = outputDir.toAbsolutePath().normalize();
        return out.resolveSibling(out.getFileName() + "-changes.json");
    }

    /** Writes the list for {@code outputDir}, atomically. */
    public void write(Path outputDir) throws IOException {
        Path file = fileFor(outputDir);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {"added":[…],"changed":[…],"deleted":[…],"nextChange":"…"|null}, one file per line. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        list(json, "added", added);
        list(json, "changed", changed);
        list(json, "deleted", deleted);
        json.append("  \"nextChange\": ")
                .append(
                        nextChange == null
                                ? "null"
                                : quote(nextChange.toOffsetDateTime().toString()))
                .append("\n}\n");
        return json.toString();
    }

    private static void list(StringBuilder json, String name, List<String> files) {
        json.append("  \"").append(name).append("\": [");
        for (int i = 0; i < files.size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ").append(quote(files.get(i)));
        }
        json.append(files.isEmpty() ? "],\n" : "\n  ],\n");
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
