package autosdk.emit.java;

import java.util.List;

/**
 * The Java names one operation gets in its client class. Primary method names are allocated for every
 * operation of a class before any derived name ({@code …Stream}, {@code …Request}), so an operation's
 * own name never loses to another's suffixed variant. {@code paged} is the public {@code …Paged} method of a list
 * operation that pages, {@code paging} the private helper that describes how it pages (null when it does not page).
 */
record RestNames(
        String method,
        String stream,
        String inputStream,
        String request,
        String errors,
        String params,
        String form,
        String paged,
        String paging) {

    /**
     * The methods a client class declares itself (the entry class, every sub-client); operations are named around them.
     */
    enum Own implements JavaNames.Own {
        BUILDER("builder"),
        CREATE("create"),
        CONFIG("config"),
        ASYNC("async"),
        WITH_RAW_RESPONSE("withRawResponse");

        private final String javaName;

        Own(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    /** A scope for a client class's method names: what {@link Object} and the client declare come first. */
    static JavaNames.Scope methodScope() {
        JavaNames.Scope scope = new JavaNames.Scope(false, JavaNames.OBJECT_METHODS);
        scope.declare(Own.values());
        return scope;
    }

    /**
     * The classes nested in every client: its builder and its {@code async()} and {@code withRawResponse()} twins;
     * operations' parameter and form classes are named around them.
     */
    private enum NestedType implements JavaNames.Own {
        BUILDER("Builder"),
        ASYNC("Async"),
        WITH_RAW_RESPONSE("WithRawResponse");

        private final String javaName;

        NestedType(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    static final String ASYNC_CLASS = NestedType.ASYNC.javaName();

    static final String RAW_CLASS = NestedType.WITH_RAW_RESPONSE.javaName();

    /**
     * A scope for the names of the types nested in client class {@code self} (case-insensitive: nested types become
     * class files too); the client's own name is taken, since a nested type may not share it.
     */
    static JavaNames.Scope nestedTypeScope(String self) {
        JavaNames.Scope scope = new JavaNames.Scope(true, List.of());
        scope.declare(NestedType.values());
        scope.reserve(List.of(self));
        return scope;
    }

    /** The base method name of each operation, in order, from its operationId. */
    static List<String> primary(List<RestOperation> ops, JavaNames.Scope methods) {
        return ops.stream()
                .map(op -> methods.allocate(JavaNames.memberName(op.op().operationId())))
                .toList();
    }

    /** The derived names of one operation whose base name is {@code base}. */
    static RestNames derive(
            RestOperation op, String base, JavaNames.Scope methods, JavaNames.Scope nestedTypes, JavaTypes types) {
        boolean optionalObject = op.optional().size() > 1;
        boolean form = RestForms.formObject(op, types) != null;
        return new RestNames(
                base,
                op.stream() != null ? methods.allocate(base + "Stream") : null,
                op.responseKind() == RestOperation.ResponseKind.BYTES ? methods.allocate(base + "AsInputStream") : null,
                methods.allocate(base + "Request"),
                op.errors().isEmpty() ? null : methods.allocate(base + "Error"),
                optionalObject ? nestedTypes.allocate(JavaNames.typeName(List.of(base, "Params"))) : null,
                form ? nestedTypes.allocate(JavaNames.typeName(List.of(base, "Form"))) : null,
                op.pageable() ? methods.allocate(base + "Paged") : null,
                op.pageable() ? methods.allocate(base + "Paging") : null);
    }
}
