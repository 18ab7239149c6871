package dev.midad.content;

import java.nio.file.Path;

/** A page from {@code pages/} (about, contact): never in lists or feeds. */
public record StaticPage(Path source, String title, String slug, String summary, String bodyHtml) {
}
