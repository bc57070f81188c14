package autosdk.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What every generated object class shares, so that each carries one line for it instead of one per property or a
 * block per class: the loop over an object's members when decoding, the required-property check of
 * {@code build()}, the copies of the maps of undeclared properties and malformed values, and {@code toString}.
 *
 * <p>Presence: a generated object records which properties were set or present in JSON as bits of a {@code long}
 * (bit {@code i} for property {@code i}), or of a {@code long[]} (word {@code i / 64}) when it has more than 64.
 *
 * <p>{@code toString} works from one array of the object's fields, laid out as: the presence bits ({@code Long} or
 * {@code long[]}), the properties the schema does not declare ({@link Map}), the values kept because they did not
 * parse as their format ({@link Map}, or null for an object without such properties), then the properties in schema
 * order. The same array serves the objects' {@code equals} and {@code hashCode} through
 * {@link java.util.Arrays#deepEquals} and {@link java.util.Arrays#deepHashCode}.
 */
public final class JsonObjects {
    /** Where the properties start in a fields array. */
    private static final int FIRST_PROPERTY = 3;

    private JsonObjects() {}

    /**
     * Starts decoding an object: checks that the parser is on its START_OBJECT token and moves to the value of its
     * first member.
     *
     * @return the first member's name, or null for an empty object
     * @throws JsonDecodeException when the value is no object ({@code type} names the expected one in the message)
     */
    public static String firstField(JsonParser p, String type) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonDecodeException("expected an object for " + type + " but found " + p.currentToken() + " at "
                    + p.currentTokenLocation());
        }
        return nextField(p);
    }

    /**
     * Moves from the end of one member's value to the value of the next member.
     *
     * @return the next member's name, or null at the end of the object (the parser is then on its END_OBJECT)
     */
    public static String nextField(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) return null;
        String name = p.currentName();
        p.nextToken();
        return name;
    }

    /**
     * The check of a builder's {@code build()}: throws when a property of {@code required} (bits, as in
     * {@code present}) is not set, naming every missing one by its JSON name in schema order.
     */
    public static void require(String type, String[] names, long present, long required) {
        if ((present & required) != required) throw missing(type, names, new long[] {present}, new long[] {required});
    }

    /** {@link #require(String, String[], long, long)} for an object with more than 64 properties. */
    public static void require(String type, String[] names, long[] present, long[] required) {
        for (int w = 0; w < required.length; w++) {
            if ((present[w] & required[w]) != required[w]) throw missing(type, names, present, required);
        }
    }

    private static IllegalStateException missing(String type, String[] names, long[] present, long[] required) {
        StringJoiner missing = new StringJoiner(", ", type + " is missing required properties: ", "");
        for (int i = 0; i < names.length; i++) {
            if (has(required, i) && !has(present, i)) missing.add(names[i]);
        }
        return new IllegalStateException(missing.toString());
    }

    private static boolean has(long[] bits, int index) {
        return (bits[index / Long.SIZE] & 1L << index % Long.SIZE) != 0;
    }

    /** Adds {@code from}'s presence bits to {@code to}'s (objects with more than 64 properties). */
    public static void or(long[] to, long[] from) {
        for (int w = 0; w < to.length; w++) to[w] |= from[w];
    }

    /**
     * A builder's map (undeclared properties, malformed values) as its object keeps it: unmodifiable, and the shared
     * empty map when the builder never created one (most objects).
     */
    public static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** An object's map as a builder starts from it: a modifiable copy, or null (created when first needed) if empty. */
    public static <V> Map<String, V> thawed(Map<String, V> map) {
        return map.isEmpty() ? null : new LinkedHashMap<>(map);
    }

    /** Adds an entry to a builder's map, creating the map at the first one; returns the map. */
    public static <V> Map<String, V> put(Map<String, V> map, String name, V value) {
        Map<String, V> out = map == null ? new LinkedHashMap<>() : map;
        out.put(name, value);
        return out;
    }

    /**
     * {@code Pet{id=1, name=Rex}}: the present properties by JSON name (a {@code byte[]} by its length), then the
     * undeclared properties and the malformed values when there are any.
     */
    public static String toString(String type, String[] names, Object[] fields) {
        long[] present = fields[0] instanceof long[] bits ? bits : new long[] {(Long) fields[0]};
        // A joiner puts ", " only between the parts: "Pet{id=1, name=Rex}", never "Pet{id=1, }".
        StringJoiner parts = new StringJoiner(", ", type + "{", "}");
        for (int i = 0; i < names.length; i++) {
            if (!has(present, i)) continue;
            Object value = fields[FIRST_PROPERTY + i];
            parts.add(names[i] + "=" + (value instanceof byte[] bytes ? bytes.length + " bytes" : value));
        }
        Map<?, ?> additional = (Map<?, ?>) fields[1];
        if (!additional.isEmpty()) parts.add(String.valueOf(additional));
        Map<?, ?> malformed = (Map<?, ?>) fields[2];
        if (malformed != null && !malformed.isEmpty()) parts.add("malformed=" + malformed);
        return parts.toString();
    }
}
