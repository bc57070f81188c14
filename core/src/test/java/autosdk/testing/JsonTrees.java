package autosdk.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values (maps, lists, strings, {@link BigDecimal} numbers, booleans, null) for tests: parse a
 * document to compare it semantically (numbers by value) or walk it (a harness report), and write a tree back.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTrees() {}

    public static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return value(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
                return list;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                BigDecimal d = p.getDecimalValue().stripTrailingZeros();
                return d.signum() == 0 ? BigDecimal.ZERO : d;
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** The value at a dotted path ("summary.invalid"), or null. */
    public static Object at(Object tree, String path) {
        Object cur = tree;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(part);
        }
        return cur;
    }

    /** The number at a dotted path, or -1 when there is none. */
    public static long number(Object tree, String path) {
        return at(tree, path) instanceof Number n ? n.longValue() : -1;
    }

    /** The tree as JSON text, indented when {@code pretty}. */
    public static String write(Object tree, boolean pretty) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) g.useDefaultPrettyPrinter();
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> l) {
            g.writeStartArray();
            for (Object v : l) write(g, v);
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof java.math.BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException(
                    "not a JSON tree value: " + value.getClass().getName());
        }
    }
}
