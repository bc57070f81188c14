package autosdk.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** The nested {@code Codec} class that holds a generated type's streaming JSON codec (see {@link JavaTypes#codec}). */
final class Codecs {
    private Codecs() {}

    /** An empty {@code Codec} class for {@code model}; the emitter adds {@code read}, {@code write} and its helpers. */
    static TypeSpec.Builder holder(ClassName model) {
        return TypeSpec.classBuilder(JavaTypes.codec(model))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                // One line whatever the model's name (the class sits inside the model, so it need not name it).
                .addJavadoc("Streaming JSON codec for generated code; read and write values with "
                        + "{@code SourceGenerationContext}.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
    }
}
