package autosdk.emit.java.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link JavaFile} to the exact text of {@link JavaFile#toString()}, several times faster: JavaPoet writes
 * every file twice (the first time only to learn its imports) and splits every fragment it writes with a regular
 * expression; here the import pass only walks the specs and looks names up, and the writing pass appends to one
 * {@link StringBuilder}, finding line breaks by scanning characters.
 *
 * <p>It covers what JavaPoet 0.22 writes for any type, member, annotation, code block and type name, with one
 * exception: files with static imports (which AutoSDK never writes) are left to JavaPoet, as is every file when
 * JavaPoet's internal fields cannot be read. {@code JavaFileRendererTest} proves the identity on the golden fixtures
 * and large corpus specs.
 */
public final class JavaFileRenderer {
    private JavaFileRenderer() {}

    /** The text of {@code file}: rendered here when possible, else by JavaPoet; the same text either way. */
    public static String text(JavaFile file) {
        return render(file).orElseGet(file::toString);
    }

    /** The text of {@code file} as {@link JavaFile#toString()} has it, or empty when this renderer leaves it. */
    public static Optional<String> render(JavaFile file) {
        if (!PoetInternals.AVAILABLE || !PoetInternals.staticImports(file).isEmpty()) return Optional.empty();
        try {
            String indent = PoetInternals.indent(file);
            Set<String> alwaysQualify = PoetInternals.alwaysQualify(file);
            Names collected = new Names(file.packageName(), alwaysQualify, Map.of());
            write(file, new SourceLines(true, indent, 0), collected, Map.of());
            Map<String, ClassName> imports = collected.suggestedImports();
            SourceLines lines = new SourceLines(false, indent, 16384);
            write(file, lines, new Names(file.packageName(), alwaysQualify, imports), imports);
            return Optional.of(lines.result());
        } catch (UnsupportedSpecException e) {
            return Optional.empty();
        }
    }

    /** The file comment, package, imports and type, as {@code JavaFile} lays them out. */
    private static void write(JavaFile file, SourceLines lines, Names names, Map<String, ClassName> imports) {
        String indent = PoetInternals.indent(file);
        SpecWriter writer = new SpecWriter(lines, names, indent);
        CodeBlock comment = PoetInternals.fileComment(file);
        if (!comment.isEmpty()) {
            lines.comment(true);
            try {
                writer.code(comment, false);
                lines.text("\n");
            } finally {
                lines.comment(false);
            }
        }
        if (!file.packageName().isEmpty()) {
            lines.text("package ");
            lines.text(file.packageName());
            lines.text(";\n");
            lines.text("\n");
        }
        boolean skipJavaLang = PoetInternals.skipJavaLangImports(file);
        Set<String> alwaysQualify = PoetInternals.alwaysQualify(file);
        int written = 0;
        for (ClassName c : new TreeSet<>(imports.values())) {
            if (skipJavaLang && c.packageName().equals("java.lang") && !alwaysQualify.contains(c.simpleName())) {
                continue;
            }
            lines.text("import ");
            lines.text(c.canonicalName());
            lines.text(";\n");
            written++;
        }
        if (written > 0) lines.text("\n");
        writer.type(file.typeSpec(), null, Set.of());
    }
}
