package autosdk.translate;

import autosdk.model.Doc;
import autosdk.model.EnumType;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.TypeRef.ScalarKind;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.Pointers;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.resolve.RefResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns JSON Schema / OpenAPI / AsyncAPI schema nodes into {@link TypeRef}s, registering a
 * {@link NamedType} for every object, enum and union schema. Named types are keyed by where their
 * schema sits, so a schema reached twice (or recursively) is one type.
 */
final class SchemaTranslator {
    private final RefResolver resolver;
    private final Expect expect;
    private final Map<String, NamedType> types = new LinkedHashMap<>();
    private final Set<String> declaring = new HashSet<>();
    private final Set<String> inlining = new HashSet<>();
    private final Map<String, TypeRef> refCache = new LinkedHashMap<>();
    private final Set<SpecNode> checked = Collections.newSetFromMap(new IdentityHashMap<>());

    SchemaTranslator(RefResolver resolver, Expect expect) {
        this.resolver = resolver;
        this.expect = expect;
    }

    Map<String, NamedType> types() {
        return types;
    }

    RefResolver resolver() {
        return resolver;
    }

    /** Translates the schema at {@code node}; inline types are named from {@code hint}. */
    TypeRef translate(SpecNode node, List<String> hint) {
        if (node instanceof MapNode map && map.has("$ref")) {
            Optional<RefResolver.Target> target = resolver.follow(node);
            if (target.isEmpty()) return new TypeRef.Any();
            return translateTarget(target.get());
        }
        return translateInline(node, hint, resolver.keyOf(node));
    }

    /** Translates a schema reached through a ref: named after where it sits, translated once. */
    private TypeRef translateTarget(RefResolver.Target target) {
        TypeRef cached = refCache.get(target.key());
        if (cached != null) return cached;
        if (declaring.contains(target.key())) return new TypeRef.Named(target.key());
        if (!inlining.add(target.key())) {
            // A recursive schema that is not an object (e.g. an array of itself): keep it as JSON.
            return new TypeRef.Any();
        }
        try {
            TypeRef type = translateInline(target.node(), hintFromPointer(target.node()), target.key());
            refCache.put(target.key(), type);
            return type;
        } finally {
            inlining.remove(target.key());
        }
    }

    private TypeRef translateInline(SpecNode node, List<String> hint, String id) {
        if (!(node instanceof MapNode schema)) {
            if (node instanceof ScalarNode s && s.value() instanceof Boolean) return new TypeRef.Any();
            expect.wrongKind(node, "schema", "an object");
            return new TypeRef.Any();
        }
        checkKeywords(schema);
        Shape shape = Shape.of(schema, this);
        return switch (shape) {
            case OBJECT -> declare(id, () -> buildObject(id, schema, hint));
            case ENUM -> declare(id, () -> buildEnum(id, schema, hint));
            case UNION -> translateComposition(id, schema, hint);
            case ALL_OF_SINGLE -> translate(mainMember(allOfMembers(schema)), hint);
            case ARRAY ->
                new TypeRef.ListOf(
                        schema.has("items") ? translate(schema.get("items"), with(hint, "Item")) : new TypeRef.Any());
            case MAP -> new TypeRef.MapOf(mapValues(schema, hint));
            case SCALAR -> scalar(schema);
            case ANY -> new TypeRef.Any();
        };
    }

    /** Reports schema keywords whose values have the wrong JSON kind; translation goes on without them. */
    private void checkKeywords(MapNode schema) {
        if (!checked.add(schema)) return;
        expect.map(schema, "properties");
        expect.strings(schema, "required");
        expect.list(schema, "enum");
        for (String key : List.of("allOf", "oneOf", "anyOf")) expect.list(schema, key);
        SpecNode type = schema.get("type");
        if (type != null && !(type instanceof ScalarNode t && t.isString()) && !(type instanceof ListNode)) {
            expect.wrongKind(type, "type", "a string or a list of strings");
        }
        for (String key : List.of("items", "additionalProperties")) {
            SpecNode v = schema.get(key);
            if (v != null
                    && !(v instanceof MapNode)
                    && !(v instanceof ScalarNode b && b.value() instanceof Boolean)
                    && !(key.equals("items") && v instanceof ListNode)) {
                expect.wrongKind(v, key, "a schema object or a boolean");
            }
        }
    }

