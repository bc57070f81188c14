package autosdk.emit.java;

import autosdk.model.EnumType;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits a oneOf/anyOf as a sealed interface with one record per variant and an {@code Unknown}
 * record that keeps the raw JSON of anything no variant matches. Variants are chosen by the
 * discriminating property when there is one (reading straight on when it comes first), else by
 * the JSON token and the shape of the object.
 */
final class UnionEmitter {
    /** The types nested in every union beside its variant records; variant records are named around them. */
    private enum Own implements JavaNames.Own {
        UNKNOWN("Unknown"),
        /** See {@link JavaTypes#codec}. */
        CODEC("Codec");

        private final String javaName;

        Own(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    private final JavaTypes types;

    UnionEmitter(JavaTypes types) {
        this.types = types;
    }

    /**
     * A variant with its record's name and the name of its static factory: {@code of} when no other variant's Java type
     * erases to the same class (so overloads cannot clash), else the record's name in lower camel case
     * ({@code ofList2}).
     * {@code overloadable} says whether builders may offer a setter overload taking the variant's value directly.
     */
    record Case(
            UnionType.Variant variant, ClassName record, TypeName valueType, String factory, boolean overloadable) {}

    /** The variants of a union as the emitted code names them; builders use this for their per-variant setters. */
    List<Case> cases(UnionType union, ClassName self) {
        // The types the union refers to are reserved after its own: a record named like one (a variant's type, the
        // union itself, the runtime's Json its codec calls) would shadow it inside the union, and the emitted code
        // would
        // have to spell its package out at every use. Only the union's own types count, so a union gets the same names
        // in every run that emits or uses it (two-step generation).
        List<String> referenced = new ArrayList<>(List.of(self.simpleName(), "Json"));
        for (UnionType.Variant v : union.variants()) addClassNames(types.javaType(v.type()), referenced);
        JavaNames.Scope scope = new JavaNames.Scope(true, List.of());
        scope.declare(Own.values());
        scope.reserve(referenced);
        List<String> names = new ArrayList<>();
        List<TypeName> valueTypes = new ArrayList<>();
        Map<TypeName, Integer> erasures = new LinkedHashMap<>();
        for (UnionType.Variant v : union.variants()) {
            names.add(scope.allocate(variantName(v.type())));
            TypeName valueType = types.javaType(v.type()).box();
            valueTypes.add(valueType);
            erasures.merge(erasure(valueType), 1, Integer::sum);
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean unique = erasures.get(erasure(valueTypes.get(i))) == 1;
            cases.add(new Case(
                    union.variants().get(i),
                    self.nestedClass(names.get(i)),
                    valueTypes.get(i),
                    unique ? "of" : "o" + names.get(i).substring(1),
                    unique));
        }
        return cases;
    }

    private static void addClassNames(TypeName type, List<String> out) {
        if (type instanceof ClassName c) out.add(c.simpleName());
        if (type instanceof ParameterizedTypeName p) {
            out.add(p.rawType().simpleName());
            p.typeArguments().forEach(t -> addClassNames(t, out));
        }
    }

    private static TypeName erasure(TypeName type) {
        return type instanceof ParameterizedTypeName p ? p.rawType() : type;
    }

    TypeSpec emit(UnionType union, ClassName self) {
        List<Case> cases = cases(union, self);
        ClassName unknown = self.nestedClass(Own.UNKNOWN.javaName());
        ClassName jsonValue = types.runtime("JsonValue");

        // Every permitted record is nested here, so Java infers them: no permits clause (thousands of characters
        // in large unions).
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc(Javadocs.of(
                        union.doc(),
                        "One of several shapes ({@code " + Javadocs.escape(String.join(".", union.nameHint())) + "})."))
                .addJavadoc("""

                <p>Build one with the static {@code of} factories; read one with an {@code instanceof} chain over the
                records (Java 17) or a pattern {@code switch} (Java 21); {@link Unknown} holds JSON that matches \
                no variant.
                """);
        if (union.doc().deprecated()) type.addAnnotation(Deprecated.class);
        for (Case c : cases) {
            TypeSpec.Builder record = TypeSpec.recordBuilder(c.record())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .recordConstructor(MethodSpec.constructorBuilder()
                            .addParameter(c.valueType(), "value")
                            .build())
                    .addSuperinterface(self)
                    // "Shape[Circle{radius=2}]" names the union and shows the value once, not
                    // "Circle[value=Circle{...}]".
                    .addMethod(MethodSpec.methodBuilder("toString")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(String.class)
                            .addStatement(
                                    "return $S + $L + $S",
                                    self.simpleName() + "[",
                                    c.valueType().equals(TypeName.get(byte[].class))
                                            ? "(value == null ? \"null\" : value.length + \" bytes\")"
                                            : "value",
                                    "]")
                            .build());
            if (!c.variant().discriminatorValues().isEmpty()) {
                record.addJavadoc(
                        "The variant for {@code $L} = {@code $L}.\n",
                        Javadocs.escape(union.discriminator()),
                        Javadocs.escape(String.join(", ", c.variant().discriminatorValues())));
            }
            type.addType(record.build());
        }
        type.addType(TypeSpec.recordBuilder(unknown)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(jsonValue, "json")
                        .build())
                .addSuperinterface(self)
                .addJavadoc("JSON that matches no known variant, kept whole so it can be inspected and written back.\n")
                .build());

        for (Case c : cases) {
            type.addMethod(MethodSpec.methodBuilder(c.factory())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(self)
                    .addParameter(c.valueType(), "value")
                    .addJavadoc("The {@link $T} variant holding {@code value}.\n", c.record())
                    .addStatement("return new $T(value)", c.record())
                    .build());
        }
        TypeSpec.Builder codec = Codecs.holder(self);
        codec.addMethod(readJson(union, self, cases));
        List<MethodSpec> scoreMethods = new ArrayList<>();
        codec.addMethod(fromTree(union, self, cases, unknown, scoreMethods));
        codec.addMethods(scoreMethods);
        if (union.discriminator() != null) {
            codec.addMethod(choose(union, cases));
            codec.addMethod(readVariant(self, cases));
        }
        codec.addMethod(writeJson(union, self, cases, unknown));
        return type.addType(codec.build()).build();
    }

