package dev.midad.render;

import dev.midad.cache.Identity;
import freemarker.core.Environment;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code <@cached key=[…]>…</@cached>} directive (Hugo's {@code partialCached}): its nested content is
 * rendered once per build for each key at each place the directive is written, and the same text is written
 * wherever that place meets that key again. The default theme wraps a story card in it ({@code key=[article,
 * level, variant, eager]}): at 10,000 articles a card is otherwise rendered again on each of the ~7 list pages
 * and ~4 article pages that show it. Feed items are cached the same way.
 *
 * <p>The nested content must depend only on the key, the edition (site, messages, locale) and the place: a
 * key's values are strings, numbers and booleans by value, model objects (an article, an image) by identity,
 * so an article edited since is a new object and a new key. What the content read (the articles it used, the
 * clock) counts for every page that writes it (see {@link Templates.Reads}). One instance per edition and build.
 */
final class CachedDirective implements TemplateDirectiveModel {
    /** A rendered fragment and what rendering it read. */
    record Fragment(String text, List<String> articles, boolean clock) {}

    /**
     * One place in a template and one key's values there. The place is compared by identity: FreeMarker does
     * not promise equality of its elements.
     */
    private record Key(Identity place, List<Object> values) {}

    private final Map<Key, Fragment> fragments = new ConcurrentHashMap<>();

    /** Lets go of every fragment: the edition is rendered (they would otherwise live through the search index). */
    void clear() {
        fragments.clear();
    }

    @Override
    public void execute(
            Environment env,
            @SuppressWarnings("rawtypes") Map params,
            TemplateModel[] loopVars,
            TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (params.size() != 1 || !params.containsKey("key") || loopVars.length != 0) {
            throw new TemplateModelException(
                    "<@cached key=[…]>…</@cached> takes one parameter, key: the values its content depends on");
        }
        if (body == null) {
            return;
        }
        Key key = new Key(new Identity(env.getCurrentDirectiveCallPlace()), values((TemplateModel) params.get("key")));
        Fragment fragment = fragments.get(key);
        if (fragment == null) {
            fragment = Templates.capture(env, body);
            fragments.putIfAbsent(key, fragment);
        } else {
            Templates.replay(env, fragment);
        }
        env.getOut().write(fragment.text());
    }

    private static List<Object> values(TemplateModel key) throws TemplateModelException {
        List<Object> values = new ArrayList<>();
        if (key instanceof TemplateSequenceModel sequence && !(key instanceof AdapterTemplateModel)) {
            for (int i = 0; i < sequence.size(); i++) {
                values.add(value(sequence.get(i)));
            }
        } else {
            values.add(value(key));
        }
        return values;
    }

    private static Object value(TemplateModel model) throws TemplateModelException {
        if (model == null) {
            return null;
        }
        Object wrapped = model instanceof WrapperTemplateModel w
                ? w.getWrappedObject()
                : model instanceof AdapterTemplateModel a ? a.getAdaptedObject(Object.class) : null;
        if (wrapped instanceof String || wrapped instanceof Number || wrapped instanceof Boolean) {
            return wrapped;
        }
        if (wrapped != null) {
            return new Identity(wrapped);
        }
        if (model instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        }
        if (model instanceof TemplateNumberModel number) {
            return number.getAsNumber();
        }
        if (model instanceof TemplateBooleanModel bool) {
            return bool.getAsBoolean();
        }
        return new Identity(model); // a template's own hash or sequence: only the same one is the same key
    }
}