    private TypeRef declare(String id, Supplier<NamedType> build) {
        if (types.containsKey(id) || declaring.contains(id)) return new TypeRef.Named(id);
        declaring.add(id);
        try {
            NamedType type = build.get();
            types.put(id, type);
        } finally {
            declaring.remove(id);
        }
        return new TypeRef.Named(id);
    }

    // ---- objects -------------------------------------------------------------------------

    /**
     * Base64 data: by format or encoding, or a string whose description says so (the only sign many realtime specs
     * give).
     */
    static boolean isBase64(TypeRef type, Doc doc) {
        if (!(type instanceof TypeRef.Scalar s)) return false;
        if (s.kind() == TypeRef.ScalarKind.BASE64) return true;
        String d = doc.description();
        return s.kind() == TypeRef.ScalarKind.STRING
                && d != null
                && d.toLowerCase(Locale.ROOT).contains("base64");
    }

    private ObjectType buildObject(String id, MapNode schema, List<String> hint) {
        Map<String, Property> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        TypeRef[] additional = {null};
        collectObject(schema, hint, properties, required, additional, new HashSet<>());
        List<Property> finalProps = new ArrayList<>();
        for (Property p : properties.values()) {
            finalProps.add(new Property(
                    p.jsonName(),
                    p.type(),
                    required.contains(p.jsonName()),
                    p.nullable(),
                    p.doc(),
                    p.fixed(),
                    p.readOnly(),
                    p.base64()));
        }
        // additionalProperties (or unevaluatedProperties) false: no property beyond the declared ones
        boolean closed = (schema.get("additionalProperties") instanceof ScalarNode ap
                        && Boolean.FALSE.equals(ap.value()))
                || (schema.get("unevaluatedProperties") instanceof ScalarNode up && Boolean.FALSE.equals(up.value()));
        return new ObjectType(id, hint, doc(schema), schema.location(), finalProps, additional[0], closed);
    }

    /** Gathers properties from the schema and, recursively, its allOf members, so none is lost. */
    private void collectObject(
            MapNode schema,
            List<String> hint,
            Map<String, Property> out,
            Set<String> required,
            TypeRef[] additional,
            Set<String> visited) {
        if (!visited.add(resolver.keyOf(schema))) return;
        for (SpecNode member : allOfMembers(schema)) {
            resolver.follow(member).ifPresent(t -> {
                if (t.node() instanceof MapNode m) collectObject(m, hint, out, required, additional, visited);
            });
        }
        // Members of a oneOf/anyOf inside an object contribute their properties as optional ones.
        for (String key : List.of("oneOf", "anyOf")) {
            expect.list(schema, key).ifPresent(list -> {
                if (!schema.has("properties")) return;
                for (SpecNode member : list.items()) {
                    resolver.follow(member).ifPresent(t -> {
                        if (t.node() instanceof MapNode m && m.has("properties")) {
                            collectObject(m, hint, out, new HashSet<>(), new TypeRef[1], visited);
                        }
                    });
                }
            });
        }
        required.addAll(expect.strings(schema, "required"));
        expect.map(schema, "properties").ifPresent(props -> {
            for (Map.Entry<String, SpecNode> e : props.entries().entrySet()) {
                String name = e.getKey();
                SpecNode propSchema = e.getValue();
                TypeRef type = translate(propSchema, with(hint, name));
                Property existing = out.get(name);
                Doc doc = propertyDoc(propSchema);
                if (existing != null && type instanceof TypeRef.Any) continue;
                out.put(
                        name,
                        new Property(
                                name,
                                type,
                                false,
                                nullable(propSchema),
                                doc,
                                fixedValue(propSchema),
                                readOnly(propSchema),
                                isBase64(type, doc)));
            }
        });
        SpecNode ap = schema.get("additionalProperties");
        if (ap instanceof MapNode apSchema && !apSchema.entries().isEmpty()) {
            additional[0] = translate(apSchema, with(hint, "Value"));
        }
    }

    private TypeRef mapValues(MapNode schema, List<String> hint) {
        SpecNode ap = schema.get("additionalProperties");
        if (ap instanceof MapNode apSchema && !apSchema.entries().isEmpty()) {
            return translate(apSchema, with(hint, "Value"));
        }
        return new TypeRef.Any();
    }

    // ---- enums ---------------------------------------------------------------------------