    /**
     * {@code Of} plus what the variant holds ({@code OfTextContent}, {@code OfString}, {@code OfList}): never the name
     * of the wrapped type itself, which the record would shadow, and read as a pair with the {@code of} factories.
     */
    private String variantName(TypeRef type) {
        if (type instanceof TypeRef.Named n && types.className(n.id()) != null) {
            return "Of" + types.className(n.id()).simpleName();
        }
        if (type instanceof TypeRef.Scalar s) {
            String held = types.javaType(s) instanceof ClassName c
                    ? c.simpleName()
                    : s.kind().name();
            return JavaNames.typeName(List.of("of", held));
        }
        if (type instanceof TypeRef.ListOf) return "OfList";
        if (type instanceof TypeRef.MapOf) return "OfMap";
        return "OfJson";
    }

    private MethodSpec readJson(UnionType union, ClassName self, List<Case> cases) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(types.jackson().parser(), "p")
                .addException(IOException.class)
                .addJavadoc(
                        "Reads one value, choosing the variant without buffering when the discriminator comes first.\n")
                .addStatement(
                        "if (p.currentToken() == $T.VALUE_NULL) return null",
                        types.jackson().token());
        ClassName json = types.runtime("Json");
        if (union.discriminator() != null) {
            m.beginControlFlow(
                            "if (p.currentToken() == $T.START_OBJECT)",
                            types.jackson().token())
                    .addStatement("$T t = p.nextToken()", types.jackson().token())
                    .beginControlFlow(
                            "if (t == $T.$L && $S.equals(p.currentName()))",
                            types.jackson().token(),
                            types.jackson().nameToken(),
                            union.discriminator())
                    .addStatement("p.nextToken()")
                    .beginControlFlow(
                            "if (p.currentToken() == $T.VALUE_STRING)",
                            types.jackson().token())
                    .beginControlFlow("switch (p.$L())", types.jackson().getText());
            Map<String, List<Case>> byValue = byValue(cases);
            for (Case c : cases) {
                List<String> unique = c.variant().discriminatorValues().stream()
                        .filter(v -> byValue.get(v).size() == 1)
                        .toList();
                if (!isObject(c.variant().type()) || unique.isEmpty()) continue;
                for (String value : unique) m.addCode("case $S:\n", value);
                m.addCode("$>")
                        .addStatement(
                                "return new $T($T.readAfterField(p, $S))",
                                c.record(),
                                JavaTypes.codec(types.className(
                                        ((TypeRef.Named) c.variant().type()).id())),
                                union.discriminator())
                        .addCode("$<");
            }
            m.addCode("default:\n").addCode("$>").addStatement("break").addCode("$<");
            // Elsewhere in the object: buffer members only until they decide the variant (see choose), then stream.
            m.endControlFlow()
                    .endControlFlow()
                    .addStatement(
                            "return $T.readUnionObject(p, $S, Codec::choose, Codec::readVariant, Codec::fromTree)",
                            json,
                            union.discriminator())
                    .endControlFlow()
                    .addStatement(
                            "return $T.readUnionObject(p, null, Codec::choose, Codec::readVariant, Codec::fromTree)",
                            json)
                    .endControlFlow();
        }
        m.addStatement("return fromTree($T.readValue(p))", json);
        return m.build();
    }

