package dev.midad.image;

import java.util.Locale;
import java.util.Optional;

/** The raster formats the pipeline reads and writes. */
public enum ImageFormat {
    JPEG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp");

    private final String extension;
    private final String mediaType;

    ImageFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format a file name says it has (jpg, jpeg, png, webp; any case); empty for anything else. */
    public static Optional<ImageFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        String ext = lower.substring(lower.lastIndexOf('.') + 1);
        return switch (ext) {
            case "jpg", "jpeg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
