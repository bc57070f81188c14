package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.JSON_GENERATOR;
import static autosdk.emit.java.JavaClasses.JSON_PARSER;
import static autosdk.emit.java.JavaClasses.JSON_TOKEN;
import static autosdk.emit.java.JavaClasses.LINKED_HASH_MAP;
import static autosdk.emit.java.JavaClasses.MAP;
import static autosdk.emit.java.JavaClasses.OBJECTS;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
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
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits an object schema as an immutable class with a builder and its streaming codec. Each
 * property remembers whether it was present, so an explicit {@code null} stays distinguishable
 * from an absent property, and unknown properties are kept and written back.
 */
final class ObjectEmitter {
    /** Member names the class and its builder use themselves; properties never take them. */
    private static final Set<String> RESERVED = Set.of("builder", "toBuilder", "build", "equals", "hashCode", "toString",
            "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "readJson", "writeJson", "readJsonAfterField",
            "additionalProperties", "additionalProperty", "present", "Builder", "readRest", "readField");

    private static final ClassName BIT_SET = ClassName.get("java.util", "BitSet");
    private static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
    private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

    private final JavaTypes types;

    ObjectEmitter(JavaTypes types) {
        this.types = types;
    }

    /** A property with the Java names chosen for it. */
    private record Member(Property property, int index, String name, String presence, String clear, TypeName type) {}

    TypeSpec emit(ObjectType object, ClassName self) {
        List<Member> members = members(object);
        ClassName builder = self.nestedClass("Builder");
        TypeName extraValue = object.additionalValues() == null ? types.runtime("JsonValue") : types.javaType(object.additionalValues()).box();
        TypeName extrasType = ParameterizedTypeName.get(MAP, ClassName.get(String.class), extraValue);

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Javadocs.of(object.doc(), "The {@code " + Javadocs.escape(String.join(".", object.nameHint())) + "} schema."));
        if (object.doc().deprecated()) type.addAnnotation(Deprecated.class);

        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
        for (Member m : members) {
            type.addField(FieldSpec.builder(m.type(), m.name(), Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addStatement("this.$N = b.$N", m.name(), m.name());
        }
        type.addField(FieldSpec.builder(extrasType, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addField(FieldSpec.builder(BIT_SET, "present", Modifier.PRIVATE, Modifier.FINAL).build());
        // Most objects have no unknown properties: share the empty map instead of copying one per object.
        constructor.addStatement("this.additionalProperties = b.additionalProperties.isEmpty() ? $T.emptyMap() : $T.unmodifiableMap(new $T<>(b.additionalProperties))",
                COLLECTIONS, COLLECTIONS, LINKED_HASH_MAP);
        constructor.addStatement("this.present = ($T) b.present.clone()", BIT_SET);
        type.addMethod(constructor.build());

        for (Member m : members) {
            MethodSpec.Builder getter = MethodSpec.methodBuilder(m.name()).addModifiers(Modifier.PUBLIC).returns(m.type())
                    .addJavadoc(Javadocs.of(m.property().doc(), "The {@code " + Javadocs.escape(m.property().jsonName()) + "} property."))
                    .addJavadoc("\n<p>JSON name: {@code $L}$L.\n", Javadocs.escape(m.property().jsonName()),
                            m.property().required() ? "; required" : "; optional")
                    .addStatement("return this.$N", m.name());
            if (m.property().doc().deprecated()) getter.addAnnotation(Deprecated.class);
            type.addMethod(getter.build());
            type.addMethod(MethodSpec.methodBuilder(m.presence()).addModifiers(Modifier.PUBLIC).returns(boolean.class)
                    .addJavadoc("True when {@code $L} was set or present in JSON, even as an explicit {@code null}.\n", Javadocs.escape(m.property().jsonName()))
                    .addStatement("return this.present.get($L)", m.index()).build());
        }
        type.addMethod(MethodSpec.methodBuilder("additionalProperties").addModifiers(Modifier.PUBLIC).returns(extrasType)
                .addJavadoc("Properties the schema does not declare, kept so that nothing a server sends is lost.\n")
                .addStatement("return this.additionalProperties").build());
        type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
                .addJavadoc("A builder; required properties with a fixed value are already set.\n")
                .addStatement("return new $T(true)", builder).build());
        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC).returns(builder)
                .addJavadoc("A builder holding this object's values, to make a changed copy.\n")
                .addStatement("$T b = new $T(false)", builder, builder);
        for (Member m : members) toBuilder.addStatement("b.$N = this.$N", m.name(), m.name());
        toBuilder.addStatement("b.additionalProperties.putAll(this.additionalProperties)")
                .addStatement("b.present.or(this.present)")
                .addStatement("return b");
        type.addMethod(toBuilder.build());
        addEqualsHashCodeToString(type, self, members);
        type.addType(builderType(object, self, builder, members, extraValue, extrasType));
        addCodec(type, object, self, builder, members);
        return type.build();
    }

    private List<Member> members(ObjectType object) {
        JavaNames.Scope scope = new JavaNames.Scope(false, RESERVED);
        List<String> names = new ArrayList<>();
        for (Property p : object.properties()) names.add(scope.allocate(JavaNames.memberName(p.jsonName())));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < object.properties().size(); i++) {
            Property p = object.properties().get(i);
            String name = names.get(i);
            String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            String presence = scope.allocate("has" + suffix);
            String clear = scope.allocate("clear" + suffix);
            members.add(new Member(p, i, name, presence, clear, types.javaType(p.type()).box()));
        }
        return members;
    }

