package autosdk.runtime;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson 3 twin of {@code runtime/src/main/java/autosdk/runtime/Json.java} (same public API and behaviour; keep the
 * two in step). Differences: Jackson 3's names ({@code tools.jackson.core}, {@code writeName}, {@code getString},
 * {@code PROPERTY_NAME}); Jackson's unchecked {@link JacksonException} becomes a {@link JsonDecodeException} where
 * callers expect an {@code IOException}; buffered union values are decoded from their JSON text.
 *
 * <p>Static helpers that generated codecs call: scalars, lists, maps, free-form values, and the
 * buffering needed to tell union variants apart. JSON {@code null} reads as Java {@code null}.
 */
public final class Json {
    /**
     * Longest string value accepted in JSON, in characters: as many as the default response size limit
     * (HttpConfig.DEFAULT_MAX_RESPONSE_BYTES, 32 MiB) has bytes, so large payloads (base64 audio) fit while a
     * single value can never take more than about 64 MB of heap while it is decoded.
     */
    public static final int MAX_STRING_LENGTH = 32 * 1024 * 1024;

    /** Shared factory; limits sized for real payloads (base64 audio is big), never unbounded. */
    public static final JsonFactory FACTORY =
            JsonFactory.builderWithJackson2Defaults() // the same bytes as Jackson 2 writes
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(10_000)
                            .build())
                    .build();

    /** {@link #FACTORY} for streams the caller owns: closing the parser or generator leaves them open. */
    static final JsonFactory STREAMS = FACTORY.rebuild()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {}

    /** Jackson 3 reports malformed JSON unchecked; callers of the runtime get the checked decode error, as with Jackson 2. */
    static JsonDecodeException malformed(JacksonException e) {
        return new JsonDecodeException(
                e.getOriginalMessage()
                        + (e.getLocation() == null
                                ? ""
                                : " at line " + e.getLocation().getLineNr() + ", column "
                                        + e.getLocation().getColumnNr()),
                e);
    }

    // ---- scalars ---------------------------------------------------------------------------

    public static String readString(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) return p.getString();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != null && t.isScalarValue()) return p.getString(); // a number or boolean where text was declared
        throw JsonDecodeException.expected(p, "a string");
    }

    public static Integer readInt(JsonParser p) throws IOException {
        Long v = readIntegral(p, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer in the int32 range");
        return v == null ? null : v.intValue();
    }

    public static Long readLong(JsonParser p) throws IOException {
        return readIntegral(p, Long.MIN_VALUE, Long.MAX_VALUE, "an integer in the int64 range");
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * An integer in {@code [min, max]}: an integer literal, a number with no fraction ({@code 2.0}, {@code 1e3}), or
     * such text in a string. Anything else (a fraction, a value out of range such as {@code 1e999999999} or 2^63,
     * NaN or Infinity) is a decode error, never a value rounded or clamped into range.
     */
    private static Long readIntegral(JsonParser p, long min, long max, String expected) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long v = p.getLongValue(); // the common case, without a BigDecimal
            if (v < min || v > max) throw outOfRange(p, expected);
            return v;
        }
        BigDecimal value;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            value = p.getDecimalValue();
        } else if (t == JsonToken.VALUE_STRING) {
            value = parse(p, () -> new BigDecimal(p.getString().trim()), expected);
        } else {
            throw JsonDecodeException.expected(p, expected);
        }
        // compareTo looks at the exponents first, so even 1e999999999 is rejected without building the number.
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) throw outOfRange(p, expected);
        long exact;
        try {
            exact = value.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(p, expected);
        }
        if (exact < min || exact > max) throw outOfRange(p, expected);
        return exact;
    }

    private static JsonDecodeException outOfRange(JsonParser p, String expected) {
        TokenStreamLocation at = p.currentTokenLocation();
        String text;
        try {
            text = p.getString();
        } catch (JacksonException e) {
            text = String.valueOf(p.currentToken());
        }
        if (text != null && text.length() > 40) text = text.substring(0, 40) + "...";
        return new JsonDecodeException("expected " + expected + " but found " + text
                + " (a fraction or out of range) at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }

    public static BigInteger readBigInteger(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getBigIntegerValue();
        if (t == JsonToken.VALUE_STRING)
            return parse(p, () -> new BigInteger(p.getString().trim()), "an integer");
        throw JsonDecodeException.expected(p, "an integer");
    }

    /** A finite number: a literal too large for a double ({@code 1e999}), NaN and Infinity are decode errors. */
    public static Double readDouble(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        double v;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) v = p.getDoubleValue();
        else if (t == JsonToken.VALUE_STRING)
            v = parse(p, () -> Double.valueOf(p.getString().trim()), "a number");
        else throw JsonDecodeException.expected(p, "a number");
        if (!Double.isFinite(v)) throw outOfRange(p, "a finite number");
        return v;
    }

    public static Float readFloat(JsonParser p) throws IOException {
        Double d = readDouble(p);
        if (d == null) return null;
        if (!Float.isFinite(d.floatValue())) throw outOfRange(p, "a number in the float range");
        return d.floatValue();
    }

    public static BigDecimal readDecimal(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDecimalValue();
        if (t == JsonToken.VALUE_STRING)
            return parse(p, () -> new BigDecimal(p.getString().trim()), "a number");
        throw JsonDecodeException.expected(p, "a number");
    }

    public static Boolean readBoolean(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
        if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
        if (t == JsonToken.VALUE_STRING && ("true".equals(p.getString()) || "false".equals(p.getString())))
            return Boolean.valueOf(p.getString());
        throw JsonDecodeException.expected(p, "a boolean");
    }

    public static OffsetDateTime readDateTime(JsonParser p) throws IOException {
        String text = readString(p);
        return text == null ? null : parse(p, () -> OffsetDateTime.parse(text), "an RFC 3339 date-time");
    }

    public static LocalDate readDate(JsonParser p) throws IOException {
        String text = readString(p);
        return text == null ? null : parse(p, () -> LocalDate.parse(text), "an RFC 3339 date");
    }

    public static UUID readUuid(JsonParser p) throws IOException {
        String text = readString(p);
        return text == null ? null : parse(p, () -> UUID.fromString(text), "a UUID");
    }

    /** Reads base64 text (standard or URL-safe alphabet, padding optional) as bytes. */
    public static byte[] readBase64(JsonParser p) throws IOException {
        String text = readString(p);
        if (text == null) return null;
        String clean = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? text.replaceAll("\\s", "") : text;
        return parse(
                p,
                () -> clean.indexOf('-') >= 0 || clean.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(clean)
                        : Base64.getDecoder().decode(clean),
                "base64 text");
    }

    /**
     * Called when a property's value did not decode as its format (uuid, date-time, date, byte): a scalar is kept
     * as it came in {@code malformed} (created when null) so that one bad value does not lose the whole document; the
     * model's accessor then reports it. Anything that is not a scalar is a real decode error and is rethrown.
     */
    public static Map<String, JsonValue> keepMalformed(
            Map<String, JsonValue> malformed, String property, JsonParser p, JsonDecodeException error)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || !t.isScalarValue()) throw error;
        Map<String, JsonValue> out = malformed == null ? new LinkedHashMap<>() : malformed;
        out.put(property, readValue(p));
        return out;
    }

    public static void writeString(JsonGenerator g, String v) throws IOException {
        g.writeString(v);
    }

    public static void writeInt(JsonGenerator g, Integer v) throws IOException {
        g.writeNumber(v);
    }

    public static void writeLong(JsonGenerator g, Long v) throws IOException {
        g.writeNumber(v);
    }

    public static void writeBigInteger(JsonGenerator g, BigInteger v) throws IOException {
        g.writeNumber(v);
    }

    public static void writeDouble(JsonGenerator g, Double v) throws IOException {
        if (integral(v)) {
            // Keep integral values integral ("1" stays 1, not 1.0) so round trips give the same JSON.
            g.writeNumber((long) (double) v);
        } else {
            g.writeNumber(v);
        }
    }

    /** Whether a double is written without a fraction: integral and small enough to stay exact as a long. */
    private static boolean integral(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15;
    }

    /**
     * A scalar's text as its JSON form has it, without a string's quotes: the one rule for values that travel outside
     * a JSON body (HTTP parameters and form fields, WebSocket connect parameters), so they say what a body would. A
     * date-time in RFC 3339 with its seconds ({@code 2024-01-01T00:00:00Z}, never {@code toString}'s
     * {@code 2024-01-01T00:00Z}), integral floating-point numbers without {@code .0}, a BigDecimal without exponent,
     * bytes as base64, a free-form {@link JsonValue} as its JSON text (a string raw, a number as its digits);
     * dates, UUIDs, booleans, enums and strings via {@code toString}.
     */
    public static String text(Object scalar) {
        if (scalar instanceof JsonValue.JsonString s) return s.value();
        if (scalar instanceof JsonValue.JsonNumber n) return n.text();
        if (scalar instanceof JsonValue v) return v.toJson();
        if (scalar instanceof BigDecimal d) return d.toPlainString();
        if (scalar instanceof OffsetDateTime t) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        if (scalar instanceof Double || scalar instanceof Float) {
            double v = ((Number) scalar).doubleValue();
            return integral(v) ? Long.toString((long) v) : scalar.toString();
        }
        if (scalar instanceof byte[] bytes) return Base64.getEncoder().encodeToString(bytes);
        return String.valueOf(scalar);
    }

    public static void writeFloat(JsonGenerator g, Float v) throws IOException {
        writeDouble(g, Double.valueOf(Float.toString(v)));
    }

    public static void writeDecimal(JsonGenerator g, BigDecimal v) throws IOException {
        g.writeNumber(v);
    }

    public static void writeBoolean(JsonGenerator g, Boolean v) throws IOException {
        g.writeBoolean(v);
    }

    public static void writeDateTime(JsonGenerator g, OffsetDateTime v) throws IOException {
        g.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v));
    }

    public static void writeDate(JsonGenerator g, LocalDate v) throws IOException {
        g.writeString(v.toString());
    }

    public static void writeUuid(JsonGenerator g, UUID v) throws IOException {
        g.writeString(v.toString());
    }

    public static void writeBase64(JsonGenerator g, byte[] v) throws IOException {
        g.writeString(Base64.getEncoder().encodeToString(v));
    }

    // ---- lists and maps --------------------------------------------------------------------

    public static <T> List<T> readList(JsonParser p, JsonCodec.Reader<T> item) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw JsonDecodeException.expected(p, "an array");
        List<T> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.currentToken() == JsonToken.VALUE_NULL ? null : item.read(p));
        }
        return Collections.unmodifiableList(out);
    }

    public static <T> Map<String, T> readMap(JsonParser p, JsonCodec.Reader<T> value) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_OBJECT) throw JsonDecodeException.expected(p, "an object");
        Map<String, T> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, p.currentToken() == JsonToken.VALUE_NULL ? null : value.read(p));
        }
        return Collections.unmodifiableMap(out);
    }

    public static <T> void writeList(JsonGenerator g, List<T> list, JsonCodec.Writer<T> item) throws IOException {
        g.writeStartArray();
        for (T v : list) {
            if (v == null) g.writeNull();
            else item.write(g, v);
        }
        g.writeEndArray();
    }

    public static <T> void writeMap(JsonGenerator g, Map<String, T> map, JsonCodec.Writer<T> value) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, T> e : map.entrySet()) {
            g.writeName(e.getKey());
            if (e.getValue() == null) g.writeNull();
            else value.write(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** A reader of lists, for lists nested in lists or maps. */
    public static <T> JsonCodec.Reader<List<T>> listReader(JsonCodec.Reader<T> item) {
        return p -> readList(p, item);
    }

    public static <T> JsonCodec.Writer<List<T>> listWriter(JsonCodec.Writer<T> item) {
        return (g, v) -> writeList(g, v, item);
    }

    public static <T> JsonCodec.Reader<Map<String, T>> mapReader(JsonCodec.Reader<T> value) {
        return p -> readMap(p, value);
    }

    public static <T> JsonCodec.Writer<Map<String, T>> mapWriter(JsonCodec.Writer<T> value) {
        return (g, v) -> writeMap(g, v, value);
    }

    // ---- free-form values ------------------------------------------------------------------

    /** Reads any value into a tree; JSON null becomes {@link JsonValue#NULL}, never Java null. */
    public static JsonValue readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) throw new JsonDecodeException("unexpected end of input");
        switch (t) {
            case START_OBJECT:
                return readObjectRest(p, p.nextToken(), null, null);
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p));
                return new JsonValue.JsonArray(items);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(p.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(p.getString());
            case VALUE_TRUE:
                return new JsonValue.JsonBoolean(true);
            case VALUE_FALSE:
                return new JsonValue.JsonBoolean(false);
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw JsonDecodeException.expected(p, "a JSON value");
        }
    }

    /**
     * Reads the rest of an object whose first fields were already consumed: {@code token} is the
     * current token (a field name or the end), and {@code firstName}/{@code firstValue}, when
     * given, are a member that was read before.
     */
    public static JsonValue.JsonObject readObjectRest(
            JsonParser p, JsonToken token, String firstName, JsonValue firstValue) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (firstName != null) members.put(firstName, firstValue);
        for (JsonToken t = token; t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            members.put(name, readValue(p));
        }
        return new JsonValue.JsonObject(members);
    }

    public static void writeValue(JsonGenerator g, JsonValue v) throws IOException {
        if (v instanceof JsonValue.JsonObject o) {
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                g.writeName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof JsonValue.JsonArray a) {
            g.writeStartArray();
            for (JsonValue item : a.items()) writeValue(g, item);
            g.writeEndArray();
        } else if (v instanceof JsonValue.JsonString s) {
            g.writeString(s.value());
        } else if (v instanceof JsonValue.JsonNumber n) {
            g.writeNumber(n.text());
        } else if (v instanceof JsonValue.JsonBoolean b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }

    /**
     * Writes {@code value} with {@code writer}, adding the member {@code name: text} first when the object written
     * lacks it: a union variant chosen by the spec's discriminator mapping always says which variant it is.
     */
    public static <T> void writeWithMember(
            JsonGenerator g, T value, JsonCodec.Writer<T> writer, String name, String text) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator buffer = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writer.write(buffer, value);
        }
        JsonValue tree = parseValue(out.toString());
        if (tree instanceof JsonValue.JsonObject o && !o.members().containsKey(name)) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            members.put(name, new JsonValue.JsonString(text));
            members.putAll(o.members());
            tree = new JsonValue.JsonObject(members);
        }
        writeValue(g, tree);
    }

    /**
     * Decodes a buffered tree with a generated reader (used once a union variant is chosen), from the tree's JSON
     * text, so an error has a line and column in that text.
     */
    public static <T> T decode(JsonValue value, JsonCodec.Reader<T> reader) throws IOException {
        return decodeText(value, reader);
    }

    private static <T> T decodeText(JsonValue value, JsonCodec.Reader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), toJson(value))) {
            p.nextToken();
            return reader.read(p);
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    // ---- union objects ---------------------------------------------------------------------

    /**
     * The members of a union object read so far, as a chooser sees them: a name's value (its last one when repeated),
     * or null when the object has none. Members read while streaming are seen as strings or, for any other value, as
     * a stand-in, which is all a chooser looks at; no map is copied to show them.
     */
    @FunctionalInterface
    public interface UnionMembers {
        JsonValue get(String name);
    }

    /** The one variant (its index) that the members read so far leave possible, or -1 while that is open. */
    @FunctionalInterface
    public interface UnionChooser {
        int choose(UnionMembers members);
    }

    /** Reads variant number {@code variant} of a union; the parser is on the object's START_OBJECT. */
    @FunctionalInterface
    public interface UnionVariantReader<T> {
        T read(int variant, JsonParser p) throws IOException;
    }

    /** A union's choice over a whole buffered value (the generated {@code fromTree}). */
    @FunctionalInterface
    public interface UnionTreeReader<T> {
        T fromTree(JsonValue value) throws IOException;
    }

    /**
     * Reads an object of a union whose variant the leading members decide. The Jackson 2 file streams the rest of
     * the object once {@code chooser} decides; this twin buffers the whole object and lets {@code fromTree} decide,
     * which gives the same value by the same rules (only slower): the streamed path exists for speed alone.
     */
    public static <T> T readUnionObject(
            JsonParser p,
            JsonToken token,
            String firstName,
            JsonValue firstValue,
            UnionChooser chooser,
            UnionVariantReader<T> variants,
            UnionTreeReader<T> fromTree)
            throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        JsonToken t = token;
        if (firstName != null) {
            members.put(firstName, firstValue);
            t = p.nextToken();
        }
        for (; t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            members.put(name, readValue(p));
        }
        return fromTree.fromTree(new JsonValue.JsonObject(members));
    }

    /** True when {@code members} has no {@code name}, or has it with the string {@code value}: a fixed value allows it. */
    public static boolean allows(UnionMembers members, String name, String value) {
        JsonValue v = members.get(name);
        return v == null || v instanceof JsonValue.JsonString s && s.value().equals(value);
    }

    /** Decodes a buffered tree with a reader, or returns null when the reader refuses it. */
    public static <T> T tryDecode(JsonValue value, JsonCodec.Reader<T> reader) {
        try {
            return decodeText(value, reader);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Indices of {@code scores} from the highest score to the lowest; equal scores keep their order. */
    public static int[] rankDescending(int... scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(scores[b], scores[a]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /** True when a reader accepts the tree; used to match union variants by shape. */
    public static boolean accepts(JsonValue value, JsonCodec.Reader<?> reader) {
        try {
            decodeText(value, reader);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * True when a value has the JSON kind a variant expects ("string", "integer", "number",
     * "boolean", "array", "object" or "any"), so scalar union variants are matched strictly.
     */
    public static boolean isKind(JsonValue value, String kind) {
        switch (kind) {
            case "string":
                return value instanceof JsonValue.JsonString;
            case "integer":
                return value instanceof JsonValue.JsonNumber n && n.text().matches("-?\\d+");
            case "number":
                return value instanceof JsonValue.JsonNumber;
            case "boolean":
                return value instanceof JsonValue.JsonBoolean;
            case "array":
                return value instanceof JsonValue.JsonArray;
            case "object":
                return value instanceof JsonValue.JsonObject;
            default:
                return true;
        }
    }

    static JsonValue parseValue(String json) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            p.nextToken();
            return readValue(p);
        } catch (JacksonException e) {
            throw new UncheckedIOException(malformed(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface Parse<T> {
        T get() throws IOException;
    }

    private static <T> T parse(JsonParser p, Parse<T> parse, String expected) throws IOException {
        try {
            return parse.get();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new JsonDecodeException(
                    JsonDecodeException.expected(p, expected).getMessage() + ": " + e.getMessage(), e);
        }
    }
}
