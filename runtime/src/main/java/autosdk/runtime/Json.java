package autosdk.runtime;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Static helpers that generated codecs call: scalars, lists, maps, free-form values, and the
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
    public static final JsonFactory FACTORY = JsonFactory.builder()
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

    /**
     * Malformed JSON as the runtime reports it on Jackson 3, whose parse errors are unchecked: the checked decode
     * error callers expect, with the line and column. The Jackson 3 port ({@code Jackson3Port} in the generator)
     * adds a {@code catch} calling it to each parser the runtime opens; on Jackson 2, where parse errors are already
     * {@code IOException}s, nothing calls it.
     */
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
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != null && t.isScalarValue()) return p.getText(); // a number or boolean where text was declared
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
            value = parse(p, () -> new BigDecimal(p.getText().trim()), expected);
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
        JsonLocation at = p.currentTokenLocation();
        String text;
        try {
            text = p.getText();
        } catch (IOException e) { // jackson3: } catch (JacksonException e) {
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
        if (t == JsonToken.VALUE_STRING) {
            return parse(p, () -> new BigInteger(p.getText().trim()), "an integer");
        }
        throw JsonDecodeException.expected(p, "an integer");
    }

    /** A finite number: a literal too large for a double ({@code 1e999}), NaN and Infinity are decode errors. */
    public static Double readDouble(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        double v;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) v = p.getDoubleValue();
        else if (t == JsonToken.VALUE_STRING) {
            v = parse(p, () -> Double.valueOf(p.getText().trim()), "a number");
        } else throw JsonDecodeException.expected(p, "a number");
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
        if (t == JsonToken.VALUE_STRING) {
            return parse(p, () -> new BigDecimal(p.getText().trim()), "a number");
        }
        throw JsonDecodeException.expected(p, "a number");
    }

    public static Boolean readBoolean(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
        if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
        if (t == JsonToken.VALUE_STRING && ("true".equals(p.getText()) || "false".equals(p.getText()))) {
            return Boolean.valueOf(p.getText());
        }
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

    /**
     * Starts one property of a generated object's {@code write}, so each property is one line there: when the
     * property is present, writes its name, and writes {@code null} for a null value. True when the caller must now
     * write the (non-null) value; false when the property is absent or already written.
     */
    public static boolean field(JsonGenerator g, boolean present, String name, Object value) throws IOException {
        if (!present) return false;
        g.writeFieldName(name);
        if (value != null) return true;
        g.writeNull();
        return false;
    }

    /**
     * {@link #field(JsonGenerator, boolean, String, Object)} for a property whose text may fail to parse as its format:
     * a value kept in {@code malformed} is written back exactly as it came.
     */
    public static boolean field(
            JsonGenerator g, boolean present, String name, Object value, Map<String, JsonValue> malformed)
            throws IOException {
        if (!present) return false;
        JsonValue bad = malformed.get(name);
        if (bad == null) return field(g, true, name, value);
        g.writeFieldName(name);
        writeValue(g, bad);
        return false;
    }

    /** Writes a generated object's undeclared properties, after its declared ones. */
    public static void writeAdditional(JsonGenerator g, Map<String, JsonValue> properties) throws IOException {
        for (Map.Entry<String, JsonValue> e : properties.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) g.writeNull();
            else writeValue(g, e.getValue());
        }
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
        while (p.nextToken() == JsonToken.FIELD_NAME) {
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
            g.writeFieldName(e.getKey());
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
            case START_OBJECT -> {
                return readObjectRest(p, p.nextToken(), null, null);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p));
                return new JsonValue.JsonArray(items);
            }
            case VALUE_STRING -> {
                return new JsonValue.JsonString(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JsonValue.JsonNumber(p.getText());
            }
            case VALUE_TRUE -> {
                return new JsonValue.JsonBoolean(true);
            }
            case VALUE_FALSE -> {
                return new JsonValue.JsonBoolean(false);
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw JsonDecodeException.expected(p, "a JSON value");
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
        for (JsonToken t = token; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
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
                g.writeFieldName(e.getKey());
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
        try (JsonGenerator buffer = FACTORY.createGenerator(out)) {
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
     * Decodes a buffered tree with a generated reader (used once a union variant is chosen). The reader walks the tree
     * directly; only when it fails is the tree decoded again from its JSON text, so that the error is exactly the one
     * (with a line and column in that text) that decoding from text has always reported.
     */
    public static <T> T decode(JsonValue value, JsonCodec.Reader<T> reader) throws IOException {
        try (JsonParser p = treeParser(value)) {
            p.nextToken();
            return reader.read(p);
        } catch (IOException | RuntimeException e) {
            return decodeText(value, reader);
        }
    }

    /**
     * A parser over a buffered tree, yielding the tokens its JSON text would. On Jackson 3 it parses that text (the
     * tree parser is a subclass of Jackson 2's parser base): slower for union-heavy payloads, the same results.
     */
    private static JsonParser treeParser(JsonValue value) {
        return new TreeParser(value); // jackson3: return FACTORY.createParser(toJson(value));
    }

    private static <T> T decodeText(JsonValue value, JsonCodec.Reader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(toJson(value))) {
            p.nextToken();
            return reader.read(p);
        }
    }

    // ---- union objects: buffer only until the variant is decided, then stream (on Jackson 2) -----

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
     * Reads an object of a union whose variant the leading members decide (the discriminator, and fixed values
     * such as a message's {@code role} when variants share a discriminator value). Members are buffered only until
     * {@code chooser} names one variant; the rest of the object is then decoded straight from the parser, the
     * buffered members replayed first, while its tokens are recorded. When that read fails, or a later member
     * changes the choice, the recording completes the value and {@code fromTree} decides exactly as for a fully
     * buffered value: every union rule (Unknown for an unknown discriminator, trying the next variant, the error
     * reported) stays that of {@code fromTree}, only the common case no longer builds a tree. (On Jackson 3 the whole
     * object is buffered and {@code fromTree} decides: the same value by the same rules, the streamed path exists for
     * speed alone.)
     *
     * <p>{@code token} is the current token (a field name or the end of the object) when no member was read yet;
     * with {@code firstName} the parser is on that first member's value, {@code firstValue}, instead.
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
        UnionMembers buffered = members::get; // jackson3: omit
        JsonToken t = token;
        if (firstName != null) {
            members.put(firstName, firstValue);
            int variant = chooser.choose(buffered); // jackson3: omit
            if (variant >= 0) return streamRest(p, members, variant, chooser, variants, fromTree); // jackson3: omit
            t = p.nextToken();
        }
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            members.put(name, readValue(p));
            int variant = chooser.choose(buffered); // jackson3: omit
            if (variant >= 0) return streamRest(p, members, variant, chooser, variants, fromTree); // jackson3: omit
        }
        return fromTree.fromTree(new JsonValue.JsonObject(members));
    }

    /**
     * True when {@code members} has no {@code name}, or has it with the string {@code value}: a fixed value allows it.
     */
    public static boolean allows(UnionMembers members, String name, String value) {
        JsonValue v = members.get(name);
        return v == null || (v instanceof JsonValue.JsonString s && s.value().equals(value));
    }

    // jackson3: omit from here (the streamed union path builds on Jackson 2's parser delegate and tree parser)
    private static <T> T streamRest(
            JsonParser p,
            Map<String, JsonValue> members,
            int variant,
            UnionChooser chooser,
            UnionVariantReader<T> variants,
            UnionTreeReader<T> fromTree)
            throws IOException {
        Recorder rest = new Recorder(p);
        JsonParser whole = JsonParserSequence.createFlattened(false, new TreeParser(members), rest);
        T value = null;
        boolean read;
        try {
            whole.nextToken();
            value = variants.read(variant, whole);
            read = rest.depth == 0;
        } catch (IOException | RuntimeException e) {
            read = false;
        }
        // The choice stands only if the members after the deciding one did not change it (a repeated discriminator,
        // a fixed value that rules the variant out); otherwise the whole value decides, as it always did.
        if (read && chooser.choose(name -> rest.topLevel(name, members)) == variant) return value;
        rest.finish();
        return fromTree.fromTree(rest.tree(members));
    }

    /**
     * Passes the rest of an object on from the live parser and records its tokens (texts shared with the reader, so
     * a string is materialized once), so that the whole value can still be rebuilt when the streamed read fails.
     */
    private static final class Recorder extends JsonParserDelegate {
        // 16: the rest of a typical message item (a content part with its text) fits without growing.
        private JsonToken[] kinds = new JsonToken[16];
        private String[] texts = new String[16];
        private int size;
        /** Open containers, the object itself included: 0 once its END_OBJECT went by. */
        int depth = 1;

        Recorder(JsonParser live) {
            super(live);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            if (t == null) return null;
            String text = null;
            switch (t) {
                case FIELD_NAME -> text = delegate.currentName();
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> text = delegate.getText();
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {}
            }
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                texts = Arrays.copyOf(texts, size * 2);
            }
            kinds[size] = t;
            texts[size++] = text;
            return t;
        }

        @Override
        public String getText() throws IOException {
            JsonToken t = delegate.currentToken();
            if (size > 0
                    && (t == JsonToken.VALUE_STRING
                            || t == JsonToken.VALUE_NUMBER_INT
                            || t == JsonToken.VALUE_NUMBER_FLOAT)) {
                return texts[size - 1];
            }
            return delegate.getText();
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken t = delegate.currentToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return this;
            int open = 1;
            while (open > 0) {
                JsonToken next = nextToken();
                if (next == null) return this;
                if (next.isStructStart()) open++;
                else if (next.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        /** Reads on to the end of the object (after a failed read), recording everything. */
        void finish() throws IOException {
            while (depth > 0) {
                if (nextToken() == null) throw new JsonDecodeException("unexpected end of input");
            }
        }

        /**
         * Member {@code name} as the whole object has it: its last recorded top-level value (a string as read,
         * anything else as a stand-in), else the buffered one. Scans the recording instead of copying the members.
         */
        JsonValue topLevel(String name, Map<String, JsonValue> members) {
            int found = -1;
            int level = 1;
            for (int i = 0; i < size; i++) {
                JsonToken t = kinds[i];
                if (level == 1 && t == JsonToken.FIELD_NAME && i + 1 < size && name.equals(texts[i])) {
                    found = i + 1;
                } else if (t.isStructStart()) {
                    level++;
                } else if (t.isStructEnd()) {
                    level--;
                }
            }
            if (found < 0) return members.get(name);
            return kinds[found] == JsonToken.VALUE_STRING ? new JsonValue.JsonString(texts[found]) : JsonValue.NULL;
        }

        private int cursor;

        /** The whole object: the buffered members, then the recorded ones (a repeated name keeps its first place). */
        JsonValue tree(Map<String, JsonValue> members) throws IOException {
            Map<String, JsonValue> out = new LinkedHashMap<>(members);
            cursor = 0;
            while (cursor < size && kinds[cursor] == JsonToken.FIELD_NAME) {
                String name = texts[cursor++];
                out.put(name, value());
            }
            return new JsonValue.JsonObject(out);
        }

        private JsonValue value() throws IOException {
            if (cursor >= size) throw new JsonDecodeException("unexpected end of input");
            JsonToken t = kinds[cursor];
            String text = texts[cursor++];
            switch (t) {
                case START_OBJECT -> {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    while (kinds[cursor] == JsonToken.FIELD_NAME) {
                        String name = texts[cursor++];
                        m.put(name, value());
                    }
                    cursor++; // END_OBJECT
                    return new JsonValue.JsonObject(m);
                }
                case START_ARRAY -> {
                    List<JsonValue> items = new ArrayList<>();
                    while (kinds[cursor] != JsonToken.END_ARRAY) items.add(value());
                    cursor++;
                    return new JsonValue.JsonArray(items);
                }
                case VALUE_STRING -> {
                    return new JsonValue.JsonString(text);
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    return new JsonValue.JsonNumber(text);
                }
                case VALUE_TRUE -> {
                    return new JsonValue.JsonBoolean(true);
                }
                case VALUE_FALSE -> {
                    return new JsonValue.JsonBoolean(false);
                }
                case VALUE_NULL -> {
                    return JsonValue.NULL;
                }
                default -> throw new JsonDecodeException("expected a JSON value but found " + t);
            }
        }
    }

    // jackson3: omit to here

    /** Decodes a buffered tree with a reader, or returns null when the reader refuses it. */
    public static <T> T tryDecode(JsonValue value, JsonCodec.Reader<T> reader) {
        try (JsonParser p = treeParser(value)) {
            p.nextToken();
            return reader.read(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Indices of {@code scores} from the highest score to the lowest; equal scores keep their order. */
    public static int[] rankDescending(int... scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(scores[b], scores[a]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /** True when a reader accepts the tree; used to match union variants by shape. */
    public static boolean accepts(JsonValue value, JsonCodec.Reader<?> reader) {
        try (JsonParser p = treeParser(value)) {
            p.nextToken();
            reader.read(p);
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
        return switch (kind) {
            case "string" -> value instanceof JsonValue.JsonString;
            case "integer" ->
                value instanceof JsonValue.JsonNumber n && n.text().matches("-?\\d+");
            case "number" -> value instanceof JsonValue.JsonNumber;
            case "boolean" -> value instanceof JsonValue.JsonBoolean;
            case "array" -> value instanceof JsonValue.JsonArray;
            case "object" -> value instanceof JsonValue.JsonObject;
            default -> true;
        };
    }

    static JsonValue parseValue(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return readValue(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
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

    // jackson3: omit from here (Jackson 3's parser base differs; treeParser parses the tree's text there)
    /**
     * A parser over a {@link JsonValue} tree that yields exactly the tokens that parsing {@code toJson(tree)} would:
     * the union readers decode buffered values with it instead of writing them out as text and parsing that again.
     * Numbers are handed to a real parser over their text, so their token type and every numeric accessor behave as
     * when parsing text. Locations are unknown ({@link JsonLocation#NA}); {@link #decode} re-decodes from text to
     * report an error.
     */
    private static final class TreeParser extends ParserMinimalBase {
        /** An open object or array: its members or items still to visit, and the current field name. */
        private static final class Frame {
            final Iterator<Map.Entry<String, JsonValue>> members;
            final Iterator<JsonValue> items;
            String name;

            Frame(Iterator<Map.Entry<String, JsonValue>> members, Iterator<JsonValue> items) {
                this.members = members;
                this.items = items;
            }
        }

        private final ArrayDeque<Frame> frames = new ArrayDeque<>();
        private JsonValue pending;
        /** The root object's members, not yet started (see the members constructor). */
        private Map<String, JsonValue> pendingMembers;

        private JsonValue value;
        private JsonParser number;
        private JsonStreamContext context;
        private boolean closed;
        /**
         * Leave the root object open: yield no END_OBJECT for it, so that another parser can go on with its members.
         */
        private final boolean openRoot;

        TreeParser(JsonValue root) {
            this(root, false);
        }

        TreeParser(JsonValue root, boolean openRoot) {
            super(0, FACTORY.streamReadConstraints());
            this.pending = root == null ? JsonValue.NULL : root;
            this.openRoot = openRoot;
        }

        /**
         * Over the members buffered so far of an object whose rest another parser yields: the root stays open, and
         * the members are read in place (not copied into a {@code JsonObject}).
         */
        TreeParser(Map<String, JsonValue> members) {
            this(null, true);
            this.pending = null;
            this.pendingMembers = members;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            if (pendingMembers != null) {
                frames.push(new Frame(pendingMembers.entrySet().iterator(), null));
                pendingMembers = null;
                value = null;
                return current(JsonToken.START_OBJECT);
            }
            if (pending != null) {
                JsonValue v = pending;
                pending = null;
                return current(start(v));
            }
            Frame top = frames.peek();
            if (top == null) {
                value = null;
                return current(null);
            }
            if (top.members != null) {
                if (top.members.hasNext()) {
                    Map.Entry<String, JsonValue> e = top.members.next();
                    top.name = e.getKey();
                    pending = e.getValue() == null ? JsonValue.NULL : e.getValue();
                    value = null;
                    return current(JsonToken.FIELD_NAME);
                }
                frames.pop();
                value = null;
                if (openRoot && frames.isEmpty()) return current(null);
                return current(JsonToken.END_OBJECT);
            }
            if (top.items.hasNext()) {
                JsonValue v = top.items.next();
                return current(start(v == null ? JsonValue.NULL : v));
            }
            frames.pop();
            value = null;
            return current(JsonToken.END_ARRAY);
        }

        /** Makes {@code token} the current token and returns it. */
        private JsonToken current(JsonToken token) {
            _currToken = token;
            return token;
        }

        private JsonToken start(JsonValue v) throws IOException {
            value = v;
            if (v instanceof JsonValue.JsonObject o) {
                frames.push(new Frame(o.members().entrySet().iterator(), null));
                return JsonToken.START_OBJECT;
            }
            if (v instanceof JsonValue.JsonArray a) {
                frames.push(new Frame(null, a.items().iterator()));
                return JsonToken.START_ARRAY;
            }
            if (v instanceof JsonValue.JsonString) return JsonToken.VALUE_STRING;
            if (v instanceof JsonValue.JsonNumber n) {
                if (number != null) number.close();
                number = FACTORY.createParser(n.text());
                JsonToken t = number.nextToken();
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw _constructError("not a JSON number: " + n.text());
                }
                return t;
            }
            if (v instanceof JsonValue.JsonBoolean b) return b.value() ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
            return JsonToken.VALUE_NULL;
        }

        private JsonParser number() throws IOException {
            if (_currToken != JsonToken.VALUE_NUMBER_INT && _currToken != JsonToken.VALUE_NUMBER_FLOAT) {
                throw _constructError(
                        "Current token (" + _currToken + ") not numeric, can not use numeric value accessors");
            }
            return number;
        }

        // Jackson 2 still declares this deprecated method abstract;
        // @Deprecated says it is here only because it must be.
        @Deprecated
        @Override
        public String getCurrentName() {
            if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
                // The new container's name is the field it is the value of, one frame down.
                Iterator<Frame> it = frames.iterator();
                it.next();
                return it.hasNext() ? it.next().name : null;
            }
            Frame top = frames.peek();
            return top == null ? null : top.name;
        }

        @Override
        public String currentName() {
            return getCurrentName();
        }

        @Override
        public void overrideCurrentName(String name) {
            Frame top = frames.peek();
            if (top != null) top.name = name;
        }

        @Override
        public String getText() {
            if (_currToken == null) return null;
            return switch (_currToken) {
                case FIELD_NAME -> getCurrentName();
                case VALUE_STRING -> ((JsonValue.JsonString) value).value();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ((JsonValue.JsonNumber) value).text();
                default -> _currToken.asString();
            };
        }

        @Override
        public char[] getTextCharacters() {
            String text = getText();
            return text == null ? null : text.toCharArray();
        }

        @Override
        public int getTextLength() {
            String text = getText();
            return text == null ? 0 : text.length();
        }

        @Override
        public int getTextOffset() {
            return 0;
        }

        @Override
        public boolean hasTextCharacters() {
            return false;
        }

        @Override
        public Number getNumberValue() throws IOException {
            return number().getNumberValue();
        }

        @Override
        public NumberType getNumberType() throws IOException {
            return number().getNumberType();
        }

        @Override
        public int getIntValue() throws IOException {
            return number().getIntValue();
        }

        @Override
        public long getLongValue() throws IOException {
            return number().getLongValue();
        }

        @Override
        public BigInteger getBigIntegerValue() throws IOException {
            return number().getBigIntegerValue();
        }

        @Override
        public float getFloatValue() throws IOException {
            return number().getFloatValue();
        }

        @Override
        public double getDoubleValue() throws IOException {
            return number().getDoubleValue();
        }

        @Override
        public BigDecimal getDecimalValue() throws IOException {
            return number().getDecimalValue();
        }

        @Override
        public byte[] getBinaryValue(Base64Variant variant) throws IOException {
            if (_currToken != JsonToken.VALUE_STRING) {
                throw _constructError("Current token (" + _currToken + ") not VALUE_STRING, can not access as binary");
            }
            try (ByteArrayBuilder out = new ByteArrayBuilder()) {
                _decodeBase64(getText(), out, variant);
                return out.toByteArray();
            }
        }

        @Override
        public Object getEmbeddedObject() {
            return null;
        }

        @Override
        protected void _handleEOF() {
            // a tree is always complete
        }

        @Override
        public void close() throws IOException {
            closed = true;
            frames.clear();
            pending = null;
            if (number != null) number.close();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public JsonStreamContext getParsingContext() {
            // Only for callers that insist on a context; the readers never ask for one.
            if (context == null) context = JsonReadContext.createRootContext(null);
            return context;
        }

        // Jackson 2 still declares this deprecated method abstract;
        // @Deprecated says it is here only because it must be.
        @Deprecated
        @Override
        @SuppressWarnings("InlineMeSuggester") // nothing calls it; @InlineMe would need error-prone in every SDK
        public JsonLocation getCurrentLocation() {
            return JsonLocation.NA;
        }

        // Jackson 2 still declares this deprecated method abstract;
        // @Deprecated says it is here only because it must be.
        @Deprecated
        @Override
        @SuppressWarnings("InlineMeSuggester") // nothing calls it; @InlineMe would need error-prone in every SDK
        public JsonLocation getTokenLocation() {
            return JsonLocation.NA;
        }

        @Override
        public ObjectCodec getCodec() {
            return null;
        }

        @Override
        public void setCodec(ObjectCodec codec) {
            throw new UnsupportedOperationException("a tree parser has no codec");
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }
    }
    // jackson3: omit to here
}
