package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.LIST;
import static autosdk.emit.java.JavaClasses.MAP;

import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits an object schema as an immutable class with a builder and its streaming codec. Each
 * property remembers whether it was present, so an explicit {@code null} stays distinguishable
 * from an absent property, and unknown properties are kept and written back. Builders pre-fill fixed values
 * ({@code const}, one-value {@code enum}) so they are always sent, and {@code build()} refuses an object missing a
 * required property; decoding skips both, keeping exactly what came. Text that is no valid uuid/date/base64 is kept
 * raw instead of failing the document; its accessor throws.
 */
final class ObjectEmitter {
    /** The members the class and its builder declare themselves; properties are named around them. */
    private enum Own implements JavaNames.Own {
        BUILDER("builder"),
        TO_BUILDER("toBuilder"),
        BUILD("build"),
        ADDITIONAL_PROPERTIES("additionalProperties"),
        ADDITIONAL_PROPERTY("additionalProperty"),
        PRESENT("present"),
        MALFORMED("malformed"),
        MALFORMED_VALUES("malformedValues"),
        READ_REST("readRest"),
        /** No longer declared (decoding is one loop, {@code readRest}); still reserved so property names stay. */
        READ_FIELD("readField"),
        FIELD_VALUES("fieldValues"),
        BUILDER_CLASS("Builder");

        private final String javaName;

