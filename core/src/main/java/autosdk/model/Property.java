package autosdk.model;

/**
 * One property of an object type.
 *
 * @param fixed    the only value the schema allows ({@code const} or a one-value {@code enum}), or null; builders
 *                 pre-fill it so that it is always sent
 * @param readOnly true when the schema marks it {@code readOnly}: a server sets it, so building a request never
 *                 asks for it even when it is required
 * @param base64   true when the value is base64-encoded bytes: a {@code byte}/{@code base64} format or
 *                 {@code contentEncoding}, or a plain string whose description says it is base64 (many realtime
 *                 specs say so only in words), so a client may offer to encode raw bytes into it
 */
public record Property(
        String jsonName,
        TypeRef type,
        boolean required,
        boolean nullable,
        Doc doc,
        FixedValue fixed,
        boolean readOnly,
        boolean base64) {

    /** The fixed value when it is a string (what discriminators compare), else null. */
    public String constValue() {
        return fixed != null && fixed.kind() == FixedValue.Kind.STRING ? fixed.text() : null;
    }

    /** A JSON scalar that is a property's only allowed value, kept as its JSON text and kind. */
    public record FixedValue(Kind kind, String text) {
        public enum Kind {
            STRING,
            NUMBER,
            BOOLEAN
        }
    }
}
