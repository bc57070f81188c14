package autosdk.emit.java;

import autosdk.model.Doc;
import autosdk.model.ObjectType;
import autosdk.model.Parameter;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the two per-operation value classes nested in a client: the optional-parameters object
 * ({@code ListPetsParams}) and the multipart form ({@code UploadFileForm}), whose file properties take
 * {@code HttpFile}s (a Path, InputStream or byte[] with file name and content type) and whose other properties
 * become text or JSON parts.
 */
final class RestForms {
    /**
     * What the value class and its builder declare themselves (members, the body's local); members are named around
     * them.
     */
    private enum Own implements JavaNames.Own {
        BUILDER("builder"),
        BUILD("build"),
        TO_HTTP_BODY("toHttpBody"),
        MULTIPART("multipart"),
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

    private final JavaTypes types;

    RestForms(JavaTypes types) {
        this.types = types;
    }

    /** The object schema of a multipart request body, or null when it has none (the method then takes an HttpBody). */
    static ObjectType formObject(RestOperation op, JavaTypes types) {
        if (op.requestKind() == RestOperation.RequestKind.MULTIPART
                && op.request().type() instanceof TypeRef.Named n
                && types.named(n) instanceof ObjectType o) {
            return o;
        }
        return null;
    }

    /** One member of a generated value class. */
    record Member(
            String name, TypeName type, String jsonName, boolean required, Doc doc, TypeRef typeRef, boolean file) {}

    /** The scope member names are allocated in: what {@link Object} and the value class declare come first. */
    private static JavaNames.Scope memberScope() {
        JavaNames.Scope scope = new JavaNames.Scope(false, JavaNames.OBJECT_METHODS);
        scope.declare(Own.values());
        return scope;
    }

    /** Field names for the optional parameters, in order. */
    static List<String> paramNames(List<Parameter> params) {
        JavaNames.Scope scope = memberScope();
        return params.stream()
                .map(p -> scope.allocate(JavaNames.memberName(p.name())))
                .toList();
    }

    TypeSpec params(ClassName self, List<Parameter> params, String operationId) {
        List<String> names = paramNames(params);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            members.add(new Member(
                    names.get(i), types.javaType(p.type()).box(), p.name(), false, p.doc(), p.type(), false));
        }
        String doc =
                "The optional parameters of {@code " + Javadocs.escape(operationId) + "}; unset ones are not sent.\n";
        return valueClass(self, members, doc, null);
    }

    /** Builder setter names of a multipart form's properties, in order: the one place they are decided. */
    static List<String> formNames(ObjectType object) {
        JavaNames.Scope scope = memberScope();
        return object.properties().stream()
                .map(p -> scope.allocate(JavaNames.memberName(p.jsonName())))
                .toList();
    }

    TypeSpec form(ClassName self, ObjectType object, String operationId) {
        List<String> names = formNames(object);
        List<Member> members = new ArrayList<>();
        ClassName httpFile = types.runtime("HttpFile");
        for (int i = 0; i < object.properties().size(); i++) {
            Property p = object.properties().get(i);
            String name = names.get(i);
            if (isFile(p.type())) {
                members.add(new Member(name, httpFile, p.jsonName(), p.required(), p.doc(), p.type(), true));
            } else if (p.type() instanceof TypeRef.ListOf l && isFile(l.item())) {
                members.add(new Member(
                        name,
                        ParameterizedTypeName.get(ClassName.get(List.class), httpFile),
                        p.jsonName(),
                        p.required(),
                        p.doc(),
                        p.type(),
                        true));
            } else {
                members.add(new Member(
                        name, types.javaType(p.type()).box(), p.jsonName(), p.required(), p.doc(), p.type(), false));
            }
        }
        String doc = "The {@code multipart/form-data} body of {@code " + Javadocs.escape(operationId)
                + "}: file parts are " + "streamed while sending, other fields are sent as text (JSON for objects).\n";
        MethodSpec.Builder toBody = MethodSpec.methodBuilder(Own.TO_HTTP_BODY.javaName())
                .addModifiers(Modifier.PRIVATE)
                .returns(types.runtime("HttpBody"))
                .addStatement(
                        "$T multipart = $T.multipart()", types.runtime("HttpMultipart"), types.runtime("HttpBody"));
        for (Member m : members) {
            if (m.file() && m.type() instanceof ParameterizedTypeName) {
                toBody.beginControlFlow("if (this.$N != null)", m.name())
                        .addStatement(
                                "for ($T file : this.$N) multipart.file($S, file)", httpFile, m.name(), m.jsonName())
                        .endControlFlow();
            } else if (m.file()) {
                toBody.addStatement(
                        "if (this.$N != null) multipart.file($S, this.$N)", m.name(), m.jsonName(), m.name());
            } else {
                toBody.addStatement(
                        "if (this.$N != null) $T.addPart(multipart, $S, $T.write(this.$N, $L))",
                        m.name(),
                        types.runtime("HttpJson"),
                        m.jsonName(),
                        types.runtime("HttpJson"),
                        m.name(),
                        types.writer(m.typeRef()));
            }
        }
        toBody.addStatement("return multipart.build()");
        return valueClass(self, members, doc, toBody.build());
    }

    private static boolean isFile(TypeRef type) {
        return type instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.BINARY;
    }

    /** An immutable class with a builder; {@code build()} checks required members. */
    private TypeSpec valueClass(ClassName self, List<Member> members, String doc, MethodSpec extra) {
        ClassName builder = self.nestedClass(Own.BUILDER_CLASS.javaName());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(doc);
        MethodSpec.Builder constructor =
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}.\n", self)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        MethodSpec.Builder build = MethodSpec.methodBuilder(Own.BUILD.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("The immutable value; fails when a required member is unset.\n");
        for (Member m : members) {
            type.addField(FieldSpec.builder(m.type(), m.name(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            constructor.addStatement("this.$N = b.$N", m.name(), m.name());
            b.addField(FieldSpec.builder(m.type(), m.name(), Modifier.PRIVATE).build());
            MethodSpec.Builder setter = MethodSpec.methodBuilder(m.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(m.type(), m.name())
                    .addJavadoc(Javadocs.of(m.doc(), "Sets {@code " + Javadocs.escape(m.jsonName()) + "}."))
                    .addJavadoc(
                            "\n<p>Wire name: {@code $L}$L.\n",
                            Javadocs.escape(m.jsonName()),
                            m.required() ? "; required" : "")
                    .addStatement("this.$N = $N", m.name(), m.name())
                    .addStatement("return this");
            if (m.doc().deprecated()) setter.addAnnotation(Deprecated.class);
            b.addMethod(setter.build());
            MethodSpec primitive = NumberSetters.primitiveOverload(
                    m.name(), m.type(), builder, m.doc().deprecated());
            if (primitive != null) b.addMethod(primitive);
            if (m.required()) {
                build.addStatement(
                        "if (this.$N == null) throw new $T($S)",
                        m.name(),
                        IllegalStateException.class,
                        m.jsonName() + " is required");
            }
        }
        build.addStatement("return new $T(this)", self);
        b.addMethod(build.build());
        type.addMethod(constructor.build());
        type.addMethod(MethodSpec.methodBuilder(Own.BUILDER.javaName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A new builder.\n")
                .addStatement("return new $T()", builder)
                .build());
        if (extra != null) type.addMethod(extra);
        type.addType(b.build());
        return type.build();
    }
}
