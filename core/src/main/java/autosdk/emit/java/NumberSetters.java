package autosdk.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/**
 * Primitive overloads of the setters of numbers. An {@code integer} without a format is a {@code Long} and a
 * {@code number} a {@code Double}, and {@code limit(10)} or {@code temperature(1)} does not compile against those:
 * {@code int} widens to {@code long} but never boxes to {@code Long}. The overload takes the primitive and calls the
 * boxed setter; {@code limit(null)} still resolves to the boxed one, so an explicit null keeps its meaning.
 */
final class NumberSetters {
    private NumberSetters() {}

    /** The overload of setter {@code name} for a boxed number {@code type}, or null when the type is not a number. */
    static MethodSpec primitiveOverload(String name, TypeName type, ClassName builder, boolean deprecated) {
        if (!type.isBoxedPrimitive() || type.equals(TypeName.BOOLEAN.box()) || type.equals(TypeName.CHAR.box())) {
            return null;
        }
        MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(type.unbox(), name)
                .addJavadoc("Same as {@link #$N($T)}, for a literal such as {@code 10}.\n", name, type)
                .addStatement("return $N($T.valueOf($N))", name, type, name);
        if (deprecated) setter.addAnnotation(Deprecated.class);
        return setter.build();
    }
}
