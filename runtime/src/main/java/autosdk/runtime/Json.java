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
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The tree of a scalar token ({@code text} is its text); null for any other token. */
    static JsonValue scalar(JsonToken t, String text) {
        return switch (t) {
            case VALUE_STRING -> new JsonValue.JsonString(text);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.JsonNumber(text);
            case VALUE_TRUE -> new JsonValue.JsonBoolean(true);
            case VALUE_FALSE -> new JsonValue.JsonBoolean(false);
            case VALUE_NULL -> JsonValue.NULL;
            default -> null;
        };
    }

    /** Reads any value into a tree; JSON null becomes {@link JsonValue#NULL}, never Java null. */
    public static JsonValue readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) throw new JsonDecodeException("unexpected end of input");
        switch (t) {
            case START_OBJECT -> {
                return readObjectRest(p, p.nextToken(), null, null);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new FreshItems();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p));
                return new JsonValue.JsonArray(items);
            }
            default -> {
                JsonValue scalar = scalar(t, p.getText());
                if (scalar == null) throw JsonDecodeException.expected(p, "a JSON value");
                return scalar;
            }
        }
    }

    /**
     * Reads the rest of an object whose first fields were already consumed: {@code token} is the
     * current token (a field name or the end), and {@code firstName}/{@code firstValue}, when
     * given, are a member that was read before.
     */
    public static JsonValue.JsonObject readObjectRest(
            JsonParser p, JsonToken token, String firstName, JsonValue firstValue) throws IOException {
        Map<String, JsonValue> members = new FreshMembers();
        if (firstName != null) members.put(firstName, firstValue);
        for (JsonToken t = token; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            members.put(name, readValue(p));
        }
        return new JsonValue.JsonObject(members);
    }

    /**
     * The members of a {@link JsonValue.JsonObject} the runtime is reading: filled once, then handed to the object,
     * which wraps them instead of copying them (nothing else ever holds them).
     */
    static final class FreshMembers extends LinkedHashMap<String, JsonValue> {
        private static final long serialVersionUID = 1L;
    }

    /** The items of a {@link JsonValue.JsonArray} the runtime is reading, as {@link FreshMembers} for objects. */
    static final class FreshItems extends ArrayList<JsonValue> {
        private static final long serialVersionUID = 1L;
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
    private static JsonParser treeParser(JsonValue value) throws JsonDecodeException {
        return new TokenParser(Tokens.of(value)); // jackson3: return FACTORY.createParser(toJson(value));
    }

    private static <T> T decodeText(JsonValue value, JsonCodec.Reader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(toJson(value))) {
            p.nextToken();
            return reader.read(p);
        }
    }

    // ---- union objects: buffer only until the variant is decided, then stream (on Jackson 2) -----

    /**
     * The members of a union object read so far, as a chooser sees them: a repeated name has its last value. A
     * chooser decides from what these two methods return alone (it is a function of them): the reader asks it again
     * only after a member it asked about arrives, and checks the choice at the end only when such a member came after
     * it.
     */
    public interface UnionMembers {
        /** The member's value when it is a string; null when the object has no such member or another kind of value. */
        String string(String name);

        /** Whether the object has the member, whatever its value (JSON null included). */
        boolean has(String name);
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
     * such as a message's {@code role} when variants share a discriminator value). Members are recorded as flat
     * tokens only until {@code chooser} names one variant; that variant then reads the object from a parser that
     * replays the recorded tokens and goes on with the live parser, recording the rest as it passes. When that read
     * fails, or a later member changes the choice, the recording completes the value and {@code fromTree} decides
     * exactly as for a fully buffered value: every union rule (Unknown for an unknown discriminator, trying the next
     * variant, the error reported) stays that of {@code fromTree}, only the common case builds no tree. (On Jackson 3
     * the whole object is buffered and {@code fromTree} decides: the same value by the same rules, the streamed path
     * exists for speed alone.)
     *
     * <p>Without {@code first} (the name of a member the caller read already) the parser is on the object's first
     * FIELD_NAME (or its END_OBJECT); with it, on the value of that first member.
     */
    public static <T> T readUnionObject(
            JsonParser p,
            String first,
            UnionChooser chooser,
            UnionVariantReader<T> variants,
            UnionTreeReader<T> fromTree)
            throws IOException {
        return streamed(p, first, chooser, variants, fromTree); // jackson3: return buffered(p, first, fromTree);
    }

    /** {@link #readUnionObject} buffering the whole object for {@code fromTree}: the Jackson 3 runtime's way. */
    static <T> T buffered(JsonParser p, String first, UnionTreeReader<T> fromTree) throws IOException {
        if (first == null) return fromTree.fromTree(readObjectRest(p, p.currentToken(), null, null));
        JsonValue value = readValue(p);
        return fromTree.fromTree(readObjectRest(p, p.nextToken(), first, value));
    }

    /** True when {@code members} has no {@code name}, or has it with the string {@code value}: a fixed value allows. */
    public static boolean allows(UnionMembers members, String name, String value) {
        String actual = members.string(name); // one look-up when the member is there, as it mostly is
        return actual != null ? actual.equals(value) : !members.has(name);
    }

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

    // jackson3: omit from here (Jackson 3's parser base differs: unions are buffered whole, trees parsed as text)
    /** {@link #readUnionObject} on Jackson 2: record members until they decide, then stream the rest. */
    private static <T> T streamed(
            JsonParser live,
            String first,
            UnionChooser chooser,
            UnionVariantReader<T> variants,
            UnionTreeReader<T> fromTree)
            throws IOException {
        UnionReader object = UnionReader.take();
        JsonValue whole;
        try {
            int variant = -1;
            JsonToken t = live.currentToken();
            if (first != null) {
                object.member(first, live);
                variant = object.choose(chooser);
                if (variant < 0) t = live.nextToken();
            }
            while (variant < 0 && t == JsonToken.FIELD_NAME) {
                String name = live.currentName();
                live.nextToken();
                object.member(name, live);
                if (object.mayDecide(name)) variant = object.choose(chooser);
                if (variant < 0) t = live.nextToken();
            }
            if (variant >= 0) {
                T value = object.stream(live, variant, chooser, variants);
                if (value != null) return value;
            }
            whole = object.whole(variant >= 0);
        } finally {
            object.release();
        }
        return fromTree.fromTree(whole);
    }

    /**
     * One union object on its way through {@link #streamed}: its tokens as recorded so far (from its START_OBJECT),
     * seen by the chooser as members, and the names the last choice asked about. A thread keeps one for the next
     * union object, so that reading a union allocates no buffers (a union nested in one being read takes a new one).
     */
    private static final class UnionReader implements UnionMembers {
        private static final ThreadLocal<UnionReader> SPARE = new ThreadLocal<>();
        /** Buffers are kept between union objects only up to this many tokens (about 4 KB), never a huge one. */
        private static final int KEPT_TOKENS = 512;
        /** Readers kept for unions nested in unions being read; deeper ones are created for each object. */
        private static final int KEPT_DEPTH = 8;

        private final Tokens tokens = new Tokens(16);
        private final TokenParser parser = new TokenParser(tokens);
        private boolean inUse;
        /** The reader kept for a union nested in the one this reader reads. */
        private UnionReader nested;
        /** Whether the chooser was asked yet; before that, every member may decide. */
        private boolean chosen;
        /**
         * The names the last choice asked about, with the index of each one's value (-1 when absent): a chooser
         * asks about a name several times (has, then string, once per variant it checks).
         */
        private String[] asked = new String[4];

        private int[] askedAt = new int[4];
        private int askedCount;

        /** A reader kept by this thread that is not in use (one per level of unions nested in unions). */
        static UnionReader take() {
            UnionReader r = SPARE.get();
            if (r == null) {
                r = new UnionReader();
                SPARE.set(r);
            }
            for (int depth = 1; r.inUse; depth++) {
                if (r.nested == null) {
                    UnionReader next = new UnionReader();
                    if (depth < KEPT_DEPTH) r.nested = next;
                    r = next;
                } else {
                    r = r.nested;
                }
            }
            r.inUse = true;
            r.tokens.add(JsonToken.START_OBJECT, null);
            return r;
        }

        /** Forgets the object (no text stays referenced), ready for the next one. */
        void release() throws IOException {
            tokens.clear(KEPT_TOKENS);
            parser.reset(null);
            chosen = false;
            askedCount = 0;
            Arrays.fill(asked, null);
            inUse = false;
        }

        /** Records a member whose name was read; the live parser is on its value and is left on the value's end. */
        void member(String name, JsonParser live) throws IOException {
            tokens.add(JsonToken.FIELD_NAME, name);
            tokens.addValue(live);
        }

        int choose(UnionChooser chooser) {
            chosen = true;
            askedCount = 0;
            return chooser.choose(this);
        }

        /** Whether a member of this name can change what the last choice said (the choice asked about it). */
        boolean mayDecide(String name) {
            if (!chosen) return true;
            for (int i = 0; i < askedCount; i++) {
                if (same(name, asked[i])) return true;
            }
            return false;
        }

        /**
         * String equality that rejects a different name by its hash first: names are short and often of one length
         * ({@code type}, {@code role}), and their hashes are kept (literals, and the parser's canonical names).
         */
        private static boolean same(String a, String b) {
            return a.hashCode() == b.hashCode() && a.equals(b); // equals tries identity first
        }

        @Override
        public String string(String name) {
            int at = find(name);
            return at >= 0 && tokens.kinds[at] == JsonToken.VALUE_STRING ? tokens.texts[at] : null;
        }

        @Override
        public boolean has(String name) {
            return find(name) >= 0;
        }

        /** The index of the last top-level value named {@code name}, or -1; remembers that the choice asked. */
        private int find(String name) {
            for (int i = 0; i < askedCount; i++) {
                if (same(name, asked[i])) return askedAt[i];
            }
            int found = -1;
            int level = 0;
            for (int i = 0; i < tokens.size; i++) {
                JsonToken t = tokens.kinds[i];
                if (t == JsonToken.FIELD_NAME) {
                    if (level == 1 && i + 1 < tokens.size && same(name, tokens.texts[i])) found = i + 1;
                } else if (t.isStructStart()) {
                    level++;
                } else if (t.isStructEnd()) {
                    level--;
                }
            }
            if (askedCount == asked.length) {
                asked = Arrays.copyOf(asked, askedCount * 2);
                askedAt = Arrays.copyOf(askedAt, askedCount * 2);
            }
            asked[askedCount] = name;
            askedAt[askedCount++] = found;
            return found;
        }

        /**
         * Has {@code variant} read the object from the recorded members on, and returns the value when the rest of
         * the object leaves the choice as it was; else null, and {@link #whole} gives the object to decide on.
         */
        <T> T stream(JsonParser live, int variant, UnionChooser chooser, UnionVariantReader<T> variants)
                throws IOException {
            int rest = tokens.size;
            parser.reset(live);
            T value;
            try {
                parser.nextToken();
                value = variants.read(variant, parser);
                if (parser.depth != 0) return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
            // The choice stands unless a member after the deciding one is one it asked about (a repeated
            // discriminator, a fixed value that rules the variant out) and changes it; else the whole value decides.
            return !askedAfter(rest) || choose(chooser) == variant ? value : null;
        }

        /** Whether a top-level member from token {@code from} on has a name the last choice asked about. */
        private boolean askedAfter(int from) {
            int level = 1;
            for (int i = from; i < tokens.size; i++) {
                JsonToken t = tokens.kinds[i];
                if (t == JsonToken.FIELD_NAME) {
                    if (level == 1 && mayDecide(tokens.texts[i])) return true;
                } else if (t.isStructStart()) {
                    level++;
                } else if (t.isStructEnd()) {
                    level--;
                }
            }
            return false;
        }

        /**
         * The whole object: read on to its end through the parser after {@link #stream} (a read that failed or a
         * choice that changed), else ended here (no member decided).
         */
        JsonValue whole(boolean streamed) throws IOException {
            if (streamed) parser.finish();
            else tokens.add(JsonToken.END_OBJECT, null);
            return tokens.value();
        }
    }

    /** JSON tokens recorded flat, with the texts of field names, strings and numbers (null for the other tokens). */
    private static final class Tokens {
        // 16: a typical union member's rest (a content part with its text) fits without growing.
        JsonToken[] kinds;
        String[] texts;
        int size;
        private int cursor;

        Tokens(int capacity) {
            kinds = new JsonToken[capacity];
            texts = new String[capacity];
        }

        /** Empties the recording (no text stays referenced); arrays grown past {@code keep} tokens are dropped. */
        void clear(int keep) {
            if (kinds.length > keep) {
                kinds = new JsonToken[16];
                texts = new String[16];
            } else {
                Arrays.fill(texts, 0, size, null);
            }
            size = 0;
        }

        void add(JsonToken kind, String text) {
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                texts = Arrays.copyOf(texts, size * 2);
            }
            kinds[size] = kind;
            texts[size++] = text;
        }

        /** The text recorded for the parser's current token {@code t}. */
        static String text(JsonParser p, JsonToken t) throws IOException {
            return switch (t) {
                case FIELD_NAME -> p.currentName();
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
                default -> null;
            };
        }

        /** Records the parser's current token and, when it opens an object or array, every token to its end. */
        void addValue(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            int open = 0;
            while (true) {
                if (t == null) throw new JsonDecodeException("unexpected end of input");
                add(t, text(p, t));
                if (t.isStructStart()) {
                    open++;
                } else if (t.isStructEnd()) {
                    open--;
                }
                if (open == 0) return;
                t = p.nextToken();
            }
        }

        /** The tokens parsing {@code toJson(tree)} would give. */
        static Tokens of(JsonValue tree) throws JsonDecodeException {
            // One token for a scalar (a union's scalar variants try each one), room to grow for the rest.
            Tokens out =
                    new Tokens(tree instanceof JsonValue.JsonObject || tree instanceof JsonValue.JsonArray ? 16 : 1);
            out.addTree(tree == null ? JsonValue.NULL : tree);
            return out;
        }

        private void addTree(JsonValue v) throws JsonDecodeException {
            if (v instanceof JsonValue.JsonObject o) {
                add(JsonToken.START_OBJECT, null);
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    add(JsonToken.FIELD_NAME, e.getKey());
                    addTree(e.getValue() == null ? JsonValue.NULL : e.getValue());
                }
                add(JsonToken.END_OBJECT, null);
            } else if (v instanceof JsonValue.JsonArray a) {
                add(JsonToken.START_ARRAY, null);
                for (JsonValue item : a.items()) addTree(item == null ? JsonValue.NULL : item);
                add(JsonToken.END_ARRAY, null);
            } else if (v instanceof JsonValue.JsonString s) {
                add(JsonToken.VALUE_STRING, s.value());
            } else if (v instanceof JsonValue.JsonNumber n) {
                add(numberToken(n.text()), n.text());
            } else if (v instanceof JsonValue.JsonBoolean b) {
                add(b.value() ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE, null);
            } else {
                add(JsonToken.VALUE_NULL, null);
            }
        }

        /** The token of a number's text as JSON has it (an integer without fraction or exponent), else an error. */
        private static JsonToken numberToken(String text) throws JsonDecodeException {
            Matcher m = JSON_NUMBER.matcher(text);
            if (!m.matches()) throw new JsonDecodeException("not a JSON number: " + text);
            return m.group(1).isEmpty() ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
        }

        /** A JSON number; group 1 is its fraction and exponent (empty for an integer). */
        private static final Pattern JSON_NUMBER =
                Pattern.compile("-?(?:0|[1-9][0-9]*)((?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)");

        /** The one value the tokens hold, from the first. */
        JsonValue value() throws JsonDecodeException {
            cursor = 0;
            return next();
        }

        private JsonValue next() throws JsonDecodeException {
            if (cursor >= size) throw new JsonDecodeException("unexpected end of input");
            JsonToken t = kinds[cursor];
            String text = texts[cursor++];
            switch (t) {
                case START_OBJECT -> {
                    Map<String, JsonValue> members = new FreshMembers();
                    while (cursor < size && kinds[cursor] == JsonToken.FIELD_NAME) {
                        String name = texts[cursor++];
                        members.put(name, next());
                    }
                    cursor++; // END_OBJECT
                    return new JsonValue.JsonObject(members);
                }
                case START_ARRAY -> {
                    List<JsonValue> items = new FreshItems();
                    while (cursor < size && kinds[cursor] != JsonToken.END_ARRAY) items.add(next());
                    cursor++;
                    return new JsonValue.JsonArray(items);
                }
                default -> {
                    JsonValue scalar = scalar(t, text);
                    if (scalar == null) throw new JsonDecodeException("expected a JSON value but found " + t);
                    return scalar;
                }
            }
        }
    }

    /**
     * A parser over recorded {@link Tokens} that yields exactly what parsing their text would: the union readers
     * decode buffered values with it instead of writing them out as text and parsing that again. Numbers are handed
     * to a real parser over their text, so their token type and every numeric accessor behave as when parsing text.
     * Locations are unknown ({@link JsonLocation#NA}); {@link #decode} re-decodes from text to report an error.
     *
     * <p>With a live parser, once the recorded tokens are replayed it goes on with the live parser, recording every
     * token it passes on (its text shared with the reader, so a string is materialized once) and forwarding numbers,
     * names and locations to it: a union object is read from its recorded leading members on to its end.
     */
    private static final class TokenParser extends ParserMinimalBase {
        private final Tokens tokens;
        private JsonParser live;
        /** The recorded tokens replayed before the live parser takes over. */
        private int replayed;

        private int next;
        private boolean fromLive;
        private String text;
        /** Open objects and arrays: 0 once the first value is complete. */
        int depth;
        /** Per open container while replaying, its current field name (null in an array). */
        private String[] names;

        private JsonParser number;
        private JsonStreamContext context;
        private boolean closed;

        TokenParser(Tokens tokens) {
            super(0, FACTORY.streamReadConstraints());
            this.tokens = tokens;
            this.replayed = tokens.size;
        }

        /**
         * Starts again from the first token: replays the tokens recorded so far, then goes on with {@code live}
         * (when not null) and records what it passes on.
         */
        void reset(JsonParser live) throws IOException {
            this.live = live;
            replayed = tokens.size;
            next = 0;
            fromLive = false;
            text = null;
            depth = 0;
            closed = false;
            if (number != null) {
                number.close();
                number = null;
            }
            _currToken = null;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t;
            if (next < replayed) {
                t = tokens.kinds[next];
                text = tokens.texts[next++];
                if (t == JsonToken.FIELD_NAME && depth > 0) names[depth - 1] = text; // depth > 0: names exists
            } else if (live == null || depth == 0) {
                t = null; // the value is complete
                text = null;
            } else {
                t = live.nextToken();
                fromLive = true;
                if (t == null) return current(null);
                text = Tokens.text(live, t);
                tokens.add(t, text);
            }
            if (number != null) {
                number.close();
                number = null;
            }
            if (t == null) return current(null);
            if (t.isStructStart()) {
                if (names == null) {
                    names = new String[4];
                } else if (depth == names.length) {
                    names = Arrays.copyOf(names, depth * 2);
                }
                names[depth++] = null;
            } else if (t.isStructEnd()) {
                depth--;
            }
            return current(t);
        }

        /** Makes {@code token} the current token and returns it. */
        private JsonToken current(JsonToken token) {
            _currToken = token;
            return token;
        }

        /** Reads on to the end of the value (after a failed read), recording everything. */
        void finish() throws IOException {
            while (depth > 0) {
                if (nextToken() == null) throw new JsonDecodeException("unexpected end of input");
            }
        }

        /** What the numeric accessors ask: the live parser, or a parser over the recorded number's text. */
        private JsonParser number() throws IOException {
            if (_currToken != JsonToken.VALUE_NUMBER_INT && _currToken != JsonToken.VALUE_NUMBER_FLOAT) {
                throw _constructError(
                        "Current token (" + _currToken + ") not numeric, can not use numeric value accessors");
            }
            if (fromLive) return live;
            if (number == null) {
                number = FACTORY.createParser(text);
                number.nextToken();
            }
            return number;
        }

        // Jackson 2 still declares this deprecated method abstract;
        // @Deprecated says it is here only because it must be.
        @Deprecated
        @Override
        public String getCurrentName() throws IOException {
            if (fromLive) return live.currentName();
            if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
                // The new container's name is the field it is the value of, one level up.
                return depth >= 2 ? names[depth - 2] : null;
            }
            return depth >= 1 ? names[depth - 1] : null;
        }

        @Override
        public String currentName() throws IOException {
            return getCurrentName();
        }

        @Override
        public void overrideCurrentName(String name) {
            if (fromLive) {
                live.overrideCurrentName(name);
            } else if (depth > 0) {
                names[depth - 1] = name;
            }
        }

        @Override
        public String getText() {
            if (_currToken == null) return null;
            return switch (_currToken) {
                case FIELD_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> text;
                default -> _currToken.asString();
            };
        }

        @Override
        public char[] getTextCharacters() {
            String value = getText();
            return value == null ? null : value.toCharArray();
        }

        @Override
        public int getTextLength() {
            String value = getText();
            return value == null ? 0 : value.length();
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
            if (fromLive) return live.getBinaryValue(variant);
            if (_currToken != JsonToken.VALUE_STRING) {
                throw _constructError("Current token (" + _currToken + ") not VALUE_STRING, can not access as binary");
            }
            try (ByteArrayBuilder out = new ByteArrayBuilder()) {
                _decodeBase64(text, out, variant);
                return out.toByteArray();
            }
        }

        @Override
        public Object getEmbeddedObject() throws IOException {
            return fromLive ? live.getEmbeddedObject() : null;
        }

        @Override
        protected void _handleEOF() {
            // recorded tokens are always complete
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (number != null) number.close();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public JsonStreamContext getParsingContext() {
            if (fromLive) return live.getParsingContext();
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
            return fromLive ? live.currentLocation() : JsonLocation.NA;
        }

        // Jackson 2 still declares this deprecated method abstract;
        // @Deprecated says it is here only because it must be.
        @Deprecated
        @Override
        @SuppressWarnings("InlineMeSuggester") // nothing calls it; @InlineMe would need error-prone in every SDK
        public JsonLocation getTokenLocation() {
            return fromLive ? live.currentTokenLocation() : JsonLocation.NA;
        }

        @Override
        public ObjectCodec getCodec() {
            return null;
        }

        @Override
        public void setCodec(ObjectCodec codec) {
            throw new UnsupportedOperationException("a token parser has no codec");
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }
    }
    // jackson3: omit to here
}
