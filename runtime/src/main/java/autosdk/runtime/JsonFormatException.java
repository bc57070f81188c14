package autosdk.runtime;

/**
 * Thrown by a model's accessor when the JSON held a value that does not parse as the property's format (a
 * {@code uuid} that is no UUID, a {@code date-time} that is no date). Reading the document did not fail: the rest of
 * it is usable, and the value is kept as it came in the model's {@code malformedValues()}.
 */
public final class JsonFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String format;
    private final transient JsonValue raw;

    public JsonFormatException(String type, String property, String format, JsonValue raw) {
        super(type + "." + property + ": " + Json.toJson(raw) + " is not a valid " + format
                + "; the value is kept as it came in malformedValues()");
        this.property = property;
        this.format = format;
        this.raw = raw;
    }

    /** The JSON name of the property. */
    public String property() {
        return property;
    }

    /** The format the schema declares ({@code uuid}, {@code date-time}, {@code date}, {@code byte}). */
    public String format() {
        return format;
    }

    /** The value exactly as the JSON had it. */
    public JsonValue raw() {
        return raw;
    }
}
