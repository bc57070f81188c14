package autosdk.emit.java.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JavaFileRenderer} against JavaPoet on shapes beyond what AutoSDK's emitters build today, so the renderer
 * stays right when an emitter starts using them: type variables and wildcards, arrays and varargs, wrapped parameter
 * lists and throws clauses, multi-line statements, enums with bodies, anonymous classes, annotation types and
 * annotations with several members, records and sealed types, type annotations on nested and primitive types, names
 * that clash with imports or nested types, odd line breaks in text, and the default package.
 */
class JavaFileRendererTest {
    private static final ClassName NULLABLE = ClassName.get("org.example.annotations", "Nullable");
    private static final ClassName OTHER_LIST = ClassName.get("org.example.other", "List");
    private static final ClassName OUTER = ClassName.get("com.example", "Outer");
    private static final ClassName INNER = OUTER.nestedClass("Inner");

    static Stream<JavaFile> files() {
        return Stream.of(
                file("com.example", generics()),
                file("com.example", wrapping()),
                file("com.example", enumWithBodies()),
                file("com.example", annotationType()),
                file("com.example", records()),
                file("com.example", clashes()),
                file("com.example", text()),
                file(
                        "",
                        TypeSpec.classBuilder("InDefaultPackage")
                                .addField(ClassName.get("com.example", "Outer"), "outer")
                                .addField(ClassName.get("", "Sibling"), "sibling")
                                .build()),
                JavaFile.builder("com.example", clashes()).build(), // default indent, java.lang imported
                JavaFile.builder("com.example", generics())
                        .indent("\t")
                        .skipJavaLangImports(true)
                        .build());
    }