    /**
     * Chooses a variant for a buffered value: by discriminator, else by JSON kind, and for objects by
     * the variant whose required properties are all present and which knows most of the properties.
     */
    private MethodSpec fromTree(
            UnionType union, ClassName self, List<Case> cases, ClassName unknown, List<MethodSpec> scoreMethods) {
        ClassName json = types.runtime("Json");
        ClassName jsonValue = types.runtime("JsonValue");
        MethodSpec.Builder m = MethodSpec.methodBuilder("fromTree")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(jsonValue, "v")
                .addException(IOException.class)
                .addJavadoc("Chooses the variant for an already parsed value; anything unmatched becomes "
                        + "{@link Unknown}.\n")
                .addStatement("if (v instanceof $T.JsonNull) return null", jsonValue);
        if (union.discriminator() != null) {
            m.beginControlFlow(
                            "if (v instanceof $T.JsonObject o && o.get($S) instanceof $T.JsonString s)",
                            jsonValue,
                            union.discriminator(),
                            jsonValue)
                    .beginControlFlow("switch (s.value())");
            Map<String, List<Case>> byValue = byValue(cases);
            for (Case c : cases) {
                List<String> unique = c.variant().discriminatorValues().stream()
                        .filter(v -> byValue.get(v).size() == 1)
                        .toList();
                if (unique.isEmpty()) continue;
                for (String value : unique) m.addCode("case $S:\n", value);
                m.addCode("$>")
                        .addStatement(
                                "return new $T($T.decode(v, $L))",
                                c.record(),
                                json,
                                types.reader(c.variant().type()))
                        .addCode("$<");
            }
            // Values several variants share are told apart by shape below.
            List<String> shared = byValue.entrySet().stream()
                    .filter(e -> e.getValue().size() > 1)
                    .map(Map.Entry::getKey)
                    .toList();
            for (String value : shared) m.addCode("case $S:\n", value);
            if (!shared.isEmpty()) m.addCode("$>").addStatement("break").addCode("$<");
            m.addCode("default:\n")
                    .addCode("$>")
                    .addStatement("return new $T(v)", unknown)
                    .addCode("$<");
            m.endControlFlow().endControlFlow();
        }
        // Objects: rank the object variants by shape, then decode the best one that accepts the value.
        List<Case> objects = cases.stream()
                .filter(c -> types.isObjectLike(c.variant().type()))
                .toList();
        if (!objects.isEmpty()) {
            CodeBlock.Builder scores = CodeBlock.builder().add("int[] scores = {");
            for (int i = 0; i < objects.size(); i++) scores.add(i == 0 ? "score$L(o)" : ", score$L(o)", i);
            m.beginControlFlow("if (v instanceof $T.JsonObject o)", jsonValue)
                    .addStatement(scores.add("}").build())
                    .beginControlFlow("for (int i : $T.rankDescending(scores))", json)
                    .addStatement("if (scores[i] == $T.MIN_VALUE) break", Integer.class)
                    .beginControlFlow("switch (i)");
            for (int i = 0; i < objects.size(); i++) {
                Case c = objects.get(i);
                m.addCode("case $L: {\n", i)
                        .addCode("$>")
                        .addStatement(
                                "$T value = $T.tryDecode(v, $L)",
                                c.valueType(),
                                json,
                                types.reader(c.variant().type()))
                        .addStatement("if (value != null) return new $T(value)", c.record())
                        .addStatement("break")
                        .addCode("$<")
                        .addCode("}\n");
            }
            m.endControlFlow()
                    .endControlFlow()
                    .addStatement("return new $T(v)", unknown)
                    .endControlFlow();
            for (int i = 0; i < objects.size(); i++) scoreMethods.add(scoreMethod(i, objects.get(i)));
        }
        // Other JSON kinds: the first variant whose reader accepts the value, in the spec's order.
        for (Case c : cases) {
            if (types.isObjectLike(c.variant().type())) continue;
            m.addStatement(
                    "if ($T.isKind(v, $S) && $T.accepts(v, $L)) return new $T($T.decode(v, $L))",
                    json,
                    jsonKind(c.variant().type()),
                    json,
                    types.reader(c.variant().type()),
                    c.record(),
                    json,
                    types.reader(c.variant().type()));
        }
        m.addStatement("return new $T(v)", unknown);
        return m.build();
    }