    private EnumType buildEnum(String id, MapNode schema, List<String> hint) {
        // A set: enums of tens of thousands of values must not cost a quadratic duplicate check.
        Set<String> values = new LinkedHashSet<>();
        boolean integer = "integer".equals(typeName(schema));
        for (SpecNode item : enumItems(schema)) {
            if (item instanceof ScalarNode s && !s.isNull()) values.add(s.text());
        }
        return new EnumType(id, hint, doc(schema), schema.location(), integer, List.copyOf(values));
    }

    private List<SpecNode> enumItems(MapNode schema) {
        List<SpecNode> items = new ArrayList<>();
        expect.list(schema, "enum").ifPresent(l -> items.addAll(l.items()));
        // An anyOf of string enums (and plain strings) is an open enum too: collect all values.
        for (String key : List.of("anyOf", "oneOf")) {
            if (schema.get(key) instanceof ListNode list) {
                for (SpecNode member : list.items()) {
                    resolver.follow(member).ifPresent(t -> {
                        if (t.node() instanceof MapNode m) {
                            items.addAll(enumItems(m));
                            if (m.get("const") instanceof ScalarNode c) items.add(c);
                        }
                    });
                }
            }
        }
        return items;
    }

    // ---- unions --------------------------------------------------------------------------

    private TypeRef translateComposition(String id, MapNode schema, List<String> hint) {
        List<SpecNode> members = nonNullMembers(schema);
        if (members.size() == 1) return translate(members.get(0), hint);
        if (members.isEmpty()) return new TypeRef.Any();
        return declare(id, () -> new UnionBuilder(this, expect).build(id, schema, members, hint));
    }

    /** The oneOf/anyOf members (or 3.1 type list) without the {@code null} alternative. */
    List<SpecNode> nonNullMembers(MapNode schema) {
        List<SpecNode> members = new ArrayList<>();
        for (String key : List.of("oneOf", "anyOf")) {
            expect.list(schema, key).ifPresent(l -> {
                for (SpecNode m : l.items()) {
                    if (!isNullSchema(m)) members.add(m);
                }
            });
        }
        return members;
    }

    private boolean isNullSchema(SpecNode node) {
        Optional<RefResolver.Target> t = node instanceof MapNode m && m.has("$ref")
                ? resolver.follow(node)
                : Optional.of(new RefResolver.Target(node, ""));
        if (t.isEmpty() || !(t.get().node() instanceof MapNode m)) return false;
        if ("null".equals(m.string("type").orElse(null))) return true;
        return m.has("enum")
                && m.get("enum") instanceof ListNode l
                && l.items().size() == 1
                && l.items().get(0) instanceof ScalarNode s
                && s.isNull();
    }

    // ---- scalars -------------------------------------------------------------------------

    private TypeRef scalar(MapNode schema) {
        String type = typeName(schema);
        String format = schema.string("format").orElse("");
        if (type == null && schema.get("const") instanceof ScalarNode c) {
            type = c.value() instanceof Boolean ? "boolean" : c.isNumber() ? "number" : "string";
        }
        if (type == null
                && schema.get("enum") instanceof ListNode l
                && !l.items().isEmpty()
                && l.items().get(0) instanceof ScalarNode s) {
            type = s.value() instanceof Boolean ? "boolean" : s.isNumber() ? "number" : "string";
        }
        if (type == null && (schema.has("oneOf") || schema.has("anyOf"))) {
            type = "string";
        } // only string-like members reach here
        if (type == null) return new TypeRef.Any();
        return switch (type) {
            case "string" ->
                TypeRef.scalar(
                        switch (format) {
                            case "date-time" -> ScalarKind.DATE_TIME;
                            case "date" -> ScalarKind.DATE;
                            case "time" -> ScalarKind.TIME;
                            case "duration" -> ScalarKind.DURATION;
                            case "uuid" -> ScalarKind.UUID;
                            case "uri", "url" -> ScalarKind.URI;
                            case "byte", "base64" -> ScalarKind.BASE64;
                            case "binary" -> ScalarKind.BINARY;
                            default ->
                                schema.string("contentEncoding")
                                                .filter("base64"::equals)
                                                .isPresent()
                                        ? ScalarKind.BASE64
                                        : ScalarKind.STRING;
                        });
            case "integer" -> TypeRef.scalar(format.equals("int32") ? ScalarKind.INT32 : ScalarKind.INT64);
            case "number" ->
                TypeRef.scalar(
                        switch (format) {
                            case "float" -> ScalarKind.FLOAT;
                            case "int32" -> ScalarKind.INT32;
                            case "int64" -> ScalarKind.INT64;
                            default -> ScalarKind.DOUBLE;
                        });
            case "boolean" -> TypeRef.scalar(ScalarKind.BOOLEAN);
            default -> new TypeRef.Any();
        };
    }

