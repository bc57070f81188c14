package autosdk.emit.java.render;

import com.palantir.javapoet.TypeSpec;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * What each kind of type implies for its members, as JavaPoet leaves those modifiers out: an interface's fields are
 * {@code public static final}, its methods {@code public abstract}, its nested types {@code public static}; a nested
 * interface, enum or annotation is {@code static} by itself (JavaPoet writes out a nested record's {@code static}).
 */
final class KindRules {
    private static final Set<Modifier> NONE = Set.of();
    private static final Set<Modifier> STATIC = Set.of(Modifier.STATIC);
    private static final Set<Modifier> INTERFACE_FIELD = Set.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    private static final Set<Modifier> INTERFACE_METHOD = Set.of(Modifier.PUBLIC, Modifier.ABSTRACT);
    private static final Set<Modifier> INTERFACE_TYPE = Set.of(Modifier.PUBLIC, Modifier.STATIC);

    private KindRules() {}

    static String keyword(TypeSpec.Kind kind) {
        return switch (kind) {
            case CLASS -> "class";
            case RECORD -> "record";
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION -> "@interface";
        };
    }

    private static boolean interfaceLike(TypeSpec.Kind kind) {
        return kind == TypeSpec.Kind.INTERFACE || kind == TypeSpec.Kind.ANNOTATION;
    }

    static Set<Modifier> implicitFieldModifiers(TypeSpec.Kind kind) {
        return interfaceLike(kind) ? INTERFACE_FIELD : NONE;
    }

    static Set<Modifier> implicitMethodModifiers(TypeSpec.Kind kind) {
        return interfaceLike(kind) ? INTERFACE_METHOD : NONE;
    }

    static Set<Modifier> implicitTypeModifiers(TypeSpec.Kind kind) {
        return interfaceLike(kind) ? INTERFACE_TYPE : NONE;
    }

    /** Modifiers a nested type of this kind has without saying so. */
    static Set<Modifier> asMemberModifiers(TypeSpec.Kind kind) {
        return kind == TypeSpec.Kind.CLASS || kind == TypeSpec.Kind.RECORD ? NONE : STATIC;
    }
}