        Own(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");

    private final JavaTypes types;
    /** {@code Map<String, JsonValue>}: values that did not parse as their format, by JSON name. */
    private final TypeName malformedType;

    ObjectEmitter(JavaTypes types) {
        this.types = types;
        this.malformedType = ParameterizedTypeName.get(MAP, ClassName.get(String.class), types.runtime("JsonValue"));
    }

    /**
     * A property with the Java names chosen for it. {@code fixed} is the Java expression of its fixed value, which
     * builders pre-fill (null when it has none); {@code format} names the string format whose text may fail to parse
     * (uuid, date-time...), kept raw instead of failing the document (null for other types).
     */
    private record Member(
            Property property,
            int index,
            String name,
            String presence,
            String clear,
            String adder,
            TypeName type,
            CodeBlock fixed,
            String format) {
        /** Must be set before {@code build()}: required, not sent by the server only, and not pre-filled. */
        boolean mustBeSet() {
            return property.required() && !property.readOnly() && property.fixed() == null;
        }
    }

    /**
     * The type of a property's accessor and field: may be null unless the property is required and not nullable.
     * (Reading
     * is lenient, so a server that omits a required property still yields null there; docs/options.md says so.)
     */
    private TypeName accessorType(Member m) {
        return types.nullness()
                .nullableIf(!m.property().required() || m.property().nullable(), m.type());
    }

    TypeSpec emit(ObjectType object, ClassName self) {
        List<Member> members = members(object);
        Presence presence = new Presence(members.size());
        ClassName objects = types.runtime("JsonObjects");
        ClassName builder = self.nestedClass(Own.BUILDER_CLASS.javaName());
        TypeName extraValue = object.additionalValues() == null
                ? types.runtime("JsonValue")
                : types.javaType(object.additionalValues()).box();
        TypeName extrasType = ParameterizedTypeName.get(MAP, ClassName.get(String.class), extraValue);

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Javadocs.of(
                        object.doc(),
                        "The {@code " + Javadocs.escape(String.join(".", object.nameHint())) + "} schema."));
        if (object.doc().deprecated()) type.addAnnotation(Deprecated.class);

        MethodSpec.Builder constructor =
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
        for (Member m : members) {
            type.addField(FieldSpec.builder(accessorType(m), m.name(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            constructor.addStatement("this.$N = b.$N", m.name(), m.name());
        }
        type.addField(
                FieldSpec.builder(extrasType, Own.ADDITIONAL_PROPERTIES.javaName(), Modifier.PRIVATE, Modifier.FINAL)
                        .build());
        type.addField(FieldSpec.builder(presence.type(), Own.PRESENT.javaName(), Modifier.PRIVATE, Modifier.FINAL)
                .build());
        // Only objects with uuid/date/base64 properties can hold a malformed value.
        boolean formats = hasFormats(members);
        if (formats) {
            type.addField(FieldSpec.builder(malformedType, Own.MALFORMED.javaName(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
        }
        // Most objects have no unknown properties: frozen shares the empty map instead of copying one per object.
        constructor.addStatement("this.additionalProperties = $T.frozen(b.additionalProperties)", objects);
        constructor.addStatement("this.present = $L", presence.copy("b."));
        if (formats) constructor.addStatement("this.malformed = $T.frozen(b.malformed)", objects);
        type.addMethod(constructor.build());

        for (Member m : members) {
            MethodSpec.Builder getter = MethodSpec.methodBuilder(m.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(accessorType(m))
                    .addJavadoc(accessorJavadoc(m.property()));
            if (m.fixed() != null) {
                getter.addJavadoc(
                        "<p>Fixed value: {@code $L}; builders pre-fill it.\n",
                        Javadocs.escape(m.property().fixed().text()));
            }
            if (m.format() != null) {
                getter.addJavadoc(
                                "\n@throws $T when the JSON held text that is not a valid $L (kept in "
                                        + "{@link #malformedValues()})\n",
                                types.runtime("JsonFormatException"),
                                m.format())
                        .addStatement(
                                "$T bad = this.malformed.get($S)",
                                types.runtime("JsonValue"),
                                m.property().jsonName())
                        .addStatement(
                                "if (bad != null) throw new $T($S, $S, $S, bad)",
                                types.runtime("JsonFormatException"),
                                self.simpleName(),
                                m.property().jsonName(),
                                m.format());
            }
            getter.addStatement("return this.$N", m.name());
            if (m.property().doc().deprecated()) getter.addAnnotation(Deprecated.class);
            type.addMethod(getter.build());
            type.addMethod(MethodSpec.methodBuilder(m.presence())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addJavadoc(
                            "True when {@code $L} was set or present in JSON, even as an explicit {@code null}.\n",
                            Javadocs.escape(m.property().jsonName()))
                    .addStatement("return $L", presence.test("this.", m.index()))
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder(Own.ADDITIONAL_PROPERTIES.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(extrasType)
                .addJavadoc("Properties the schema does not declare, kept so that nothing a server sends is lost.\n")
                .addStatement("return this.additionalProperties")
                .build());
        if (formats) {
            type.addMethod(MethodSpec.methodBuilder(Own.MALFORMED_VALUES.javaName())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(malformedType)
                    .addJavadoc("""
                    Values the JSON held that do not parse as their property's format (a {@code uuid} that is \
                    no UUID), by
                    JSON name, exactly as they came; their accessors throw, the rest of the object reads normally.
                    """)
                    .addStatement("return this.malformed")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder(Own.BUILDER.javaName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A builder with every fixed value ({@code const} or one-value {@code enum}) already set.\n")
                .addStatement("return new $T($L)", builder, newBuilderArg(members, true))
                .build());
        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder(Own.TO_BUILDER.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addJavadoc("A builder holding this object's values, to make a changed copy; fixed values it "
                        + "lacks are filled in.\n")
                .addStatement("$T b = new $T($L)", builder, builder, newBuilderArg(members, true));
        for (Member m : members) {
            if (m.fixed() != null) {
                toBuilder.addStatement("if ($L) b.$N = this.$N", presence.test("this.", m.index()), m.name(), m.name());
            } else toBuilder.addStatement("b.$N = this.$N", m.name(), m.name());
        }
        toBuilder
                .addStatement("b.additionalProperties = $T.thawed(this.additionalProperties)", objects)
                .addStatement(presence.or("b.", "this.", objects));
        if (formats) toBuilder.addStatement("b.malformed = $T.thawed(this.malformed)", objects);
        toBuilder.addStatement("return b");
        type.addMethod(toBuilder.build());
        addEqualsHashCodeToString(type, self, members);
        type.addType(builderType(self, builder, members, presence, extraValue, extrasType));
        addCodec(type, object, self, builder, members, presence);
        return type.build();
    }

    /**
     * The property's description, its JSON name and whether it is required; a property without a description gets one
     * line naming it instead, which says the same.
     */
    private static CodeBlock accessorJavadoc(Property p) {
        String json = Javadocs.escape(p.jsonName());
        String required = p.required() ? "required" : "optional";
        boolean described = (p.doc().title() != null && !p.doc().title().isBlank())
                || (p.doc().description() != null && !p.doc().description().isBlank());
        if (!described) return Javadocs.of(p.doc(), "The " + required + " {@code " + json + "} property.");
        return CodeBlock.builder()
                .add(Javadocs.of(p.doc(), null))
                .add("<p>JSON name: {@code $L}; $L.\n", json, required)
                .build();
    }

    /** The Java names of an object's properties, in order: accessors and builder setters have these names. */
    static List<String> memberNames(ObjectType object) {
        return memberNames(object, memberScope());
    }

    /** The scope property names are allocated in: what {@link Object} and the emitted class declare come first. */
    private static JavaNames.Scope memberScope() {
        JavaNames.Scope scope = new JavaNames.Scope(false, JavaNames.OBJECT_METHODS);
        scope.declare(Own.values());
        return scope;
    }

    private static List<String> memberNames(ObjectType object, JavaNames.Scope scope) {
        List<String> names = new ArrayList<>();
        for (Property p : object.properties()) names.add(scope.allocate(JavaNames.memberName(p.jsonName())));
        return names;
    }

    private List<Member> members(ObjectType object) {
        JavaNames.Scope scope = memberScope();
        List<String> names = memberNames(object, scope);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < object.properties().size(); i++) {
            Property p = object.properties().get(i);
            String name = names.get(i);
            String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            String presence = accessorName(scope, "has", suffix, "is", "Present");
            String clear = accessorName(scope, "clear", suffix, "remove", "");
            // Lists of unions get adders taking one element, or one variant: addMessage(TextContent).
            String adder = unionOf(p.type() instanceof TypeRef.ListOf l ? l.item() : null) == null
                    ? null
                    : accessorName(scope, "add", singular(suffix), "addTo", suffix);
            TypeName type = types.javaType(p.type()).box();
            members.add(new Member(
                    p, i, name, presence, clear, adder, type, FixedValues.literal(p.fixed(), type), format(p.type())));
        }
        return members;
    }

    /**
     * A presence or clear method name: {@code hasName}, or {@code isNamePresent} when a property already took
     * {@code hasName}, so a property's accessor and another's presence check never end up as {@code hasName2()}.
     */
    private static String accessorName(
            JavaNames.Scope scope, String prefix, String suffix, String fallbackPrefix, String fallbackSuffix) {
        String preferred = prefix + suffix;
        return scope.allocate(scope.isUsed(preferred) ? fallbackPrefix + suffix + fallbackSuffix : preferred);
    }

    /** "Messages" -> "Message": the adder's name for one element; a name without a plural "s" stays as it is. */
    private static String singular(String suffix) {
        return suffix.length() > 2 && suffix.endsWith("s") && !suffix.endsWith("ss")
                ? suffix.substring(0, suffix.length() - 1)
                : suffix;
    }

    /** The union a type names, or null when it names none (or no class was emitted for it). */
    private UnionType unionOf(TypeRef type) {
        return type instanceof TypeRef.Named n
                        && types.model().type(n.id()) instanceof UnionType u
                        && types.className(n.id()) != null
                ? u
                : null;
    }

    private TypeSpec builderType(
            ClassName self,
            ClassName builder,
            List<Member> members,
            Presence presence,
            TypeName extraValue,
            TypeName extrasType) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "Builds {@link $T}; setting a property to {@code null} sends an explicit JSON null.\n", self);
        for (Member m : members) {
            b.addField(types.nullness().nullable(m.type()), m.name(), Modifier.PRIVATE);
        } // null until set
        // Null until the first unknown property: most objects (and every decoded one without extras) never need one.
        b.addField(types.nullness().nullable(extrasType), Own.ADDITIONAL_PROPERTIES.javaName(), Modifier.PRIVATE);
        FieldSpec.Builder bits = FieldSpec.builder(presence.type(), Own.PRESENT.javaName(), Modifier.PRIVATE);
        if (presence.initializer() != null) bits.addModifiers(Modifier.FINAL).initializer(presence.initializer());
        b.addField(bits.build());
        if (hasFormats(members)) {
            b.addField(FieldSpec.builder(malformedType, Own.MALFORMED.javaName(), Modifier.PRIVATE)
                    .build());
        }
        // Decoders pass false: what was read is kept exactly, so reading and writing a message gives the same JSON.
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
        List<Member> fixed = members.stream().filter(m -> m.fixed() != null).toList();
        if (!fixed.isEmpty()) {
            constructor.addParameter(boolean.class, "withFixedValues").beginControlFlow("if (withFixedValues)");
            for (Member m : fixed) {
                constructor
                        .addStatement("this.$N = $L", m.name(), m.fixed())
                        .addStatement("$L", presence.set("", m.index()));
            }
            constructor.endControlFlow();
        }
        b.addMethod(constructor.build());
        for (Member m : members) {
            MethodSpec.Builder setter = MethodSpec.methodBuilder(m.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(
                            types.nullness().nullable(m.type()), m.name()) // null is sent as an explicit JSON null
                    // The description lives on the accessor once; the setter points there.
                    .addJavadoc("Sets {@link $T#$N()}.\n", self, m.name());
            if (m.fixed() != null) {
                setter.addJavadoc(
                        "\n<p>Pre-filled with its fixed value {@code $L}; another value is sent as given.\n",
                        Javadocs.escape(m.property().fixed().text()));
            }
            if (m.property().doc().deprecated()) setter.addJavadoc("\n@deprecated deprecated in the API description\n");
            setter.addStatement("this.$N = $N", m.name(), m.name()).addStatement("$L", presence.set("", m.index()));
            if (m.format() != null) {
                setter.addStatement(
                        "if (malformed != null) malformed.remove($S)",
                        m.property().jsonName());
            }
            setter.addStatement("return this");
            if (m.property().doc().deprecated()) setter.addAnnotation(Deprecated.class);
            b.addMethod(setter.build());
            convenienceSetters(m, builder).forEach(b::addMethod);
            // A fixed value is always sent, so it cannot be removed.
            if (m.fixed() != null) continue;
            MethodSpec.Builder clear = MethodSpec.methodBuilder(m.clear())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addJavadoc(
                            "Removes {@code $L}, so it is absent from the JSON.\n",
                            Javadocs.escape(m.property().jsonName()))
                    .addStatement("this.$N = null", m.name())
                    .addStatement("$L", presence.clear("", m.index()));
            if (m.format() != null) {
                clear.addStatement(
                        "if (malformed != null) malformed.remove($S)",
                        m.property().jsonName());
            }
            b.addMethod(clear.addStatement("return this").build());
        }
        b.addMethod(MethodSpec.methodBuilder(Own.ADDITIONAL_PROPERTY.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(String.class, "name")
                .addParameter(extraValue, "value")
                .addJavadoc("Adds a property the schema does not declare.\n")
                .addStatement(
                        "additionalProperties = $T.put(additionalProperties, name, value)",
                        types.runtime("JsonObjects"))
                .addStatement("return this")
                .build());
        b.addMethod(build(self, members, presence, types.runtime("JsonObjects")));
        return b.build();
    }

    /**
     * Setters that delegate to the main one: a primitive overload for a number ({@code limit(10)} compiles for a
     * {@code Long}; {@code limit(null)} still picks the boxed setter and sends null), and for a union one per variant
     * ({@code content(TextContent)} wraps it with the union's {@code of} factory). Variants whose Java types erase
     * alike get no overload; their factories are named apart.
     */
    private List<MethodSpec> convenienceSetters(Member m, ClassName builder) {
        List<MethodSpec> out = new ArrayList<>();
        boolean deprecated = m.property().doc().deprecated();
        MethodSpec primitive = NumberSetters.primitiveOverload(m.name(), m.type(), builder, deprecated);
        if (primitive != null) out.add(primitive);
        UnionType union = unionOf(m.property().type());
        if (union != null) {
            ClassName unionClass = types.className(((TypeRef.Named) m.property().type()).id());
            for (UnionEmitter.Case c : new UnionEmitter(types).cases(union, unionClass)) {
                if (!c.overloadable() || c.valueType().equals(m.type())) continue;
                out.add(delegate(
                        m,
                        builder,
                        c.valueType(),
                        CodeBlock.of("$T.$N($N)", unionClass, c.factory(), m.name()),
                        deprecated));
            }
        }
        if (m.adder() != null) out.addAll(adders(m, builder, deprecated));
        return out;
    }

    /**
     * {@code addMessage(Content)} and one {@code addMessage(TextContent)} per variant: each appends to a copy of the
     * list, so a list given to the setter (maybe immutable) or already built into an object is never changed.
     */
    private List<MethodSpec> adders(Member m, ClassName builder, boolean deprecated) {
        TypeRef.Named item = (TypeRef.Named) ((TypeRef.ListOf) m.property().type()).item();
        ClassName unionClass = types.className(item.id());
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder add = MethodSpec.methodBuilder(m.adder())
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(unionClass, "item")
                .addJavadoc(
                        "Appends one item to {@code $L}.\n",
                        Javadocs.escape(m.property().jsonName()))
                .addStatement(
                        "$T items = new $T<>(this.$N == null ? $T.of() : this.$N)",
                        m.type(),
                        ARRAY_LIST,
                        m.name(),
                        LIST,
                        m.name())
                .addStatement("items.add(item)")
                .addStatement("return $N(items)", m.name());
        if (deprecated) add.addAnnotation(Deprecated.class);
        out.add(add.build());
        for (UnionEmitter.Case c : new UnionEmitter(types).cases(unionOf(item), unionClass)) {
            if (!c.overloadable()) continue;
            MethodSpec.Builder variant = MethodSpec.methodBuilder(m.adder())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(c.valueType(), "item")
                    .addJavadoc(
                            "Appends one {@link $T} item to {@code $L}.\n",
                            c.record(),
                            Javadocs.escape(m.property().jsonName()))
                    .addStatement("return $N($T.$N(item))", m.adder(), unionClass, c.factory());
            if (deprecated) variant.addAnnotation(Deprecated.class);
            out.add(variant.build());
        }
        return out;
    }

    private static MethodSpec delegate(
            Member m, ClassName builder, TypeName parameter, CodeBlock converted, boolean deprecated) {
        MethodSpec.Builder setter = MethodSpec.methodBuilder(m.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(parameter, m.name())
                .addJavadoc(
                        "Sets {@code $L}; same as {@link #$N($T)}.\n",
                        Javadocs.escape(m.property().jsonName()),
                        m.name(),
                        erasure(m.type()))
                .addStatement("return $N($L)", m.name(), converted);
        if (deprecated) setter.addAnnotation(Deprecated.class);
        return setter.build();
    }

    private static TypeName erasure(TypeName type) {
        return type instanceof ParameterizedTypeName p ? p.rawType() : type;
    }

    /**
     * {@code build()}: refuses an object that lacks required properties, naming all of them by their JSON names.
     * Fixed values are pre-filled and {@code readOnly} ones come from the server, so neither is asked for. Decoders
     * construct without this check: reading stays lenient.
     */
    private static MethodSpec build(ClassName self, List<Member> members, Presence presence, ClassName objects) {
        MethodSpec.Builder build = MethodSpec.methodBuilder(Own.BUILD.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(self);
        List<Member> required = members.stream().filter(Member::mustBeSet).toList();
        if (!required.isEmpty()) {
            String names = String.join(
                    ", ", required.stream().map(m -> m.property().jsonName()).toList());
            build.addJavadoc(
                            "@throws IllegalStateException when a required property is not set ($L)\n",
                            Javadocs.escape(names))
                    .addStatement(
                            "$T.require($S, JSON_NAMES, present, $L)",
                            objects,
                            self.simpleName(),
                            presence.mask(required.stream().map(Member::index).toList()));
        }
        return build.addStatement("return new $T(this)", self).build();
    }

    /** The builder constructor's argument: only builders of objects with fixed values take {@code withFixedValues}. */
    private static String newBuilderArg(List<Member> members, boolean withFixedValues) {
        return members.stream().anyMatch(m -> m.fixed() != null) ? String.valueOf(withFixedValues) : "";
    }

    private static boolean hasFormats(List<Member> members) {
        return members.stream().anyMatch(m -> m.format() != null);
    }

    /** The format name of a string type whose text can fail to parse, or null. */
    private static String format(TypeRef type) {
        if (!(type instanceof TypeRef.Scalar s)) return null;
        return switch (s.kind()) {
            case UUID -> "uuid";
            case DATE_TIME -> "date-time";
            case DATE -> "date";
            case BASE64, BINARY -> "byte (base64)";
            default -> null;
        };
    }

    /**
     * equals, hashCode and toString over one array of the fields ({@code fieldValues()}, laid out as the runtime's
     * {@code JsonObjects} says), so each is one line whatever the number of properties.
     */
    private void addEqualsHashCodeToString(TypeSpec.Builder type, ClassName self, List<Member> members) {
        CodeBlock.Builder names = CodeBlock.builder().add("{");
        CodeBlock.Builder fields = CodeBlock.builder()
                .add("return new $T[] {this.present, this.additionalProperties, ", Object.class)
                .add(hasFormats(members) ? "this.malformed" : "null");
        for (Member m : members) {
            names.add(m.index() == 0 ? "$S" : ", $S", m.property().jsonName());
            fields.add(", this.$N", m.name());
        }
        type.addField(FieldSpec.builder(String[].class, "JSON_NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(names.add("}").build())
                .build());
        type.addMethod(MethodSpec.methodBuilder(Own.FIELD_VALUES.javaName())
                .addModifiers(Modifier.PRIVATE)
                .returns(Object[].class)
                .addStatement("$L}", fields.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(types.nullness().nullable(TypeName.get(Object.class)), "o")
                .addStatement(
                        "return this == o "
                                + "|| o instanceof $T other && $T.deepEquals(fieldValues(), other.fieldValues())",
                        self,
                        ARRAYS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $T.deepHashCode(fieldValues())", ARRAYS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement(
                        "return $T.toString($S, JSON_NAMES, fieldValues())",
                        types.runtime("JsonObjects"),
                        self.simpleName())
                .build());
    }

    private void addCodec(
            TypeSpec.Builder type,
            ObjectType object,
            ClassName self,
            ClassName builder,
            List<Member> members,
            Presence presence) {
        // read/readAfterField/write live in the nested Codec; readRest stays private here, reachable from it.
        ClassName objects = types.runtime("JsonObjects");
        TypeSpec.Builder codec = types.nullness().unmarked(Codecs.holder(self));
        codec.addMethod(MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(types.jackson().parser(), "p")
                .addException(IOException.class)
                .addJavadoc("Reads one object; the parser is on its START_OBJECT token.\n")
                .addStatement(
                        "return readRest(p, $T.firstField(p, $S), new $T($L))",
                        objects,
                        self.simpleName(),
                        builder,
                        newBuilderArg(members, false))
                .build());
        codec.addMethod(MethodSpec.methodBuilder("readAfterField")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(types.jackson().parser(), "p")
                .addParameter(String.class, "field")
                .addException(IOException.class)
                .addJavadoc("Reads an object whose first field name was already consumed; the parser is on that "
                        + "field's value.\n")
                .addStatement("return readRest(p, field, new $T($L))", builder, newBuilderArg(members, false))
                .build());

        // One loop over the members, one line per property: the setter records the value and its presence.
        MethodSpec.Builder readRest = MethodSpec.methodBuilder(Own.READ_REST.javaName())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(self)
                .addParameter(types.jackson().parser(), "p")
                .addParameter(types.nullness().nullable(ClassName.get(String.class)), "field")
                .addParameter(builder, "b")
                .addException(IOException.class)
                .beginControlFlow("for (; field != null; field = $T.nextField(p))", objects)
                .beginControlFlow("switch (field)");
        for (Member m : members) {
            CodeBlock read = types.read(m.property().type(), "p");
            if (m.format() == null) {
                readRest.addStatement("case $S -> b.$N($L)", m.property().jsonName(), m.name(), read);
                continue;
            }
            // Text that is no valid uuid/date is kept raw: one bad value must not lose the rest of the document.
            readRest.beginControlFlow("case $S ->", m.property().jsonName())
                    .beginControlFlow("try")
                    .addStatement("b.$N($L)", m.name(), read)
                    .nextControlFlow("catch ($T e)", types.runtime("JsonDecodeException"))
                    .addStatement(
                            "b.malformed = $T.keepMalformed(b.malformed, $S, p, e)",
                            types.runtime("Json"),
                            m.property().jsonName())
                    .addStatement("$L", presence.set("b.", m.index()))
                    .endControlFlow()
                    .endControlFlow();
        }
        TypeRef extra = object.additionalValues() == null ? new TypeRef.Any() : object.additionalValues();
        readRest.addStatement("default -> b.additionalProperty(field, $L)", types.read(extra, "p"))
                .endControlFlow()
                .endControlFlow()
                .addStatement("return new $T(b)", self);
        type.addMethod(readRest.build());

        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(types.jackson().generator(), "g")
                .addParameter(self, "v")
                .addException(IOException.class)
                .addJavadoc("Writes the object: present properties in schema order, then the additional ones.\n")
                .addStatement("g.writeStartObject()");
        // One line per property: Json.field writes the name (and a null) and says whether the value is still to write.
        for (Member m : members) {
            write.addStatement(
                    "if ($T.field(g, $L, $S, v.$N$L)) $L",
                    types.runtime("Json"),
                    presence.test("v.", m.index()),
                    m.property().jsonName(),
                    m.name(),
                    m.format() != null ? ", v.malformed" : "", // a malformed value is written back as it came
                    types.write(m.property().type(), "g", CodeBlock.of("v.$N", m.name())));
        }
        if (object.additionalValues() == null) {
            write.addStatement("$T.writeAdditional(g, v.additionalProperties)", types.runtime("Json"));
        } else {
            write.beginControlFlow(
                            "for ($T.Entry<$T, $T> e : v.additionalProperties.entrySet())",
                            MAP,
                            String.class,
                            types.javaType(object.additionalValues()).box())
                    .addStatement("g.$L(e.getKey())", types.jackson().writeName())
                    .addStatement(
                            "if (e.getValue() == null) g.writeNull(); else $L",
                            types.write(extra, "g", CodeBlock.of("e.getValue()")))
                    .endControlFlow();
        }
        write.addStatement("g.writeEndObject()");
        type.addType(codec.addMethod(write.build()).build());
    }
}
