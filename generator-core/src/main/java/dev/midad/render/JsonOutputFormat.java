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
        out.write(escapePlainText(text));
    }

    @Override
    public String escapePlainText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u%04x".formatted((int) c));
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