    private TypeSpec builderType(ObjectType object, ClassName self, ClassName builder, List<Member> members, TypeName extraValue, TypeName extrasType) {
        TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T}; setting a property to {@code null} sends an explicit JSON null.\n", self);
        for (Member m : members) b.addField(m.type(), m.name(), Modifier.PRIVATE);
        b.addField(FieldSpec.builder(extrasType, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", LINKED_HASH_MAP).build());
        b.addField(FieldSpec.builder(BIT_SET, "present", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T()", BIT_SET).build());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(boolean.class, "withFixedValues");
        List<Member> fixed = members.stream().filter(m -> m.property().required() && m.property().constValue() != null
                && m.type().equals(ClassName.get(String.class))).toList();
        if (!fixed.isEmpty()) {
            constructor.beginControlFlow("if (withFixedValues)");
            for (Member m : fixed) {
                constructor.addStatement("this.$N = $S", m.name(), m.property().constValue()).addStatement("present.set($L)", m.index());
            }
            constructor.endControlFlow();
        }
        b.addMethod(constructor.build());
        for (Member m : members) {
            MethodSpec.Builder setter = MethodSpec.methodBuilder(m.name()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addParameter(m.type(), m.name())
                    .addJavadoc(Javadocs.of(m.property().doc(), "Sets {@code " + Javadocs.escape(m.property().jsonName()) + "}."))
                    .addStatement("this.$N = $N", m.name(), m.name())
                    .addStatement("present.set($L)", m.index())
                    .addStatement("return this");
            if (m.property().doc().deprecated()) setter.addAnnotation(Deprecated.class);
            b.addMethod(setter.build());
            b.addMethod(MethodSpec.methodBuilder(m.clear()).addModifiers(Modifier.PUBLIC).returns(builder)
                    .addJavadoc("Removes {@code $L}, so it is absent from the JSON.\n", Javadocs.escape(m.property().jsonName()))
                    .addStatement("this.$N = null", m.name())
                    .addStatement("present.clear($L)", m.index())
                    .addStatement("return this").build());
        }
        b.addMethod(MethodSpec.methodBuilder("additionalProperty").addModifiers(Modifier.PUBLIC).returns(builder)
                .addParameter(String.class, "name").addParameter(extraValue, "value")
                .addJavadoc("Adds a property the schema does not declare.\n")
                .addStatement("additionalProperties.put(name, value)").addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addStatement("return new $T(this)", self).build());
        return b.build();
    }

    private void addEqualsHashCodeToString(TypeSpec.Builder type, ClassName self, List<Member> members) {
        MethodSpec.Builder equals = MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(boolean.class).addParameter(Object.class, "o")
                .addStatement("if (this == o) return true")
                .addStatement("if (!(o instanceof $T)) return false", self)
                .addStatement("$T other = ($T) o", self, self);
        CodeBlock.Builder cmp = CodeBlock.builder().add("return this.present.equals(other.present)");
        for (Member m : members) cmp.add("\n    && $T.deepEquals(this.$N, other.$N)", OBJECTS, m.name(), m.name());
        cmp.add("\n    && this.additionalProperties.equals(other.additionalProperties)");
        equals.addStatement("$L", cmp.build());
        type.addMethod(equals.build());

        CodeBlock.Builder hash = CodeBlock.builder().add("return $T.deepHashCode(new $T[] {this.present, this.additionalProperties", ARRAYS, Object.class);
        for (Member m : members) hash.add(", this.$N", m.name());
        hash.add("})");
        type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(int.class).addStatement("$L", hash.build()).build());

        MethodSpec.Builder toString = MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("$T sb = new $T($S)", StringBuilder.class, StringBuilder.class, self.simpleName() + "{");
        for (Member m : members) {
            CodeBlock value = m.type().equals(TypeName.get(byte[].class))
                    ? CodeBlock.of("this.$N == null ? \"null\" : this.$N.length + \" bytes\"", m.name(), m.name()) : CodeBlock.of("this.$N", m.name());
            toString.addStatement("if (this.present.get($L)) sb.append($S).append($L).append(\", \")", m.index(), m.property().jsonName() + "=", value);
        }
        toString.addStatement("if (!this.additionalProperties.isEmpty()) sb.append(this.additionalProperties)")
                .addStatement("return sb.append('}').toString()");
        type.addMethod(toString.build());
    }

    private void addCodec(TypeSpec.Builder type, ObjectType object, ClassName self, ClassName builder, List<Member> members) {
        type.addMethod(MethodSpec.methodBuilder("readJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addParameter(JSON_PARSER, "p").addException(IOException.class)
                .addJavadoc("Reads one object; the parser is on its START_OBJECT token.\n")
                .addStatement("if (p.currentToken() != $T.START_OBJECT) throw new $T($S + p.currentToken() + $S + p.currentTokenLocation())",
                        JSON_TOKEN, types.runtime("JsonDecodeException"), "expected an object for " + self.simpleName() + " but found ", " at ")
                .addStatement("$T b = new $T(false)", builder, builder)
                .addStatement("return readRest(p, p.nextToken(), b)").build());
        type.addMethod(MethodSpec.methodBuilder("readJsonAfterField").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addParameter(JSON_PARSER, "p").addParameter(String.class, "field").addException(IOException.class)
                .addJavadoc("Reads an object whose first field name was already consumed; the parser is on that field's value.\n")
                .addStatement("$T b = new $T(false)", builder, builder)
                .addStatement("readField(p, field, b)")
                .addStatement("return readRest(p, p.nextToken(), b)").build());
        type.addMethod(MethodSpec.methodBuilder("readRest").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(self)
                .addParameter(JSON_PARSER, "p").addParameter(JSON_TOKEN, "t").addParameter(builder, "b").addException(IOException.class)
                .beginControlFlow("for (; t == $T.FIELD_NAME; t = p.nextToken())", JSON_TOKEN)
                .addStatement("$T field = p.currentName()", String.class)
                .addStatement("p.nextToken()")
                .addStatement("readField(p, field, b)")
                .endControlFlow()
                .addStatement("return b.build()").build());

        MethodSpec.Builder readField = MethodSpec.methodBuilder("readField").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(JSON_PARSER, "p").addParameter(String.class, "field").addParameter(builder, "b").addException(IOException.class)
                .beginControlFlow("switch (field)");
        for (Member m : members) {
            readField.addCode("case $S:\n", m.property().jsonName()).addCode("$>")
                    .addStatement("b.$N = $L", m.name(), types.read(m.property().type(), "p"))
                    .addStatement("b.present.set($L)", m.index())
                    .addStatement("break").addCode("$<");
        }
        TypeRef extra = object.additionalValues() == null ? new TypeRef.Any() : object.additionalValues();
        readField.addCode("default:\n").addCode("$>").addStatement("b.additionalProperties.put(field, $L)", types.read(extra, "p")).addCode("$<");
        readField.endControlFlow();
        type.addMethod(readField.build());

        MethodSpec.Builder write = MethodSpec.methodBuilder("writeJson").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(JSON_GENERATOR, "g").addParameter(self, "v").addException(IOException.class)
                .addJavadoc("Writes the object: present properties in schema order, then the additional ones.\n")
                .addStatement("g.writeStartObject()");
        for (Member m : members) {
            write.beginControlFlow("if (v.present.get($L))", m.index())
                    .addStatement("g.writeFieldName($S)", m.property().jsonName())
                    .addStatement("if (v.$N == null) g.writeNull(); else $L", m.name(), types.write(m.property().type(), "g", CodeBlock.of("v.$N", m.name())))
                    .endControlFlow();
        }
        write.beginControlFlow("for ($T.Entry<$T, $T> e : v.additionalProperties.entrySet())", MAP, String.class,
                        object.additionalValues() == null ? types.runtime("JsonValue") : types.javaType(object.additionalValues()).box())
                .addStatement("g.writeFieldName(e.getKey())")
                .addStatement("if (e.getValue() == null) g.writeNull(); else $L", types.write(extra, "g", CodeBlock.of("e.getValue()")))
                .endControlFlow()
                .addStatement("g.writeEndObject()");
        type.addMethod(write.build());
    }
}
