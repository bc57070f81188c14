package autosdk.runtime;

import java.util.BitSet;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code toString} of generated objects, from one array of their fields, so each object carries one line for it
 * instead of one per property. The array's layout: the presence bits ({@link BitSet}), the properties the schema does
 * not declare ({@link Map}), the values kept because they did not parse as their format ({@link Map}, or null for an
 * object without such properties), then the properties in schema order. The same array serves the objects'
 * {@code equals} and {@code hashCode} through {@link java.util.Arrays#deepEquals} and
 * {@link java.util.Arrays#deepHashCode}.
 */
public final class JsonObjects {
    /** Where the properties start in a fields array. */
    private static final int FIRST_PROPERTY = 3;

    private JsonObjects() {}

    /**
     * {@code Pet{id=1, name=Rex}}: the present properties by JSON name (a {@code byte[]} by its length), then the
     * undeclared properties and the malformed values when there are any.
     */
    public static String toString(String type, String[] names, Object[] fields) {
        BitSet present = (BitSet) fields[0];
        // A joiner puts ", " only between the parts: "Pet{id=1, name=Rex}", never "Pet{id=1, }".
        StringJoiner parts = new StringJoiner(", ", type + "{", "}");
        for (int i = 0; i < names.length; i++) {
            if (!present.get(i)) continue;
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
