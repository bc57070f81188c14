package autosdk.emit.java;

import autosdk.model.EnumType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits an open enum: a final class with one constant per known value, a nested Java {@code enum}
 * of the known values for {@code switch}, and room for values the spec did not list, which are
 * kept and written back unchanged instead of failing.
 */
final class EnumEmitter {
    /** The constants the class and its {@code Known} enum declare themselves; value constants are named around them. */
    private enum Own implements JavaNames.Own {
        BY_VALUE,
        KNOWN_VALUES,
        UNRECOGNIZED;

        @Override
        public String javaName() {
            return name();
        }
    }

    private final JavaTypes types;

    EnumEmitter(JavaTypes types) {
        this.types = types;
    }

    /**
     * Above this many values an enum has no constant per value and no {@code Known} enum: the JVM limits a class
     * to 65,535 constant-pool entries and a static initialiser to 64 KB of bytecode, which some thousand values
     * exhaust. Such an enum keeps its values in packed string literals instead ({@link #emitLarge}).
     */
    static final int MAX_CONSTANTS = 1000;
    /** Bytes of modified UTF-8 per string literal of a large enum; a class-file constant holds at most 65,535. */
    private static final int PACKED_CHUNK_BYTES = 60_000;

    TypeSpec emit(EnumType enumType, ClassName self) {
        if (enumType.values().size() > MAX_CONSTANTS) return emitLarge(enumType, self);
        ClassName known = self.nestedClass("Known");
        JavaNames.Scope scope = new JavaNames.Scope(false, List.of());
        scope.declare(Own.values());
        List<String> constants = new ArrayList<>();
        for (String v : enumType.values()) constants.add(scope.allocate(JavaNames.constantName(v)));

        TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The values known when the SDK was generated, for {@code switch}; "
                        + "{@code UNRECOGNIZED} stands for any other.\n");
        for (String c : constants) knownEnum.addEnumConstant(c);
        knownEnum.addEnumConstant(Own.UNRECOGNIZED.javaName());

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Javadocs.of(
                        enumType.doc(),
                        "The {@code " + Javadocs.escape(String.join(".", enumType.nameHint())) + "} values."))
                .addJavadoc(
                        "\n<p>An open enum: values not listed here are kept as they came, see {@link #isKnown()}.\n")
                .addType(knownEnum.build());
        if (enumType.doc().deprecated()) type.addAnnotation(Deprecated.class);
        for (int i = 0; i < constants.size(); i++) {
            type.addField(FieldSpec.builder(self, constants.get(i), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                            "{@code $L}\n", Javadocs.escape(enumType.values().get(i)))
                    .initializer("new $T($S, $T.$N)", self, enumType.values().get(i), known, constants.get(i))
                    .build());
        }
        ClassName map = ClassName.get("java.util", "Map");
        CodeBlock.Builder byValue = CodeBlock.builder().add("new $T<>()", ClassName.get("java.util", "HashMap"));
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(map, ClassName.get(String.class), self),
                        Own.BY_VALUE.javaName(),
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer(byValue.build())
                .build());
        ClassName list = ClassName.get("java.util", "List");
        CodeBlock.Builder all = CodeBlock.builder().add("$T.of(", list);
        for (int i = 0; i < constants.size(); i++) all.add(i == 0 ? "$N" : ", $N", constants.get(i));
        all.add(")");
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(list, self),
                        Own.KNOWN_VALUES.javaName(),
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer(all.build())
                .build());
        type.addStaticBlock(CodeBlock.builder()
                .addStatement("for ($T v : KNOWN_VALUES) BY_VALUE.put(v.value, v)", self)
                .build());

        type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(known, "known", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "value")
                .addParameter(known, "known")
                .addStatement("this.value = value")
                .addStatement("this.known = known")
                .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(String.class, "value")
                .addJavadoc("The constant for a known value, or a new instance holding an unknown one.\n")
                .addStatement("$T.requireNonNull(value, $S)", ClassName.get("java.util", "Objects"), "value")
                .addStatement("$T v = BY_VALUE.get(value)", self)
                .addStatement("return v != null ? v : new $T(value, $T.UNRECOGNIZED)", self, known)
                .build());
        type.addMethod(MethodSpec.methodBuilder("knownValues")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(list, self))
                .addStatement("return KNOWN_VALUES")
                .build());
        type.addMethod(valueMethod());
        type.addMethod(MethodSpec.methodBuilder("known")
                .addModifiers(Modifier.PUBLIC)
                .returns(known)
                .addJavadoc("The known constant, or {@code UNRECOGNIZED} for a value this SDK does not know.\n")
                .addStatement("return known")
                .build());
        type.addMethod(MethodSpec.methodBuilder("isKnown")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addStatement("return known != $T.UNRECOGNIZED", known)
                .build());
        addValueMethods(type, enumType, self);
        return type.build();
    }

    /**
     * An enum too large for a constant per value: the values are packed as {@code length:value} pieces into
     * string literals of at most {@value #PACKED_CHUNK_BYTES} bytes and unpacked once when the class loads.
     * {@code of}, {@code knownValues}, {@code isKnown} and the codec work as for any enum.
     */
    private TypeSpec emitLarge(EnumType enumType, ClassName self) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Javadocs.of(
                        enumType.doc(),
                        "The {@code " + Javadocs.escape(String.join(".", enumType.nameHint())) + "} values."))
                .addJavadoc(
                        "\n<p>An open enum of $L values, too many for a constant each: get one with "
                                + "{@link #of(String)}; "
                                + "values not listed are kept as they came, see {@link #isKnown()}.\n",
                        enumType.values().size());
        if (enumType.doc().deprecated()) type.addAnnotation(Deprecated.class);
        CodeBlock chunks = packedChunks(enumType.values()).stream()
                .map(c -> CodeBlock.of("$S", c))
                .collect(CodeBlock.joining(",\n"));
        type.addField(FieldSpec.builder(String[].class, "PACKED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{\n$>$L$<\n}", chunks)
                .build());
        ClassName map = ClassName.get("java.util", "Map");
        ClassName list = ClassName.get("java.util", "List");
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(map, ClassName.get(String.class), self),
                        Own.BY_VALUE.javaName(),
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("new $T<>()", ClassName.get("java.util", "HashMap"))
                .build());
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(list, self),
                        Own.KNOWN_VALUES.javaName(),
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .build());
        type.addStaticBlock(CodeBlock.builder()
                .addStatement("$T packed = $T.join(\"\", PACKED)", String.class, String.class)
                .addStatement("$T<$T> all = new $T<>()", list, self, ClassName.get("java.util", "ArrayList"))
                .beginControlFlow("for (int i = 0; i < packed.length(); )")
                .addStatement("int colon = packed.indexOf(':', i)")
                .addStatement("int end = colon + 1 + $T.parseInt(packed.substring(i, colon))", Integer.class)
                .addStatement("$T v = new $T(packed.substring(colon + 1, end), true)", self, self)
                .addStatement("all.add(v)")
                .addStatement("BY_VALUE.put(v.value, v)")
                .addStatement("i = end")
                .endControlFlow()
                .addStatement("KNOWN_VALUES = $T.copyOf(all)", list)
                .build());
        type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(boolean.class, "known", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "value")
                .addParameter(boolean.class, "known")
                .addStatement("this.value = value")
                .addStatement("this.known = known")
                .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(String.class, "value")
                .addJavadoc("The instance of a known value, or a new instance holding an unknown one.\n")
                .addStatement("$T.requireNonNull(value, $S)", ClassName.get("java.util", "Objects"), "value")
                .addStatement("$T v = BY_VALUE.get(value)", self)
                .addStatement("return v != null ? v : new $T(value, false)", self)
                .build());
        type.addMethod(MethodSpec.methodBuilder("knownValues")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(list, self))
                .addStatement("return KNOWN_VALUES")
                .build());
        type.addMethod(MethodSpec.methodBuilder("isKnown")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addStatement("return known")
                .build());
        type.addMethod(valueMethod());
        addValueMethods(type, enumType, self);
        return type.build();
    }

    /** The values as {@code length:value} pieces, cut into literals that each fit a class-file constant. */
    static List<String> packedChunks(List<String> values) {
        StringBuilder all = new StringBuilder();
        for (String v : values) all.append(v.length()).append(':').append(v);
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            int size = c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // modified UTF-8, as the class file stores it
            // Never cut between the halves of a surrogate pair: each literal must be well-formed text.
            if (bytes + size > PACKED_CHUNK_BYTES && !Character.isLowSurrogate(c)) {
                chunks.add(all.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        chunks.add(all.substring(start));
        return chunks;
    }

    private static MethodSpec valueMethod() {
        return MethodSpec.methodBuilder("value")
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("The value as it appears in JSON.\n")
                .addStatement("return value")
                .build();
    }

    /** {@code equals}/{@code hashCode}/{@code toString} by value, and the JSON codec. */
    private void addValueMethods(TypeSpec.Builder type, EnumType enumType, ClassName self) {
        type.addMethod(MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(Object.class, "o")
                .addStatement("return o instanceof $T && (($T) o).value.equals(value)", self, self)
                .build());
        type.addMethod(MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return value.hashCode()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return value")
                .build());

        TypeSpec.Builder codec = Codecs.holder(self);
        codec.addMethod(MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(types.jackson().parser(), "p")
                .addException(IOException.class)
                .addStatement(
                        "if (p.currentToken() == $T.VALUE_NULL) return null",
                        types.jackson().token())
                .addStatement(
                        "if (!p.currentToken().isScalarValue()) throw new $T($S + p.currentTokenLocation())",
                        types.runtime("JsonDecodeException"),
                        "expected a value of " + self.simpleName() + " at ")
                .addStatement("return of(p.$L())", types.jackson().getText())
                .build());
        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(types.jackson().generator(), "g")
                .addParameter(self, "v")
                .addException(IOException.class);
        if (enumType.integer()) {
            write.addStatement("g.writeNumber(v.value)");
        } else {
            write.addStatement("g.writeString(v.value)");
        }
        type.addType(codec.addMethod(write.build()).build());
    }
}
