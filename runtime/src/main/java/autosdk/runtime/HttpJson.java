package autosdk.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glue between the generated streaming codecs and HTTP: response decoders and stream mappers over a
 * {@link JsonCodec.Reader}, request bodies from a {@link JsonCodec.Writer}, and the flattening of a JSON
 * object into form fields or multipart parts.
 */
public final class HttpJson {

    private HttpJson() {}

    /** Decodes a whole response body as one JSON value; an empty body or JSON {@code null} gives {@code null}. */
    public static <T> HttpResponseDecoder<T> decoder(JsonCodec.Reader<T> reader) {
        return (body, headers) -> {
            try (JsonParser p = Json.STREAMS.createParser(body)) {
                return readDocument(p, reader);
            }
        };
    }

    /** Maps the text of one streamed item (SSE data, an NDJSON line) with {@code reader}. */
    public static <T> HttpDataMapper<T> mapper(JsonCodec.Reader<T> reader) {
        return data -> read(data, reader);
    }

    /** Reads one JSON document; blank text or JSON {@code null} gives {@code null}. */
    public static <T> T read(String json, JsonCodec.Reader<T> reader) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            return readDocument(p, reader);
        }
    }

    /** Writes {@code value} as compact UTF-8 JSON ({@code null} as JSON null). */
    public static <T> byte[] write(T value, JsonCodec.Writer<T> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            if (value == null) {
                g.writeNull();
            } else {
                writer.write(g, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write request body", e);
        }
        return out.toByteArray();
    }

    /**
     * Returns the JSON object {@code json} with member {@code name} set to {@code value} (replacing any earlier
     * value), e.g. {@code "stream": true} for the streaming variant of an operation. Non-objects are returned as is.
     */
    public static byte[] withMember(byte[] json, String name, boolean value) {
        JsonValue tree = parse(json);
        if (!(tree instanceof JsonValue.JsonObject jsonObject)) {
            return json;
        }
        Map<String, JsonValue> members = new LinkedHashMap<>(jsonObject.members());
        members.put(name, JsonValue.of(value));
        return write(new JsonValue.JsonObject(members), Json::writeValue);
    }

    /**
     * The members of a JSON object as {@link HttpBody#form} fields: strings, numbers and booleans as their text,
     * arrays of those as repeated fields, nested objects and arrays of objects as compact JSON text; nulls left out.
     */
    public static Map<String, Object> formFields(byte[] json) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonValue tree = parse(json);
        if (!(tree instanceof JsonValue.JsonObject jsonObject)) {
            throw new IllegalArgumentException("a form body must be a JSON object");
        }
        for (Map.Entry<String, JsonValue> e : jsonObject.members().entrySet()) {
            Object field = field(e.getValue());
            if (field != null) {
                out.put(e.getKey(), field);
            }
        }
        return out;
    }

    /**
     * Adds the JSON value {@code json} to a multipart body as field {@code name}: scalars as text parts, arrays of
     * scalars as one text part per item (the same name repeated), objects and other arrays as an
     * {@code application/json} part; JSON null adds nothing.
     */
    public static void addPart(HttpMultipart multipart, String name, byte[] json) {
        JsonValue tree = parse(json);
        Object field = field(tree);
        if (field == null) {
            return;
        }
        if (field instanceof List) {
            for (Object item : (List<?>) field) {
                multipart.text(name, (String) item);
            }
        } else if (tree instanceof JsonValue.JsonObject || tree instanceof JsonValue.JsonArray) {
            multipart.part(name, json, "application/json");
        } else {
            multipart.text(name, (String) field);
        }
    }

    /**
     * A structured parameter value in the shape {@link HttpParams} serializes: {@code value} written as JSON with
     * {@code writer}, then scalars as their text, arrays as lists and objects as ordered maps (nested likewise).
     */
    public static <T> Object toParam(T value, JsonCodec.Writer<T> writer) {
        if (value == null) {
            return null;
        }
        return param(parse(write(value, writer)));
    }

    private static Object param(JsonValue value) {
        if (value instanceof JsonValue.JsonNull) {
            return null;
        }
        if (value instanceof JsonValue.JsonArray jsonArray) {
            List<Object> items = new ArrayList<>();
            for (JsonValue item : jsonArray.items()) {
                Object p = param(item);
                if (p != null) {
                    items.add(p);
                }
            }
            return items;
        }
        if (value instanceof JsonValue.JsonObject jsonObject) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : jsonObject.members().entrySet()) {
                Object p = param(e.getValue());
                if (p != null) {
                    members.put(e.getKey(), p);
                }
            }
            return members;
        }
        return scalarText(value);
    }

    /** A scalar's text, a list of scalar texts, JSON text for anything nested, or null. */
    private static Object field(JsonValue value) {
        if (value instanceof JsonValue.JsonNull) {
            return null;
        }
        if (value instanceof JsonValue.JsonArray jsonArray) {
            List<String> items = new ArrayList<>();
            for (JsonValue item : jsonArray.items()) {
                Object text = field(item);
                if (text == null) {
                    continue;
                }
                if (!(text instanceof String string)
                        || item instanceof JsonValue.JsonObject
                        || item instanceof JsonValue.JsonArray) {
                    return value.toJson();
                }
                items.add(string);
            }
            return items;
        }
        return scalarText(value);
    }

    private static String scalarText(JsonValue value) {
        if (value instanceof JsonValue.JsonString jsonString) {
            return jsonString.value();
        }
        if (value instanceof JsonValue.JsonNumber jsonNumber) {
            return jsonNumber.text();
        }
        if (value instanceof JsonValue.JsonBoolean jsonBoolean) {
            return Boolean.toString(jsonBoolean.value());
        }
        return value.toJson();
    }

    private static JsonValue parse(byte[] json) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            p.nextToken();
            return Json.readValue(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read a serialized request body", e);
        }
    }

    private static <T> T readDocument(JsonParser p, JsonCodec.Reader<T> reader) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null || first == JsonToken.VALUE_NULL) {
            return null;
        }
        T value = reader.read(p);
        if (p.nextToken() != null) {
            throw new JsonDecodeException("trailing content after the JSON value");
        }
        return value;
    }
}