    /** The schema's type, ignoring "null" in a 3.1 type list; null when absent or ambiguous. */
    static String typeName(MapNode schema) {
        SpecNode type = schema.get("type");
        if (type instanceof ScalarNode s && s.isString()) return (String) s.value();
        if (type instanceof ListNode l) {
            List<String> names = new ArrayList<>();
            for (SpecNode item : l.items()) {
                if (item instanceof ScalarNode s && s.isString() && !"null".equals(s.value())) {
                    names.add((String) s.value());
                }
            }
            if (names.size() == 1) return names.get(0);
            if (names.size() == 2 && names.contains("integer") && names.contains("number")) return "number";
        }
        return null;
    }

    // ---- shared helpers ------------------------------------------------------------------

    List<SpecNode> allOfMembers(MapNode schema) {
        return expect.list(schema, "allOf").map(ListNode::items).orElse(List.of());
    }

    /** Follows refs to an object node (a path item, parameter, message...); reports any other kind. */
    Optional<MapNode> followToObject(SpecNode node) {
        Optional<RefResolver.Target> t = resolver.follow(node);
        if (t.isEmpty()) return Optional.empty();
        if (t.get().node() instanceof MapNode m) return Optional.of(m);
        expect.wrongKind(t.get().node(), "value", "an object");
        return Optional.empty();
    }

    /** True when a schema (through refs) describes an object: properties, type object, or a composition of objects. */
    boolean objectLike(SpecNode node) {
        Optional<RefResolver.Target> t = resolver.follow(node);
        if (t.isEmpty() || !(t.get().node() instanceof MapNode m)) return false;
        if (m.has("properties") || "object".equals(typeName(m)) || m.has("additionalProperties")) return true;
        for (String key : List.of("allOf", "oneOf", "anyOf")) {
            if (m.get(key) instanceof ListNode l && l.items().stream().anyMatch(i -> i != node && objectLike(i))) {
                return true;
            }
        }
        return false;
    }

    /** Keywords that describe a schema without constraining its values. */
    private static final Set<String> ANNOTATIONS = Set.of(
            "title",
            "description",
            "nullable",
            "x-nullable",
            "default",
            "example",
            "examples",
            "deprecated",
            "readOnly",
            "writeOnly",
            "externalDocs",
            "$comment");

    /**
     * True when an allOf member only annotates ({@code {nullable: true}}, {@code {description: …}}) and adds no
     * constraint.
     */
    boolean annotationOnly(SpecNode node) {
        if (!(node instanceof MapNode m) || m.entries().isEmpty()) return false;
        return m.entries().keySet().stream().allMatch(k -> ANNOTATIONS.contains(k) || k.startsWith("x-"));
    }

    /** Whether an allOf's annotation members set {@code key} to true (e.g. {@code allOf: [$ref, {nullable: true}]}). */
    private boolean annotatedTrue(MapNode schema, String key) {
        return schema.get("allOf") instanceof ListNode l
                && l.items().stream().anyMatch(i -> annotationOnly(i) && ((MapNode) i).isTrue(key));
    }

    /** The member of a non-object allOf that carries the type: the first with a $ref, a type, an enum or items. */
    private SpecNode mainMember(List<SpecNode> members) {
        for (SpecNode m : members) {
            if (m instanceof MapNode map
                    && (map.has("$ref")
                            || map.has("type")
                            || map.has("enum")
                            || map.has("const")
                            || map.has("items"))) {
                return m;
            }
        }
        return members.get(0);
    }

    /** True when the schema (or the ref's siblings) allows null. */
    boolean nullable(SpecNode node) {
        if (!(node instanceof MapNode map)) return false;
        if (map.isTrue("nullable") || map.isTrue("x-nullable")) return true;
        if (map.get("type") instanceof ListNode l
                && l.items().stream().anyMatch(i -> i instanceof ScalarNode s && "null".equals(s.value()))) return true;
        for (String key : List.of("oneOf", "anyOf")) {
            if (map.get(key) instanceof ListNode l && l.items().stream().anyMatch(this::isNullSchema)) return true;
        }
        if (map.has("$ref")) {
            return resolver.follow(map)
                    .map(t -> t.node() != map && nullable(t.node()))
                    .orElse(false);
        }
        if (map.get("allOf") instanceof ListNode l && l.items().size() == 1) {
            return nullable(l.items().get(0));
        }
        if (annotatedTrue(map, "nullable") || annotatedTrue(map, "x-nullable")) return true;
        return false;
    }

