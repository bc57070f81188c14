package autosdk.emit.java.render;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Set;

/**
 * Reads the parts of JavaPoet's values that it keeps to itself: a code block's format parts and arguments, a file's
 * settings, a record's canonical constructor, a sealed type's permitted subclasses. JavaPoet (Palantir, 0.22) has no
 * public accessor for them, and rendering needs them. When the fields cannot be reached (another JavaPoet version, a
 * module that does not open them), {@link #AVAILABLE} is false and every file is left to JavaPoet.
 */
final class PoetInternals {
    static final boolean AVAILABLE;
    private static final VarHandle FORMAT_PARTS;
    private static final VarHandle ARGS;
    private static final VarHandle FILE_COMMENT;
    private static final VarHandle SKIP_JAVA_LANG_IMPORTS;
    private static final VarHandle STATIC_IMPORTS;
    private static final VarHandle ALWAYS_QUALIFY;
    private static final VarHandle INDENT;
    private static final VarHandle RECORD_CONSTRUCTOR;
    private static final VarHandle PERMITTED_SUBCLASSES;
    private static final VarHandle COMPACT_CONSTRUCTOR;
    private static final VarHandle KEYWORD;

    static {
        VarHandle[] handles = new VarHandle[11];
        boolean available;
        try {
            MethodHandles.Lookup code = MethodHandles.privateLookupIn(CodeBlock.class, MethodHandles.lookup());
            handles[0] = code.findVarHandle(CodeBlock.class, "formatParts", List.class);
            handles[1] = code.findVarHandle(CodeBlock.class, "args", List.class);
            MethodHandles.Lookup file = MethodHandles.privateLookupIn(JavaFile.class, MethodHandles.lookup());
            handles[2] = file.findVarHandle(JavaFile.class, "fileComment", CodeBlock.class);
            handles[3] = file.findVarHandle(JavaFile.class, "skipJavaLangImports", boolean.class);
            handles[4] = file.findVarHandle(JavaFile.class, "staticImports", Set.class);
            handles[5] = file.findVarHandle(JavaFile.class, "alwaysQualify", Set.class);
            handles[6] = file.findVarHandle(JavaFile.class, "indent", String.class);
            MethodHandles.Lookup type = MethodHandles.privateLookupIn(TypeSpec.class, MethodHandles.lookup());
            handles[7] = type.findVarHandle(TypeSpec.class, "recordConstructor", MethodSpec.class);
            handles[8] = type.findVarHandle(TypeSpec.class, "permittedSubclasses", List.class);
            MethodHandles.Lookup method = MethodHandles.privateLookupIn(MethodSpec.class, MethodHandles.lookup());
            handles[9] = method.findVarHandle(MethodSpec.class, "compactConstructor", boolean.class);
            MethodHandles.Lookup name = MethodHandles.privateLookupIn(TypeName.class, MethodHandles.lookup());
            handles[10] = name.findVarHandle(TypeName.class, "keyword", String.class);
            available = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            available = false;
        }
        AVAILABLE = available;
        FORMAT_PARTS = handles[0];
        ARGS = handles[1];
        FILE_COMMENT = handles[2];
        SKIP_JAVA_LANG_IMPORTS = handles[3];
        STATIC_IMPORTS = handles[4];
        ALWAYS_QUALIFY = handles[5];
        INDENT = handles[6];
        RECORD_CONSTRUCTOR = handles[7];
        PERMITTED_SUBCLASSES = handles[8];
        COMPACT_CONSTRUCTOR = handles[9];
        KEYWORD = handles[10];
    }

    private PoetInternals() {}

    /** The literal pieces and placeholders ({@code $L}, {@code $T}, {@code $>}, ...) of a code block, in order. */
    @SuppressWarnings("unchecked")
    static List<String> formatParts(CodeBlock block) {
        return (List<String>) FORMAT_PARTS.get(block);
    }

    /** The arguments of a code block's {@code $L}, {@code $N}, {@code $S} and {@code $T} placeholders, in order. */
    @SuppressWarnings("unchecked")
    static List<Object> args(CodeBlock block) {
        return (List<Object>) ARGS.get(block);
    }

    static CodeBlock fileComment(JavaFile file) {
        return (CodeBlock) FILE_COMMENT.get(file);
    }

    static boolean skipJavaLangImports(JavaFile file) {
        return (boolean) SKIP_JAVA_LANG_IMPORTS.get(file);
    }

    @SuppressWarnings("unchecked")
    static Set<String> staticImports(JavaFile file) {
        return (Set<String>) STATIC_IMPORTS.get(file);
    }

    /** The simple names never imported in this file (collected from the type and its nested types). */
    @SuppressWarnings("unchecked")
    static Set<String> alwaysQualify(JavaFile file) {
        return (Set<String>) ALWAYS_QUALIFY.get(file);
    }

    static String indent(JavaFile file) {
        return (String) INDENT.get(file);
    }

    /** A record's canonical constructor (its components are the parameters), or null. */
    static MethodSpec recordConstructor(TypeSpec type) {
        return (MethodSpec) RECORD_CONSTRUCTOR.get(type);
    }

    @SuppressWarnings("unchecked")
    static List<TypeName> permittedSubclasses(TypeSpec type) {
        return (List<TypeName>) PERMITTED_SUBCLASSES.get(type);
    }

    static boolean compactConstructor(MethodSpec method) {
        return (boolean) COMPACT_CONSTRUCTOR.get(method);
    }

    /** The keyword of a primitive type or {@code void}. */
    static String keyword(TypeName type) {
        return (String) KEYWORD.get(type);
    }
}
