package dev.midad.yaml;

/** Values quoted in problems: control and format characters (a NUL, U+202E) shown as {@code \\uXXXX}. */
public final class VisibleText {
    private VisibleText() {}

    /** {@code text} with every control and format character written as {@code \\uXXXX}. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