    /**
     * The variant that the members of an object read so far decide, or -1 while they do not (yet): the one that
     * {@code fromTree} would try first and alone, so that streaming the rest into it gives what buffering would.
     * A discriminator value of one variant decides; a value several variants share decides once the fixed values
     * (const or one-value enum properties, such as a message's {@code role}) rule out every object variant but one.
     * An unknown value never decides: {@code fromTree} keeps the whole value as {@code Unknown}. It sees the members
     * only through {@code Json.UnionMembers}, so the runtime asks it again only when a member it asked about arrives.
     */
    private MethodSpec choose(UnionType union, List<Case> cases) {
        ClassName json = types.runtime("Json");
        MethodSpec.Builder m = MethodSpec.methodBuilder("choose")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(json.nestedClass("UnionMembers"), "m")
                .addStatement("$T s = m.string($S)", String.class, union.discriminator())
                .addStatement("if (s == null) return -1")
                .beginControlFlow("switch (s)");
        Map<String, List<Case>> byValue = byValue(cases);
        for (int i = 0; i < cases.size(); i++) {
            List<String> unique = cases.get(i).variant().discriminatorValues().stream()
                    .filter(v -> byValue.get(v).size() == 1)
                    .toList();
            if (unique.isEmpty()) continue;
            for (String value : unique) m.addCode("case $S:\n", value);
            m.addCode("$>").addStatement("return $L", i).addCode("$<");
        }
        // A shared value: fromTree ranks the object variants; the one no fixed value rules out is tried alone. Values
        // that leave the same candidates share one block.
        Map<CodeBlock, List<String>> sharedBlocks = new LinkedHashMap<>();
        byValue.forEach((value, holders) -> {
            if (holders.size() > 1) {
                sharedBlocks
                        .computeIfAbsent(sharedChoice(union, cases, value), k -> new ArrayList<>())
                        .add(value);
            }
        });
        sharedBlocks.forEach((block, values) -> {
            for (int i = 0; i < values.size(); i++) {
                m.addCode(i == values.size() - 1 ? "case $S: {\n" : "case $S:\n", values.get(i));
            }
            m.addCode("$>").addCode(block).addCode("$<}\n");
        });
        return m.addCode("default:\n")
                .addCode("$>")
                .addStatement("return -1")
                .addCode("$<")
                .endControlFlow()
                .build();
    }

