package dev.midad.render;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A view record as templates see it: FreeMarker's own bean model (the same properties, methods and built-ins),
 * which also keeps the model of each record component once read. A record is immutable, so its components give
 * the same models every time; without this, every {@code site.title} or {@code a.url} is a reflective call and
 * a new wrapper. Used within one rendering (one thread): {@link Templates} wraps each record once per page.
 */
final class RecordModel extends GenericObjectModel {
    /** Component names of each record class, by position. */
    private static final ClassValue<Map<String, Integer>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Integer> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Map<String, Integer> positions = new HashMap<>(components.length * 2);
            for (int i = 0; i < components.length; i++) {
                positions.put(components[i].getName(), i);
            }
            return Map.copyOf(positions);
        }
    };

    private final Map<String, Integer> components;
    private final TemplateModel[] values;

    RecordModel(Record record, BeansWrapper wrapper) {
        super(record, wrapper);
        this.components = COMPONENTS.get(record.getClass());
        this.values = new TemplateModel[components.size()];
    }

    @Override
    protected TemplateModel get(String key, boolean beforeMethodCall)
            throws TemplateModelException, MethodCallAwareTemplateHashModel.ShouldNotBeGetAsMethodException {
        Integer component = beforeMethodCall ? null : components.get(key);
        if (component == null) { // a method call, or not a component: as FreeMarker does it
            return super.get(key, beforeMethodCall);
        }
        TemplateModel value = values[component];
        if (value == null) {
            value = super.get(key, false);
            values[component] = value;
        }
        return value;
    }
}
