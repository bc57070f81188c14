package autosdk.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the package's JSON context (by default {@code SourceGenerationContext}): one registered,
 * reflection-free codec per generated type, behind the small read/write API of the runtime's
 * {@code JsonContext}.
 */
final class ContextEmitter {
    /** Registrations per method, well under the JVM's 64 KB method limit. */
    private static final int CHUNK = 300;

    private final JavaTypes types;

    ContextEmitter(JavaTypes types) {
        this.types = types;
    }

    TypeSpec emit(ClassName self, List<ClassName> registered) {
        ClassName base = types.runtime("JsonContext");
        ClassName registry = types.runtimeNested("JsonContext", "Registry");
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(base)
                .addJavadoc("""
                Reads and writes every type of this package as JSON, with generated streaming codecs and no reflection.

                <p>Use {@link #DEFAULT}: {@code $T.DEFAULT.read(json, Type.class)} and {@code $T.DEFAULT.write(value)}.
                """, self, self)
                .addField(FieldSpec.builder(self, "DEFAULT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The shared, thread-safe instance.\n")
                        .initializer("new $T()", self)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        MethodSpec.Builder register = MethodSpec.methodBuilder("register")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(registry, "registry");
        for (int start = 0, chunk = 0; start < registered.size(); start += CHUNK, chunk++) {
            MethodSpec.Builder part = MethodSpec.methodBuilder("register" + chunk)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(registry, "registry");
            for (ClassName c : registered.subList(start, Math.min(registered.size(), start + CHUNK))) {
                part.addStatement(
                        "registry.add($T.class, $T::read, $T::write)", c, JavaTypes.codec(c), JavaTypes.codec(c));
            }
            type.addMethod(part.build());
            register.addStatement("register$L(registry)", chunk);
        }
        type.addMethod(register.build());
        return type.build();
    }
}
