package autosdk.emit.java;

import autosdk.model.ApiModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the Unicode line and paragraph separators (U+2028, U+2029) of spec text from breaking
 * generated code: JavaPoet treats them as line breaks, even inside string literals. The model keeps
 * spec text as it is; this emitter works on a copy whose strings carry private-use stand-ins instead,
 * and turns the stand-ins into {@code \u2028}-style escapes in the finished source, which javac reads
 * back as the original characters. (Private-use U+E028/U+E029 in a spec would come out as the
 * separators: an accepted cost for characters no public API uses.)
 */
final class SourceText {
    private static final char LINE = '\u2028';
    private static final char PARAGRAPH = '\u2029';
    private static final char LINE_STAND_IN = '\uE028';
    private static final char PARAGRAPH_STAND_IN = '\uE029';

    private SourceText() {}

    /** Replaces the separators with their stand-ins. */
    static String protect(String text) {
        if (text.indexOf(LINE) < 0 && text.indexOf(PARAGRAPH) < 0) return text;
        return text.replace(LINE, LINE_STAND_IN).replace(PARAGRAPH, PARAGRAPH_STAND_IN);
    }

    /** The text {@link #protect} was given: stand-ins back to separators (for ids handed back to callers). */
    static String restore(String text) {
        if (text.indexOf(LINE_STAND_IN) < 0 && text.indexOf(PARAGRAPH_STAND_IN) < 0) return text;
        return text.replace(LINE_STAND_IN, LINE).replace(PARAGRAPH_STAND_IN, PARAGRAPH);
    }

    /** Turns stand-ins in generated Java source into Unicode escapes. */
    static String escapeStandIns(String javaSource) {
        if (javaSource.indexOf(LINE_STAND_IN) < 0 && javaSource.indexOf(PARAGRAPH_STAND_IN) < 0) return javaSource;
        return javaSource
                .replace(String.valueOf(LINE_STAND_IN), "\\u2028")
                .replace(String.valueOf(PARAGRAPH_STAND_IN), "\\u2029");
    }

    /** The model with every string protected; the model itself when no string holds a separator (nearly always). */
    static ApiModel protect(ApiModel model) {
        return (ApiModel) copy(model);
    }

    /**
     * Copies model records, lists and maps, protecting strings; other values (enums, locations) are kept as they are.
     */
    private static Object copy(Object value) {
        if (value instanceof String s) return protect(s);
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object item : list) {
                Object c = copy(item);
                changed |= c != item;
                out.add(c);
            }
            return changed ? Collections.unmodifiableList(out) : list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = copy(e.getKey());
                Object v = copy(e.getValue());
                changed |= k != e.getKey() || v != e.getValue();
                out.put(k, v);
            }
            return changed ? Collections.unmodifiableMap(out) : map;
        }
        if (value instanceof Record r && r.getClass().getPackageName().equals(ApiModel.class.getPackageName())) {
            return copyRecord(r);
        }
        return value;
    }

    private static Object copyRecord(Record r) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                Object v = components[i].getAccessor().invoke(r);
                values[i] = copy(v);
                types[i] = components[i].getType();
                changed |= values[i] != v;
            }
            if (!changed) return r;
            Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot copy model record " + r.getClass().getName(), e);
        }
    }
}
