package autosdk.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON sample into the Java value a generated method takes, with the SDK's own codecs: generated types
 * through {@code SourceGenerationContext.DEFAULT.read}, scalars through the runtime's {@code Json.readX}, lists and
 * maps item by item. A sample our codecs cannot read is a finding of its own.
 */
final class SampleDecoder {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> SCALAR_READERS = Map.ofEntries(
            Map.entry("java.lang.String", "readString"),
            Map.entry("java.lang.Integer", "readInt"),
            Map.entry("int", "readInt"),
            Map.entry("java.lang.Long", "readLong"),
            Map.entry("long", "readLong"),
            Map.entry("java.math.BigInteger", "readBigInteger"),
            Map.entry("java.lang.Double", "readDouble"),
            Map.entry("double", "readDouble"),
            Map.entry("java.lang.Float", "readFloat"),
            Map.entry("float", "readFloat"),
            Map.entry("java.math.BigDecimal", "readDecimal"),
            Map.entry("java.lang.Boolean", "readBoolean"),
            Map.entry("boolean", "readBoolean"),
            Map.entry("java.time.OffsetDateTime", "readDateTime"),
            Map.entry("java.time.LocalDate", "readDate"),
            Map.entry("java.util.UUID", "readUuid"),
            Map.entry("[B", "readBase64"));

    private final ConformanceSdk sdk;

    SampleDecoder(ConformanceSdk sdk) {
        this.sdk = sdk;
    }

    /** Thrown when the SDK's codecs reject a sample. */
    static final class Undecodable extends Exception {
        Undecodable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Object decode(String json, Type type) throws Undecodable {
        try {
            return read(json, type);
        } catch (Undecodable e) {
            throw e;
        } catch (InvocationTargetException e) {
            throw new Undecodable(
                    "cannot read " + abbreviate(json) + " as " + type.getTypeName() + ": " + e.getCause(),
                    e.getCause());
        } catch (Exception | LinkageError e) {
            throw new Undecodable("cannot read " + abbreviate(json) + " as " + type.getTypeName() + ": " + e, e);
        }
    }

    private Object read(String json, Type type) throws Exception {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> out = new ArrayList<>();
            // A single value stands for a list of one (a spec's example of an exploded query parameter).
            if (!json.startsWith("[")) json = "[" + json + "]";
            for (String item : children(json, JsonToken.START_ARRAY).values()) {
                out.add(read(item, p.getActualTypeArguments()[0]));
            }
            return out;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e :
                    children(json, JsonToken.START_OBJECT).entrySet()) {
                out.put(e.getKey(), read(e.getValue(), p.getActualTypeArguments()[1]));
            }
            return out;
        }
        Class<?> c = (Class<?>) type;
        String reader = SCALAR_READERS.get(c.getName());
        if (reader != null) {
            // A parameter's text form: a number or boolean sample for a string parameter is sent as its text.
            if (c == String.class && !json.startsWith("\"")) json = jsonString(json);
            try (JsonParser parser = JSON.createParser(json)) {
                parser.nextToken();
                return sdk.runtime("Json").getMethod(reader, JsonParser.class).invoke(null, parser);
            }
        }
        if (c.getName().equals(sdk.pkg + ".runtime.JsonValue")) {
            try (JsonParser parser = JSON.createParser(json)) {
                parser.nextToken();
                return sdk.runtime("Json")
                        .getMethod("readValue", JsonParser.class)
                        .invoke(null, parser);
            }
        }
        Method read = sdk.context.getClass().getMethod("read", String.class, Class.class);
        return read.invoke(sdk.context, json, c);
    }

    private static String jsonString(String raw) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeString(raw);
        }
        return out.toString();
    }

    /** The members of a JSON array (keys "0", "1", …) or object, each as JSON text. */
    static Map<String, String> children(String json, JsonToken expected) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != expected) {
                throw new Undecodable("expected " + expected + " in " + abbreviate(json), null);
            }
            int index = 0;
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) break;
                String key = Integer.toString(index++);
                if (t == JsonToken.FIELD_NAME) {
                    key = p.currentName();
                    p.nextToken();
                }
                StringWriter item = new StringWriter();
                try (JsonGenerator g = JSON.createGenerator(item)) {
                    g.copyCurrentStructure(p);
                }
                out.put(key, item.toString());
            }
        }
        return out;
    }

    /** The JSON the SDK writes for {@code value} (what went on the wire for a JSON body). */
    String encode(Object value) throws Exception {
        return (String) sdk.context.getClass().getMethod("write", Object.class).invoke(sdk.context, value);
    }

    /**
     * Where {@code sent} differs from {@code sample}: leaves (path = JSON text) the sample has and the sent JSON lacks
     * or changed, and leaves the sent JSON added; empty when they are equal as trees.
     */
    static List<String> differences(String sample, String sent) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        flatten("", sample, a);
        flatten("", sent, b);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other == null) out.add("dropped " + e.getKey() + "=" + abbreviate(e.getValue()));
            else if (!sameScalar(e.getValue(), other)) {
                out.add("changed " + e.getKey() + " " + abbreviate(e.getValue()) + " -> " + abbreviate(other));
            }
        }
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add("added " + e.getKey() + "=" + abbreviate(e.getValue()));
            }
        }
        return out;
    }

    private static boolean sameScalar(String x, String y) {
        if (x.equals(y)) return true;
        try {
            return new java.math.BigDecimal(x).compareTo(new java.math.BigDecimal(y)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void flatten(String path, String json, Map<String, String> out) throws Exception {
        if (json.startsWith("{") || json.startsWith("[")) {
            Map<String, String> members =
                    children(json, json.startsWith("{") ? JsonToken.START_OBJECT : JsonToken.START_ARRAY);
            if (members.isEmpty()) out.put(path, json);
            for (Map.Entry<String, String> m : members.entrySet()) flatten(path + "/" + m.getKey(), m.getValue(), out);
        } else if (!json.equals("null")) {
            out.put(path, json);
        }
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
