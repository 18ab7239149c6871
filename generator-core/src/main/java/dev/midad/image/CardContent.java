package dev.midad.image;

/**
 * What a social card shows. Texts are plain (no markup); {@code lead} is the site path of a raster lead
 * image under static/ or null; {@code focusX}/{@code focusY} place its crop (0…1, centre 0.5);
 * {@code logo} is the site path of a raster logo or null (the site's name is written instead).
 */
public record CardContent(
        String headline,
        String section,
        String date,
        String siteName,
        String lead,
        double focusX,
        double focusY,
        String logo) {}
