package dev.midad.render;

import dev.midad.model.Bidi;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.util.List;

/**
 * Template function {@code plain(text)}: text for places that show it without the page's direction (feed
 * titles, og:title, JSON-LD), isolated with Unicode controls only where needed. See {@link Bidi}.
 */
final class PlainText implements TemplateMethodModelEx {
    private final boolean rtl;

    PlainText(boolean rtl) {
        this.rtl = rtl;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel scalar)) {
            throw new TemplateModelException("plain(text) takes one text argument");
        }
        return Bidi.isolate(scalar.getAsString(), rtl);
    }
}