    /**
     * The choice among the object variants for a discriminator value several variants share: the one whose fixed
     * values the members allow, if it is the only one. A variant whose fixed discriminator is another value is no
     * candidate, and the fixed discriminator of the others is already known to match.
     */
    private CodeBlock sharedChoice(UnionType union, List<Case> cases, String value) {
        ClassName json = types.runtime("Json");
        CodeBlock.Builder out = CodeBlock.builder().addStatement("int found = -1");
        for (int i = 0; i < cases.size(); i++) {
            if (!types.isObjectLike(cases.get(i).variant().type())) continue;
            Map<String, String> fixed = fixedValues(cases.get(i).variant().type());
            String discriminator = fixed.remove(union.discriminator());
            if (discriminator != null && !discriminator.equals(value)) continue;
            CodeBlock.Builder allowed = CodeBlock.builder();
            fixed.forEach((name, v) -> allowed.add(
                    allowed.isEmpty() ? "$T.allows(m, $S, $S)" : " && $T.allows(m, $S, $S)", json, name, v));
            if (!allowed.isEmpty()) out.beginControlFlow("if ($L)", allowed.build());
            out.addStatement("if (found >= 0) return -1").addStatement("found = $L", i);
            if (!allowed.isEmpty()) out.endControlFlow();
        }
        return out.addStatement("return found").build();
    }

