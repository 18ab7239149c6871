package dev.midad.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What WordPress's {@code _wp_attachment_metadata} tells of an uploaded image: its size, the file names of the
 * smaller copies it made ({@code x-300x200.jpg}, in the original's folder) and the photo's IPTC credit.
 *
 * @param width  0 when unknown
 * @param height 0 when unknown
 */
record AttachmentMetadata(int width, int height, List<String> sizeFiles, String credit) {
    static final AttachmentMetadata NONE = new AttachmentMetadata(0, 0, List.of(), "");
    private static final int MAX_SIDE = 100_000;

    AttachmentMetadata {
        sizeFiles = List.copyOf(sizeFiles);
    }

    /** The metadata of a serialized value; {@link #NONE} when it is missing, malformed or hostile. */
    static AttachmentMetadata of(String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return NONE;
        }
        Object value;
        try {
            value = PhpSerialized.parse(serialized);
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return NONE;
        }
        int width = side(map.get("width"));
        int height = side(map.get("height"));
        if (width == 0 || height == 0) {
            width = 0;
            height = 0;
        }
        List<String> files = new ArrayList<>();
        if (map.get("sizes") instanceof Map<?, ?> sizes) {
            for (Object size : sizes.values()) {
                if (size instanceof Map<?, ?> entry
                        && entry.get("file") instanceof String file
                        && file.matches("[^/\\\\\"<>\\s?#]{1,200}")) {
                    files.add(file);
                }
            }
        }
        String credit = "";
        if (map.get("image_meta") instanceof Map<?, ?> meta && meta.get("credit") instanceof String written) {
            credit = WxrImporter.plainText(written);
        }
        return new AttachmentMetadata(width, height, files, credit);
    }

    private static int side(Object value) {
        long side = value instanceof Long number
                ? number
                : value instanceof String text && text.matches("\\d{1,6}") ? Long.parseLong(text) : 0;
        return side > 0 && side <= MAX_SIDE ? (int) side : 0;
    }
}
