package autosdk.runtime;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any JSON value, kept exactly: free-form schema values, unknown properties and unknown union
 * variants live here so that reading and writing a message gives back the same JSON.
 */
public sealed interface JsonValue {

    /** A JSON object; keeps member order. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            // Members the runtime just read are wrapped, not copied: nothing else holds them.
            members = Collections.unmodifiableMap(
                    members instanceof Json.FreshMembers ? members : new LinkedHashMap<>(members));
        }

        public JsonValue get(String name) {
            return members.get(name);
        }
    }

    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = items instanceof Json.FreshItems
                    ? Collections.unmodifiableList(items) // just read by the runtime, held by nothing else
                    : List.copyOf(items);
        }
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number kept as its JSON text, so no precision is lost and it is written back unchanged. */
    record JsonNumber(String text) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(text, "text");
        }

        public BigDecimal decimalValue() {
            return new BigDecimal(text);
        }

        public long longValue() {
            return decimalValue().longValueExact();
        }

        public double doubleValue() {
            return Double.parseDouble(text);
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {}

    /** JSON {@code null}: an explicit null, different from a missing property. */
    record JsonNull() implements JsonValue {}

    // Initializing JsonNull initializes this interface first (it declares a default method), so a thread running
    // `new JsonNull()` before anything touched JsonValue could deadlock with one reading NULL. Nothing in the runtime
    // or in generated code constructs JsonNull (they use NULL), and the constant is public API.
    @SuppressWarnings("ClassInitializationDeadlock")
    JsonNull NULL = new JsonNull();

    static JsonValue of(String value) {
        return value == null ? NULL : new JsonString(value);
    }

    static JsonValue of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    static JsonValue of(double value) {
        return new JsonNumber(Double.toString(value));
    }

    static JsonValue of(boolean value) {
        return new JsonBoolean(value);
    }

    static JsonValue parse(String json) {
        return Json.parseValue(json);
    }

    /** This value as compact JSON text. */
    default String toJson() {
        return Json.toJson(this);
    }
}