    private static JavaFile file(String pkg, TypeSpec type) {
        return JavaFile.builder(pkg, type)
                .addFileComment("Generated for a test.\nSecond line of the comment.\n\nAfter a blank line.")
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    @ParameterizedTest
    @MethodSource("files")
    void rendersAsJavaPoetDoes(JavaFile file) {
        assertThat(JavaFileRenderer.render(file)).hasValue(file.toString());
    }

    @Test
    void leavesStaticImportsToJavaPoet() {
        JavaFile file = JavaFile.builder("com.example", generics())
                .addStaticImport(ClassName.get("java.util", "Objects"), "requireNonNull")
                .build();
        assertThat(JavaFileRenderer.render(file)).isEmpty();
        assertThat(JavaFileRenderer.text(file)).isEqualTo(file.toString());
    }

    private static TypeSpec generics() {
        TypeVariableName t =
                TypeVariableName.get("T", ClassName.get(Comparable.class), ClassName.get(Serializable.class));
        TypeVariableName u = TypeVariableName.get("U");
        TypeVariableName annotatedU =
                u.annotated(AnnotationSpec.builder(NULLABLE).build());
        TypeName listOfExtends = ParameterizedTypeName.get(
                ClassName.get(List.class), WildcardTypeName.subtypeOf(ClassName.get(Number.class)));
        TypeName mapOfSuper = ParameterizedTypeName.get(
                ClassName.get(Map.class), WildcardTypeName.supertypeOf(t), WildcardTypeName.subtypeOf(Object.class));
        return TypeSpec.classBuilder("Generic")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addTypeVariable(t)
                .superclass(ParameterizedTypeName.get(ClassName.get("java.util", "AbstractList"), t))
                .addSuperinterface(Serializable.class)
                .addField(FieldSpec.builder(listOfExtends, "numbers", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("$T.of()", List.class)
                        .build())
                .addField(mapOfSuper, "map", Modifier.PROTECTED)
                .addField(ArrayTypeName.of(ArrayTypeName.of(TypeName.INT)), "grid")
                .addField(FieldSpec.builder(
                                ArrayTypeName.of(TypeName.BYTE.annotated(
                                                AnnotationSpec.builder(NULLABLE).build()))
                                        .annotated(
                                                AnnotationSpec.builder(NULLABLE).build()),
                                "bytes")
                        .build())
                .addField(FieldSpec.builder(TypeName.INT, "COUNT", Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", 3)
                        .build())
                .addStaticBlock(CodeBlock.of("$T.out.println($S);\n", System.class, "static"))
                .addInitializerBlock(CodeBlock.of("grid = new int[1][1];\n"))
                .addField(FieldSpec.builder(Runnable.class, "task")
                        .initializer(
                                "$L",
                                TypeSpec.anonymousClassBuilder("")
                                        .addSuperinterface(Runnable.class)
                                        .addMethod(MethodSpec.methodBuilder("run")
                                                .addAnnotation(Override.class)
                                                .addModifiers(Modifier.PUBLIC)
                                                .addStatement("$T.out.println($S)", System.class, "anonymous")
                                                .build())
                                        .build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("pick")
                        .addJavadoc("Picks one.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addTypeVariable(u)
                        .returns(annotatedU)
                        .addParameter(ParameterSpec.builder(ArrayTypeName.of(u), "choices", Modifier.FINAL)
                                .addJavadoc("what to pick from\n")
                                .build())
                        .varargs()
                        .addStatement("return choices.length == 0 ? null : choices[0]")
                        .build())
                .addMethod(MethodSpec.methodBuilder("size")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(int.class)
                        .build())
                .addType(TypeSpec.interfaceBuilder("Visitor")
                        .addModifiers(Modifier.PUBLIC)
                        .addTypeVariable(TypeVariableName.get("R"))
                        .addField(FieldSpec.builder(
                                        String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                                .initializer("$S", "visitor")
                                .build())
                        .addMethod(MethodSpec.methodBuilder("visit")
                                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                                .returns(TypeVariableName.get("R"))
                                .addParameter(TypeVariableName.get("T"), "value")
                                .build())
                        .addMethod(MethodSpec.methodBuilder("fallback")
                                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                                .returns(TypeVariableName.get("R"))
                                .addStatement("return null")
                                .build())
                        .build())
                .build();
    }

    private static TypeSpec wrapping() {
        MethodSpec.Builder many = MethodSpec.methodBuilder("manyParametersThatCannotPossiblyFitOnOneLine")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Map.class, String.class, Object.class))
                .addException(IOException.class)
                .addException(ClassName.get("com.example.errors", "AVeryLongExceptionNameThatPushesTheLine"))
                .addException(ClassName.get("com.example.errors", "AnotherVeryLongExceptionNameForWrapping"));
        for (int i = 0; i < 8; i++) many.addParameter(ClassName.get(String.class), "parameterNumber" + i);
        many.addStatement(
                "return $T.of($S, $L,$W$S, $L,$W$S, $L)",
                Map.class,
                "first",
                "parameterNumber0",
                "second",
                "parameterNumber1",
                "third with a long value to wrap the statement",
                "parameterNumber2");
        many.addStatement("$T joined = $S\n+ $S\n+ $S", String.class, "a", "b", "c");
        many.beginControlFlow("if (parameterNumber3 == null)")
                .addStatement("throw new $T($S)", IllegalArgumentException.class, "missing")
                .nextControlFlow("else")
                .addStatement("$T.out.println($L)", System.class, "parameterNumber3")
                .endControlFlow();
        TypeSpec.Builder type = TypeSpec.classBuilder("Wrapping")
                .addSuperinterface(Runnable.class)
                .addSuperinterface(Serializable.class)
                .addSuperinterface(Cloneable.class)
                .addSuperinterface(AutoCloseable.class)
                .addMethod(many.build())
                .addMethod(MethodSpec.methodBuilder("run")
                        .addModifiers(Modifier.PUBLIC)
                        .addCode("$[int x =$W1$W+$W2;\n$]")
                        .addCode("$[$Z$L$Z;\n$]", "x++")
                        .build())
                .addMethod(MethodSpec.methodBuilder("close")
                        .addModifiers(Modifier.PUBLIC, Modifier.NATIVE)
                        .build());
        return type.build();
    }

    private static TypeSpec enumWithBodies() {
        return TypeSpec.enumBuilder("Planet")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Planets, with $L.\n", "bodies")
                .addEnumConstant(
                        "MERCURY",
                        TypeSpec.anonymousClassBuilder("$L, $S", 1, "hot").build())
                .addEnumConstant(
                        "EARTH",
                        TypeSpec.anonymousClassBuilder("$L, $S", 3, "home")
                                .addJavadoc("Home.\n")
                                .addMethod(MethodSpec.methodBuilder("toString")
                                        .addAnnotation(Override.class)
                                        .addModifiers(Modifier.PUBLIC)
                                        .returns(String.class)
                                        .addStatement("return $S", "earth")
                                        .build())
                                .build())
                .addEnumConstant(
                        "PLUTO",
                        TypeSpec.anonymousClassBuilder("$L, $S", 9, "far")
                                .addAnnotation(Deprecated.class)
                                .build())
                .addField(int.class, "order", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "label", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(int.class, "order")
                        .addParameter(String.class, "label")
                        .addStatement("this.order = order")
                        .addStatement("this.label = label")
                        .build())
                .addType(TypeSpec.enumBuilder("Plain")
                        .addEnumConstant("A")
                        .addEnumConstant("B")
                        .build())
                .build();
    }

    private static TypeSpec annotationType() {
        return TypeSpec.annotationBuilder("Marker")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(java.lang.annotation.Retention.class)
                        .addMember("value", "$T.RUNTIME", java.lang.annotation.RetentionPolicy.class)
                        .build())
                .addAnnotation(AnnotationSpec.builder(java.lang.annotation.Target.class)
                        .addMember("value", "$T.TYPE", java.lang.annotation.ElementType.class)
                        .addMember("value", "$T.METHOD", java.lang.annotation.ElementType.class)
                        .build())
                .addAnnotation(AnnotationSpec.builder(ClassName.get("com.example", "Meta"))
                        .addMember("name", "$S", "marker")
                        .addMember("tags", "$S", "a")
                        .addMember("tags", "$S", "b")
                        .addMember(
                                "nested", "$L", AnnotationSpec.builder(NULLABLE).build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("value")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(String.class)
                        .defaultValue("$S", "none")
                        .build())
                .addMethod(MethodSpec.methodBuilder("weight")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(int.class)
                        .build())
                .addField(FieldSpec.builder(int.class, "LIMIT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("10")
                        .build())
                .build();
    }

    private static TypeSpec records() {
        ClassName shape = ClassName.get("com.example", "Shape");
        return TypeSpec.interfaceBuilder(shape)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addPermittedSubclass(shape.nestedClass("Circle"))
                .addPermittedSubclass(shape.nestedClass("Square"))
                .addPermittedSubclass(shape.nestedClass("Other"))
                .addType(TypeSpec.recordBuilder("Circle")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("A circle.\n")
                        .addSuperinterface(shape)
                        .recordConstructor(MethodSpec.compactConstructorBuilder()
                                .addModifiers(Modifier.PUBLIC)
                                .addParameter(ParameterSpec.builder(double.class, "radius")
                                        .addJavadoc("the radius\n")
                                        .build())
                                .addParameter(ParameterSpec.builder(
                                                ClassName.get(String.class)
                                                        .annotated(AnnotationSpec.builder(NULLABLE)
                                                                .build()),
                                                "label")
                                        .addJavadoc("the label\n")
                                        .build())
                                .beginControlFlow("if (radius < 0)")
                                .addStatement("throw new $T()", IllegalArgumentException.class)
                                .endControlFlow()
                                .build())
                        .addField(FieldSpec.builder(double.class, "UNIT", Modifier.STATIC, Modifier.FINAL)
                                .initializer("1.0")
                                .build())
                        .build())
                .addType(TypeSpec.recordBuilder("Square")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addSuperinterface(shape)
                        .recordConstructor(MethodSpec.constructorBuilder()
                                .addParameter(double.class, "side")
                                .build())
                        .build())
                .addType(TypeSpec.classBuilder("Other")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.NON_SEALED)
                        .addSuperinterface(shape)
                        .build())
                .build();
    }

    private static TypeSpec clashes() {
        ClassName map = ClassName.get("com.example", "Map"); // same package as the file, clashes with java.util.Map
        ClassName string = ClassName.get("com.example.model", "String");
        ClassName annotatedInner =
                OUTER.annotated(AnnotationSpec.builder(NULLABLE).build()).nestedClass("Inner");
        ParameterizedTypeName genericOuter = ParameterizedTypeName.get(OUTER, ClassName.get(Integer.class));
        return TypeSpec.classBuilder("Clashes")
                .alwaysQualify("Objects")
                .addField(ClassName.get(List.class), "javaList")
                .addField(OTHER_LIST, "otherList")
                .addField(ClassName.get(Map.class), "javaMap")
                .addField(map, "ownMap")
                .addField(string, "modelString")
                .addField(String.class, "javaString")
                .addField(ClassName.get(java.util.Objects.class), "objects")
                .addField(INNER, "inner")
                .addField(annotatedInner, "annotatedInner")
                .addField(INNER.annotated(AnnotationSpec.builder(NULLABLE).build()), "innerAnnotated")
                .addField(ClassName.get(Map.Entry.class), "entry")
                .addField(genericOuter.nestedClass("Deep", List.of(ClassName.get(Long.class))), "deep")
                .addField(ClassName.get("com.example", "Clashes", "Builder"), "builder")
                .addField(ClassName.get("com.other", "Thing", "Builder"), "foreignBuilder")
                .addField(ClassName.get("com.other", "Clashes"), "foreignSameName")
                .addMethod(MethodSpec.methodBuilder("use")
                        .addJavadoc("Uses {@link $T} and {@link $T}.\n", ClassName.get("java.time", "Instant"), INNER)
                        .addParameter(ParameterSpec.builder(ClassName.get("java.time", "Instant"), "at")
                                .addJavadoc("when\n")
                                .build())
                        .addStatement(
                                "$T<$T> list = new $T<>()", List.class, string, ClassName.get("java.util", "ArrayList"))
                        .addStatement("$T.requireNonNull(at)", java.util.Objects.class)
                        .build())
                .addType(TypeSpec.classBuilder("Builder")
                        .addModifiers(Modifier.STATIC)
                        .addField(ClassName.get("com.example", "Clashes", "Builder"), "self")
                        .addField(ClassName.get("com.other", "Thing", "Builder"), "other")
                        .addType(TypeSpec.classBuilder("List").build())
                        .addField(ClassName.get(List.class), "shadowedList")
                        .build())
                .build();
    }

    private static TypeSpec text() {
        return TypeSpec.classBuilder("Text")
                .addJavadoc("Line one\r\nline two\rline three\u000bline four\u000cline five\u0085line six"
                        + "\n\n<p>After blank.")
                .addField(FieldSpec.builder(String.class, "ESCAPES", Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", "tab\t quote\" apostrophe' backslash\\ bell\u0007 nel\u0085 line\nnext\n")
                        .build())
                .addField(FieldSpec.builder(String.class, "DOLLAR", Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S + $$$N", "$", "DOLLAR_SUFFIX")
                        .build())
                .addField(FieldSpec.builder(String.class, "NULL", Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", (Object) null)
                        .build())
                .addMethod(MethodSpec.methodBuilder("comment")
                        .addComment("a comment\nover two lines")
                        .addCode("// $L\n", "literal comment")
                        .addStatement("$L", CodeBlock.of("$T.gc()", System.class))
                        .addStatement("$L", ClassName.get("com.example.util", "Helper"))
                        .build())
                .build();
    }
}