    /** The fixed value of a {@code const} or one-value {@code enum} string property, if any. */
    String constValue(SpecNode node) {
        Property.FixedValue fixed = fixedValue(node);
        return fixed != null && fixed.kind() == Property.FixedValue.Kind.STRING ? fixed.text() : null;
    }

    /** The only value a {@code const} or one-value {@code enum} allows (a string, number or boolean), if any. */
    Property.FixedValue fixedValue(SpecNode node) {
        Optional<RefResolver.Target> t = resolver.follow(node);
        if (t.isEmpty() || !(t.get().node() instanceof MapNode m)) return null;
        if (m.get("const") instanceof ScalarNode c) return fixed(c);
        if (m.get("enum") instanceof ListNode l) {
            List<SpecNode> nonNull = l.items().stream()
                    .filter(i -> !(i instanceof ScalarNode s && s.isNull()))
                    .toList();
            if (nonNull.size() == 1 && nonNull.get(0) instanceof ScalarNode s) return fixed(s);
        }
        if (m.get("allOf") instanceof ListNode l && l.items().size() == 1) {
            return fixedValue(l.items().get(0));
        }
        return null;
    }

    private static Property.FixedValue fixed(ScalarNode value) {
        if (value.isString()) return new Property.FixedValue(Property.FixedValue.Kind.STRING, (String) value.value());
        if (value.value() instanceof Boolean) {
            return new Property.FixedValue(Property.FixedValue.Kind.BOOLEAN, value.text());
        }
        if (value.isNumber()) return new Property.FixedValue(Property.FixedValue.Kind.NUMBER, value.text());
        return null;
    }

    /** True when the property schema, or the schema its ref points to, is {@code readOnly}. */
    private boolean readOnly(SpecNode node) {
        if (!(node instanceof MapNode map)) return false;
        if (map.isTrue("readOnly")) return true;
        if (map.has("$ref")) {
            return resolver.follow(map)
                    .map(t -> t.node() != map && readOnly(t.node()))
                    .orElse(false);
        }
        if (map.get("allOf") instanceof ListNode l && l.items().size() == 1) {
            return readOnly(l.items().get(0));
        }
        return annotatedTrue(map, "readOnly");
    }

    Doc doc(MapNode schema) {
        return new Doc(
                text(schema, "title"),
                text(schema, "description"),
                schema.isTrue("deprecated"),
                literal(schema.get("default")),
                literal(schema.get("example")));
    }

    /** Documentation at a use site: the ref's own siblings win over the target's. */
    Doc propertyDoc(SpecNode node) {
        if (!(node instanceof MapNode map)) return Doc.NONE;
        Doc own = doc(map);
        if (!map.has("$ref")) return own;
        Doc target = resolver.follow(map)
                .map(t -> t.node() instanceof MapNode m ? doc(m) : Doc.NONE)
                .orElse(Doc.NONE);
        return new Doc(
                own.title() != null ? own.title() : target.title(),
                own.description() != null ? own.description() : target.description(),
                own.deprecated() || target.deprecated(),
                own.defaultValue() != null ? own.defaultValue() : target.defaultValue(),
                own.example() != null ? own.example() : target.example());
    }

    private static String text(MapNode map, String key) {
        return map.get(key) instanceof ScalarNode s && s.isString() ? (String) s.value() : null;
    }

    private static String literal(SpecNode node) {
        if (node instanceof ScalarNode s) return s.isNull() ? null : s.text();
        return null;
    }

    static List<String> with(List<String> hint, String part) {
        List<String> out = new ArrayList<>(hint);
        out.add(part);
        return out;
    }