    /** Reads the variant {@code choose} named, straight from the parser. */
    private MethodSpec readVariant(ClassName self, List<Case> cases) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("readVariant")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(self)
                .addParameter(int.class, "variant")
                .addParameter(types.jackson().parser(), "p")
                .addException(IOException.class)
                .beginControlFlow("switch (variant)");
        for (int i = 0; i < cases.size(); i++) {
            m.addCode("case $L:\n", i)
                    .addCode("$>")
                    .addStatement(
                            "return new $T($L)",
                            cases.get(i).record(),
                            types.read(cases.get(i).variant().type(), "p"))
                    .addCode("$<");
        }
        m.addCode("default:\n")
                .addCode("$>")
                .addStatement("throw new $T($S + variant)", IllegalArgumentException.class, "no variant ")
                .addCode("$<");
        return m.endControlFlow().build();
    }

    /**
     * How well an object fits a variant: a fixed-value property with another value rules it out
     * ({@code Integer.MIN_VALUE}); a missing required property costs 1000 (servers do omit them),
     * a matching fixed value counts 100, every known property 10 and every unknown one -1.
     */
    private MethodSpec scoreMethod(int index, Case c) {
        ClassName jsonValue = types.runtime("JsonValue");
        UnionType.Variant variant = c.variant();
        MethodSpec.Builder m = MethodSpec.methodBuilder("score" + index)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(jsonValue.nestedClass("JsonObject"), "o")
                .addStatement("int score = 0");
        for (String required : variant.requiredProperties()) {
            m.addStatement("if (!o.members().containsKey($S)) score -= 1000", required);
        }
        // A fixed value that differs rules the variant out: the object is some other (maybe newer) variant.
        fixedValues(variant.type())
                .forEach((name, value) -> m.beginControlFlow("if (o.get($S) != null)", name)
                        .addStatement(
                                "if (!(o.get($S) instanceof $T.JsonString s && s.value().equals($S))) return "
                                        + "$T.MIN_VALUE",
                                name,
                                jsonValue,
                                value,
                                Integer.class)
                        .addStatement("score += 100")
                        .endControlFlow());
        if (!variant.knownProperties().isEmpty()) {
            m.beginControlFlow("for ($T key : o.members().keySet())", String.class)
                    .beginControlFlow("switch (key)");
            for (String known : variant.knownProperties()) m.addCode("case $S:\n", known);
            m.addCode("$>")
                    .addStatement("score += 10")
                    .addStatement("break")
                    .addCode("$<")
                    .addCode("default:\n")
                    .addCode("$>")
                    .addStatement("score -= 1")
                    .addCode("$<")
                    .endControlFlow()
                    .endControlFlow();
        }
        return m.addStatement("return score").build();
    }

    /** The properties of an object variant that have one fixed string value (const or one-value enum). */
    private Map<String, String> fixedValues(TypeRef type) {
        Map<String, String> out = new LinkedHashMap<>();
        if (type instanceof TypeRef.Named n && types.model().type(n.id()) instanceof ObjectType o) {
            for (Property p : o.properties()) {
                if (p.constValue() != null) out.put(p.jsonName(), p.constValue());
            }
        }
        return out;
    }

    /**
     * Writes the variant's value. A variant told apart by the spec's {@code discriminator.mapping} (or its schema name)
     * whose object does not carry the value itself as a fixed value also writes the discriminator: the record says
     * which variant it is, so the JSON must too. Fixed values are pre-filled by the object's builder.
     */
    private MethodSpec writeJson(UnionType union, ClassName self, List<Case> cases, ClassName unknown) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("write")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(types.jackson().generator(), "g")
                .addParameter(self, "v")
                .addException(IOException.class);
        for (Case c : cases) {
            String value = impliedDiscriminator(union, c);
            CodeBlock write = value == null
                    ? types.write(c.variant().type(), "g", CodeBlock.of("c.value()"))
                    : CodeBlock.of(
                            "$T.writeWithMember(g, c.value(), $L, $S, $S)",
                            types.runtime("Json"),
                            types.writer(c.variant().type()),
                            union.discriminator(),
                            value);
            m.beginControlFlow("if (v instanceof $T c)", c.record())
                    .addStatement("if (c.value() == null) g.writeNull(); else $L", write)
                    .addStatement("return")
                    .endControlFlow();
        }
        m.addStatement("$T.writeValue(g, (($T) v).json())", types.runtime("Json"), unknown);
        return m.build();
    }

    /** The discriminator value to add when writing an object variant that does not pre-fill it, else null. */
    private String impliedDiscriminator(UnionType union, Case c) {
        String property = union.discriminator();
        if (property == null
                || property.startsWith("/")
                || c.variant().discriminatorValues().isEmpty()) return null;
        if (!(c.variant().type() instanceof TypeRef.Named n) || !(types.model().type(n.id()) instanceof ObjectType o)) {
            return null;
        }
        boolean prefilled =
                o.properties().stream().anyMatch(p -> p.jsonName().equals(property) && p.constValue() != null);
        return prefilled ? null : c.variant().discriminatorValues().get(0);
    }

    /** The JSON kind a non-object variant expects, so "42" never lands in a string variant. */
    private String jsonKind(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case INT32, INT64, BIG_INTEGER -> "integer";
                case FLOAT, DOUBLE, DECIMAL -> "number";
                case BOOLEAN -> "boolean";
                default -> "string";
            };
        }
        if (type instanceof TypeRef.ListOf) return "array";
        if (type instanceof TypeRef.Named n && types.model().type(n.id()) instanceof EnumType e) {
            return e.integer() ? "integer" : "string";
        }
        return "any";
    }

    private static Map<String, List<Case>> byValue(List<Case> cases) {
        Map<String, List<Case>> out = new LinkedHashMap<>();
        for (Case c : cases) {
            for (String v : c.variant().discriminatorValues()) {
                out.computeIfAbsent(v, k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    private boolean isObject(TypeRef type) {
        if (!(type instanceof TypeRef.Named n)) return false;
        NamedType t = types.model().type(n.id());
        return t instanceof ObjectType && types.className(n.id()) != null;
    }
}
