package autosdk.model;

/** How a value is typed where it is used: a scalar, a list, a map, any JSON, or a named type. */
public sealed interface TypeRef permits TypeRef.Scalar, TypeRef.ListOf, TypeRef.MapOf, TypeRef.Any, TypeRef.Named {

    /** Built-in scalar kinds, chosen from {@code type} and {@code format}. */
    enum ScalarKind {
        STRING,
        INT32,
        INT64,
        BIG_INTEGER,
        FLOAT,
        DOUBLE,
        DECIMAL,
        BOOLEAN,
        DATE_TIME,
        DATE,
        TIME,
        DURATION,
        UUID,
        URI,
        /** {@code format: byte}: base64 text on the wire, bytes in Java. */
        BASE64,
        /** {@code format: binary}: raw bytes (a file part or a binary frame), base64 inside JSON. */
        BINARY
    }

    record Scalar(ScalarKind kind) implements TypeRef {}

    record ListOf(TypeRef item) implements TypeRef {}

    record MapOf(TypeRef value) implements TypeRef {}

    /** Free-form JSON: kept as a JSON value tree. */
    record Any() implements TypeRef {}

    /** A reference to a {@link NamedType} of the model, by its id. */
    record Named(String id) implements TypeRef {}

    static Scalar scalar(ScalarKind kind) {
        return new Scalar(kind);
    }
}