    /**
     * Name parts for a schema reached by ref: its key under a schemas/definitions map, else the nearest named segment.
     */
    static List<String> hintFromPointer(SpecNode node) {
        String pointer = node.pointer();
        String[] parts =
                pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/");
        Set<String> structural = Set.of(
                "properties",
                "items",
                "schema",
                "content",
                "schemas",
                "components",
                "definitions",
                "$defs",
                "allOf",
                "oneOf",
                "anyOf",
                "payload",
                "messages",
                "additionalProperties",
                "responses",
                "requestBody",
                "parameters",
                "channels",
                "paths");
        List<String> hint = new ArrayList<>();
        for (int i = parts.length - 1; i >= 0 && hint.size() < 2; i--) {
            String p = Pointers.unescape(parts[i]);
            if (structural.contains(p) || p.matches("\\d+")) {
                if (!hint.isEmpty()) break;
                continue;
            }
            hint.add(0, p);
            if (i > 0
                    && (parts[i - 1].equals("schemas")
                            || parts[i - 1].equals("definitions")
                            || parts[i - 1].equals("$defs")
                            || parts[i - 1].equals("messages"))) {
                break;
            }
        }
        if (hint.isEmpty()) {
            String file = node.location().file().getFileName().toString();
            hint.add(file.replaceFirst("\\.[^.]*$", ""));
        }
        return hint;
    }

    /** The broad shape of a schema, which decides whether it becomes a class. */
    enum Shape {
        OBJECT,
        ENUM,
        UNION,
        ALL_OF_SINGLE,
        ARRAY,
        MAP,
        SCALAR,
        ANY;

        static Shape of(MapNode schema, SchemaTranslator t) {
            List<SpecNode> allOf = t.allOfMembers(schema);
            boolean hasProperties = schema.get("properties") instanceof MapNode p
                    && !p.entries().isEmpty();
            if (!allOf.isEmpty()) {
                if (allOf.size() == 1 && !hasProperties && !schema.has("oneOf") && !schema.has("anyOf")) {
                    return ALL_OF_SINGLE;
                }
                // "allOf: [$ref: Id, {description: ...}]" annotates a scalar; only object members make an object merge.
                if (!hasProperties
                        && !schema.has("oneOf")
                        && !schema.has("anyOf")
                        && allOf.stream().noneMatch(t::objectLike)) {
                    return ALL_OF_SINGLE;
                }
                // "allOf: [$ref: Union, {nullable: true}]": one schema plus annotations is that schema (an object, a
                // union...), never a merged copy; the annotations' nullable/readOnly apply to the property.
                if (!hasProperties
                        && !schema.has("oneOf")
                        && !schema.has("anyOf")
                        && allOf.stream().filter(m -> !t.annotationOnly(m)).count() == 1) {
                    return ALL_OF_SINGLE;
                }
                return OBJECT;
            }
            if (hasProperties) return OBJECT;
            if (schema.has("oneOf") || schema.has("anyOf")) {
                List<SpecNode> members = t.nonNullMembers(schema);
                if (members.isEmpty()) return ANY;
                if (members.size() == 1) return UNION; // translateComposition passes it through
                if (t.allStringLike(members)) return t.enumItems(schema).size() >= 1 ? ENUM : SCALAR;
                return UNION;
            }
            String type = typeName(schema);
            if (schema.get("enum") instanceof ListNode l) {
                long nonNull = l.items().stream()
                        .filter(i -> !(i instanceof ScalarNode s && s.isNull()))
                        .count();
                boolean stringsOrInts = "string".equals(type)
                        || "integer".equals(type)
                        || (type == null
                                && l.items().stream()
                                        .allMatch(i -> i instanceof ScalarNode s && (s.isString() || s.isNull())));
                if (nonNull >= 2 && stringsOrInts) return ENUM;
                if (nonNull == 1) return SCALAR;
            }
            if ("array".equals(type) || (type == null && schema.has("items"))) return ARRAY;
            if ("object".equals(type) || (type == null && schema.has("additionalProperties"))) return MAP;
            if (type != null || schema.has("const") || schema.has("enum")) return SCALAR;
            return ANY;
        }
    }

    /** True when every member is a string (plain, enum or const): then the union is an open enum or a string. */
    boolean allStringLike(List<SpecNode> members) {
        for (SpecNode m : members) {
            Optional<RefResolver.Target> t = resolver.follow(m);
            if (t.isEmpty() || !(t.get().node() instanceof MapNode s)) return false;
            String type = typeName(s);
            boolean stringEnum = s.get("enum") instanceof ListNode l
                    && l.items().stream().allMatch(i -> i instanceof ScalarNode x && (x.isString() || x.isNull()));
            boolean stringConst = s.get("const") instanceof ScalarNode c && c.isString();
            if (!(("string".equals(type) && !s.has("format"))
                    || ((type == null || "string".equals(type)) && (stringEnum || stringConst)))) {
                return false;
            }
            if (s.has("properties") || s.has("oneOf") || s.has("anyOf") || s.has("allOf")) return false;
        }
        return true;
    }
}
