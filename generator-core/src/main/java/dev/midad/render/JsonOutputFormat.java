package dev.midad.render;

import dev.midad.media.MediaTypes;
import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for JSON templates ({@code .ftlj}): every {@code ${…}} is escaped as the content
 * of a JSON string, so templates write {@code "title": "${article.title}"} and can never break the JSON.
 * {@code <}, {@code >} and {@code &} are escaped too, so the same output is safe inside an HTML
 * {@code <script type="application/ld+json">} element.
 */
final class JsonOutputFormat extends CommonMarkupOutputFormat<JsonOutputFormat.Model> {
    public static final JsonOutputFormat INSTANCE = new JsonOutputFormat();

    private JsonOutputFormat() {}

    @Override
    public String getName() {
        return "JSON-string";
    }

    @Override
    public String getMimeType() {
        return MediaTypes.JSON;
    }

    @Override
    public void output(String text, Writer out) throws IOException {
        int first = firstToEscape(text);
        if (first < 0) {
            out.write(text);
        } else {
            out.write(escape(text, first));
        }
    }

    @Override
    public String escapePlainText(String text) {
        int first = firstToEscape(text);
        return first < 0 ? text : escape(text, first);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
    }

    /** Index of the first character that must be escaped, or -1 (most titles and words have none). */
    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String escape(String text, int first) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    /** Markup (already escaped) JSON string content. */
    public static final class Model extends freemarker.core.CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public JsonOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
