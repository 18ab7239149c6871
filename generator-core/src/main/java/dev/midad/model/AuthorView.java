package dev.midad.model;

import java.util.List;

/**
 * A writer's profile ({@code authors/<slug>.md}) as templates see it. Every link was checked when read.
 *
 * @param url      site-relative address of the author's page
 * @param photo    the photo (site-relative or https), or null
 * @param sameAs   the writer's addresses elsewhere (X, Telegram, Facebook, website)
 * @param bioHtml  the biography, sanitised like any body
 */
public record AuthorView(
        String name,
        String url,
        String absoluteUrl,
        String role,
        String photo,
        String photoAbsoluteUrl,
        String email,
        List<String> sameAs,
        String bioHtml) {
    public AuthorView {
        sameAs = List.copyOf(sameAs);
    }
}
