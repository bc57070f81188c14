package autosdk.emit.java.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes JavaPoet specs (types, fields, methods, parameters, annotations, code blocks, type names) as JavaPoet's own
 * writer lays them out, token for token: the same member order, blank lines, modifiers, Javadoc with {@code @param}
 * tags, and the same choice of simple or qualified name for every class ({@link Names}). Used twice per file: once
 * collecting (only names are looked up, to learn the imports), once writing.
 */
final class SpecWriter {
    /** Each modifier with its space, in the language's order ({@code non-sealed} is spelled with its hyphen). */
    private static final Map<Modifier, String> MODIFIERS = new EnumMap<>(Modifier.class);

    static {
        for (Modifier m : Modifier.values()) MODIFIERS.put(m, m + " ");
    }

    private final SourceLines lines;
    private final Names names;
    private final String indent;

    SpecWriter(SourceLines lines, Names names, String indent) {
        this.lines = lines;
        this.names = names;
        this.indent = indent;
    }

    /** A top-level or nested type ({@code enumName} null), or an enum constant's body. */
    void type(TypeSpec type, String enumName, Set<Modifier> implicitModifiers) {
        int previousStatementLine = lines.statementLine();
        lines.statementLine(-1); // nested types interrupt a wrapped statement's indentation
        try {
            if (enumName != null) {
                javadoc(type.javadoc());
                annotations(type.annotations(), false);
                lines.text(enumName);
                CodeBlock arguments = type.anonymousTypeArguments();
                if (!arguments.isEmpty()) {
                    lines.text("(");
                    code(arguments, false);
                    lines.text(")");
                }
                if (type.fieldSpecs().isEmpty()
                        && type.methodSpecs().isEmpty()
                        && type.typeSpecs().isEmpty()) {
                    return; // no body braces
                }
                lines.text(" {\n");
            } else if (type.anonymousTypeArguments() != null) {
                TypeName supertype = !type.superinterfaces().isEmpty()
                        ? type.superinterfaces().get(0)
                        : type.superclass();
                lines.text("new ");
                typeName(supertype);
                lines.text("(");
                code(type.anonymousTypeArguments(), false);
                lines.text(") {\n");
            } else {
                header(type, implicitModifiers);
            }
            names.pushType(type.name(), type.nestedTypesSimpleNames());
            lines.indent(1);
            body(type);
            lines.unindent(1);
            names.popType();
            names.popTypeVariables(type.typeVariables());
            lines.text("}");
            if (enumName == null && type.anonymousTypeArguments() == null) lines.text("\n");
        } finally {
            lines.statementLine(previousStatementLine);
        }
    }

    /** From the Javadoc to the type's opening brace; names resolve as inside the type, without its nested types. */
    private void header(TypeSpec type, Set<Modifier> implicitModifiers) {
        names.pushType(type.name(), Set.of());
        MethodSpec recordConstructor = PoetInternals.recordConstructor(type);
        if (recordConstructor != null) {
            javadocWithParameters(type.javadoc(), recordConstructor.parameters());
        } else {
            javadoc(type.javadoc());
        }
        annotations(type.annotations(), false);
        Set<Modifier> asMember = KindRules.asMemberModifiers(type.kind());
        modifiers(type.modifiers(), implicitModifiers, asMember);
        lines.text(KindRules.keyword(type.kind()));
        lines.text(" ");
        lines.text(type.name());
        typeVariables(type.typeVariables());
        if (type.kind() == TypeSpec.Kind.RECORD) {
            if (recordConstructor != null) {
                parameters(recordConstructor.parameters(), recordConstructor.varargs());
            } else {
                parameters(List.of(), false);
            }
        }
        List<TypeName> extendsTypes;
        List<TypeName> implementsTypes;
        if (type.kind() == TypeSpec.Kind.INTERFACE) {
            extendsTypes = type.superinterfaces();
            implementsTypes = List.of();
        } else {
            extendsTypes = isObject(type.superclass()) ? List.of() : List.of(type.superclass());
            implementsTypes = type.superinterfaces();
        }
        if (!extendsTypes.isEmpty()) {
            lines.text(" extends");
            typeList(extendsTypes);
        }
        if (!implementsTypes.isEmpty()) {
            lines.text(" implements");
            typeList(implementsTypes);
        }
        List<TypeName> permitted = PoetInternals.permittedSubclasses(type);
        if (!permitted.isEmpty()) {
            lines.text(" permits");
            boolean first = true;
            for (TypeName t : permitted) {
                if (!first) lines.text(",");
                lines.text(" ");
                typeName(t);
                first = false;
            }
        }
        names.popType();
        lines.text(" {\n");
    }

    /** Enum constants, static fields, static block, fields, initializer, constructors, methods, nested types. */
    private void body(TypeSpec type) {
        boolean first = true;
        boolean separator = type.kind() == TypeSpec.Kind.ENUM
                && (!type.fieldSpecs().isEmpty()
                        || !type.methodSpecs().isEmpty()
                        || !type.typeSpecs().isEmpty());
        Iterator<Map.Entry<String, TypeSpec>> constants =
                type.enumConstants().entrySet().iterator();
        while (constants.hasNext()) {
            Map.Entry<String, TypeSpec> constant = constants.next();
            if (!first) lines.text("\n");
            type(constant.getValue(), constant.getKey(), Set.of());
            first = false;
            if (constants.hasNext()) {
                lines.text(",\n");
            } else if (!separator) {
                lines.text("\n");
            }
        }
        if (separator) lines.text(";\n");
        Set<Modifier> implicitField = KindRules.implicitFieldModifiers(type.kind());
        for (FieldSpec field : type.fieldSpecs()) {
            if (!field.modifiers().contains(Modifier.STATIC)) continue;
            if (!first) lines.text("\n");
            field(field, implicitField);
            first = false;
        }
        if (!type.staticBlock().isEmpty()) {
            if (!first) lines.text("\n");
            code(type.staticBlock(), false);
            first = false;
        }
        for (FieldSpec field : type.fieldSpecs()) {
            if (field.modifiers().contains(Modifier.STATIC)) continue;
            if (!first) lines.text("\n");
            field(field, implicitField);
            first = false;
        }
        if (!type.initializerBlock().isEmpty()) {
            if (!first) lines.text("\n");
            code(type.initializerBlock(), false);
            first = false;
        }
        Set<Modifier> implicitMethod = KindRules.implicitMethodModifiers(type.kind());
        MethodSpec recordConstructor = PoetInternals.recordConstructor(type);
        if (recordConstructor != null && !recordConstructor.code().isEmpty()) {
            if (!first) lines.text("\n");
            method(recordConstructor, type.name(), implicitMethod);
            first = false;
        }
        for (MethodSpec method : type.methodSpecs()) {
            if (!method.isConstructor()) continue;
            if (!first) lines.text("\n");
            method(method, type.name(), implicitMethod);
            first = false;
        }
        for (MethodSpec method : type.methodSpecs()) {
            if (method.isConstructor()) continue;
            if (!first) lines.text("\n");
            method(method, type.name(), implicitMethod);
            first = false;
        }
        Set<Modifier> implicitType = KindRules.implicitTypeModifiers(type.kind());
        for (TypeSpec nested : type.typeSpecs()) {
            if (!first) lines.text("\n");
            type(nested, null, implicitType);
            first = false;
        }
    }

    private void typeList(List<TypeName> types) {
        boolean wrap = types.size() > 3;
        lines.indent(2);
        boolean first = true;
        for (TypeName t : types) {
            if (!first) {
                lines.text(",");
                lines.text(wrap ? "\n" : " ");
            } else {
                lines.text(" ");
            }
            typeName(t);
            first = false;
        }
        lines.unindent(2);
    }

    private void field(FieldSpec field, Set<Modifier> implicitModifiers) {
        javadoc(field.javadoc());
        annotations(field.annotations(), false);
        modifiers(field.modifiers(), implicitModifiers, Set.of());
        typeName(field.type());
        lines.text(" ");
        lines.text(field.name());
        if (!field.initializer().isEmpty()) {
            lines.text(" = ");
            code(field.initializer(), false);
        }
        lines.text(";\n");
    }

    private void method(MethodSpec method, String enclosingName, Set<Modifier> implicitModifiers) {
        javadocWithParameters(method.javadoc(), method.parameters());
        annotations(method.annotations(), false);
        modifiers(method.modifiers(), implicitModifiers, Set.of());
        if (!method.typeVariables().isEmpty()) {
            typeVariables(method.typeVariables());
            lines.text(" ");
        }
        if (PoetInternals.compactConstructor(method)) {
            lines.text(String.valueOf(enclosingName));
        } else if (method.isConstructor()) {
            lines.text(String.valueOf(enclosingName));
            parameters(method.parameters(), method.varargs());
        } else {
            typeName(method.returnType());
            lines.text(" ");
            lines.text(method.name());
            parameters(method.parameters(), method.varargs());
        }
        CodeBlock defaultValue = method.defaultValue();
        if (defaultValue != null && !defaultValue.isEmpty()) {
            lines.text(" default ");
            code(defaultValue, false);
        }
        if (!method.exceptions().isEmpty()) {
            lines.wrappingSpace();
            lines.text("throws");
            boolean first = true;
            for (TypeName exception : method.exceptions()) {
                if (!first) lines.text(",");
                lines.wrappingSpace();
                typeName(exception);
                first = false;
            }
        }
        if (method.modifiers().contains(Modifier.ABSTRACT)) {
            lines.text(";\n");
        } else if (method.modifiers().contains(Modifier.NATIVE)) {
            code(method.code(), false);
            lines.text(";\n");
        } else {
            lines.text(" {\n");
            lines.indent(1);
            code(method.code(), true);
            lines.unindent(1);
            lines.text("}\n");
        }
        names.popTypeVariables(method.typeVariables());
    }

    private void parameters(List<ParameterSpec> parameters, boolean varargs) {
        lines.text("(");
        lines.zeroWidthSpace();
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                lines.text(",");
                lines.wrappingSpace();
            }
            ParameterSpec parameter = parameters.get(i);
            annotations(parameter.annotations(), true);
            modifiers(parameter.modifiers(), Set.of(), Set.of());
            if (varargs && i == parameters.size() - 1) {
                array((ArrayTypeName) parameter.type(), true);
            } else {
                typeName(parameter.type());
            }
            lines.text(" ");
            lines.text(parameter.name());
        }
        lines.text(")");
    }

    /** Modifiers in the language's order, leaving out those implied by where the member is. */
    private void modifiers(Set<Modifier> modifiers, Set<Modifier> implicit, Set<Modifier> alsoImplicit) {
        if (modifiers.isEmpty()) return;
        for (Map.Entry<Modifier, String> m : MODIFIERS.entrySet()) {
            Modifier modifier = m.getKey();
            if (modifiers.contains(modifier) && !implicit.contains(modifier) && !alsoImplicit.contains(modifier)) {
                lines.text(m.getValue());
            }
        }
    }

    private void typeVariables(List<TypeVariableName> variables) {
        if (variables.isEmpty()) return;
        names.pushTypeVariables(variables);
        lines.text("<");
        boolean first = true;
        for (TypeVariableName variable : variables) {
            if (!first) lines.text(", ");
            annotations(variable.annotations(), true);
            lines.text(variable.name());
            boolean firstBound = true;
            for (TypeName bound : variable.bounds()) {
                lines.text(firstBound ? " extends " : " & ");
                typeName(bound);
                firstBound = false;
            }
            first = false;
        }
        lines.text(">");
    }

    private void javadoc(CodeBlock doc) {
        if (doc.isEmpty()) return;
        lines.text("/**\n");
        lines.javadoc(true);
        try {
            code(doc, true);
        } finally {
            lines.javadoc(false);
        }
        lines.text(" */\n");
    }

    /** The Javadoc followed by an {@code @param} tag for each documented parameter (record components too). */
    private void javadocWithParameters(CodeBlock doc, List<ParameterSpec> parameters) {
        boolean documented = false;
        for (ParameterSpec p : parameters) documented |= !p.javadoc().isEmpty();
        if (!documented) {
            javadoc(doc);
            return;
        }
        lines.text("/**\n");
        lines.javadoc(true);
        try {
            code(doc, false);
            boolean tagNewline = true;
            for (ParameterSpec p : parameters) {
                if (p.javadoc().isEmpty()) continue;
                if (tagNewline && !doc.isEmpty()) lines.text("\n");
                tagNewline = false;
                lines.text("@param ");
                lines.text(p.name());
                lines.text(" ");
                code(p.javadoc(), false);
            }
            if (!lines.collecting() && lines.lastChar() != '\n') lines.text("\n");
        } finally {
            lines.javadoc(false);
        }
        lines.text(" */\n");
    }

    private void annotations(List<AnnotationSpec> annotations, boolean inline) {
        for (AnnotationSpec annotation : annotations) {
            annotation(annotation, inline);
            lines.text(inline ? " " : "\n");
        }
    }

    private void annotation(AnnotationSpec annotation, boolean inline) {
        String whitespace = inline ? "" : "\n";
        String memberSeparator = inline ? ", " : ",\n";
        Map<String, List<CodeBlock>> members = annotation.members();
        lines.text("@");
        typeName(annotation.type());
        if (members.isEmpty()) return;
        if (members.size() == 1 && members.containsKey("value")) {
            lines.text("(");
            annotationValues(whitespace, memberSeparator, members.get("value"));
            lines.text(")");
            return;
        }
        lines.text("(" + whitespace);
        lines.indent(2);
        Iterator<Map.Entry<String, List<CodeBlock>>> i = members.entrySet().iterator();
        while (i.hasNext()) {
            Map.Entry<String, List<CodeBlock>> member = i.next();
            lines.text(member.getKey());
            lines.text(" = ");
            annotationValues(whitespace, memberSeparator, member.getValue());
            if (i.hasNext()) lines.text(memberSeparator);
        }
        lines.unindent(2);
        lines.text(whitespace + ")");
    }

    private void annotationValues(String whitespace, String memberSeparator, List<CodeBlock> values) {
        if (values.size() == 1) {
            lines.indent(2);
            code(values.get(0), false);
            lines.unindent(2);
            return;
        }
        lines.text("{" + whitespace);
        lines.indent(2);
        boolean first = true;
        for (CodeBlock value : values) {
            if (!first) lines.text(memberSeparator);
            code(value, false);
            first = false;
        }
        lines.unindent(2);
        lines.text(whitespace + "}");
    }

    /** A code block: literal pieces as text, each placeholder with its argument. */
    void code(CodeBlock block, boolean ensureTrailingNewline) {
        List<String> parts = PoetInternals.formatParts(block);
        List<Object> args = PoetInternals.args(block);
        int a = 0;
        for (int i = 0, n = parts.size(); i < n; i++) {
            String part = parts.get(i);
            // A literal piece never starts with '$': the parser ends a piece at every '$'.
            if (part.length() != 2 || part.charAt(0) != '$') {
                lines.text(part);
                continue;
            }
            switch (part.charAt(1)) {
                case 'L' -> literal(args.get(a++));
                case 'N' -> lines.text((String) args.get(a++));
                case 'S' -> {
                    String s = (String) args.get(a++);
                    if (!lines.collecting()) lines.text(s == null ? "null" : StringLiterals.quoted(s, indent));
                }
                case 'T' -> typeName((TypeName) args.get(a++));
                case '$' -> lines.text("$");
                case '>' -> lines.indent(1);
                case '<' -> lines.unindent(1);
                case '[' -> lines.beginStatement();
                case ']' -> lines.endStatement();
                case 'W' -> lines.wrappingSpace();
                case 'Z' -> lines.zeroWidthSpace();
                default -> throw new IllegalStateException("unknown placeholder " + part);
            }
        }
        if (ensureTrailingNewline && !lines.collecting() && lines.lastChar() != '\n') lines.text("\n");
    }

    private void literal(Object value) {
        if (value instanceof TypeSpec anonymous) {
            type(anonymous, null, Set.of());
        } else if (value instanceof AnnotationSpec annotation) {
            annotation(annotation, true);
        } else if (value instanceof CodeBlock block) {
            code(block, false);
        } else if (!lines.collecting()) {
            // Anything else as its string (another spec or a type name renders on its own, without imports).
            lines.text(String.valueOf(value));
        }
    }

    void typeName(TypeName type) {
        if (type instanceof ClassName c) {
            className(c);
        } else if (type instanceof ParameterizedTypeName p) {
            parameterized(p);
        } else if (type instanceof ArrayTypeName a) {
            array(a, false);
        } else if (type instanceof WildcardTypeName w) {
            if (w.lowerBounds().size() == 1) {
                lines.text("? super ");
                typeName(w.lowerBounds().get(0));
            } else if (isObject(w.upperBounds().get(0))) {
                lines.text("?");
            } else {
                lines.text("? extends ");
                typeName(w.upperBounds().get(0));
            }
        } else if (type instanceof TypeVariableName v) {
            typeAnnotations(v);
            lines.text(v.name());
        } else {
            typeAnnotations(type); // a primitive type or void
            lines.text(PoetInternals.keyword(type));
        }
    }

    private void typeAnnotations(TypeName type) {
        for (AnnotationSpec annotation : type.annotations()) {
            annotation(annotation, true);
            lines.text(" ");
        }
    }

    /**
     * A class's name as {@link Names#lookup} says, with its type annotations before the simple name they annotate
     * ({@code java.util. @Nullable List}, with JavaPoet's space).
     */
    private void className(ClassName type) {
        if (type.enclosingClassName() == null && type.annotations().isEmpty()) {
            lines.text(names.lookup(type)); // the common case: one name, no annotations
            return;
        }
        List<ClassName> chain = new ArrayList<>();
        for (ClassName c = type; c != null; c = c.enclosingClassName()) chain.add(c);
        boolean written = false;
        for (int i = chain.size() - 1; i >= 0; i--) {
            ClassName c = chain.get(i);
            String simpleName;
            if (written) {
                lines.text(".");
                simpleName = c.simpleName();
            } else {
                // Outer classes are skipped until one is annotated: the lookup decides how much of the name shows.
                if (!c.isAnnotated() && i != 0) continue;
                String name = names.lookup(c);
                int dot = name.lastIndexOf('.');
                if (dot >= 0) {
                    lines.text(name.substring(0, dot + 1));
                    simpleName = name.substring(dot + 1);
                    written = true;
                } else {
                    simpleName = name;
                }
            }
            if (c.isAnnotated()) {
                if (written) lines.text(" ");
                typeAnnotations(c);
            }
            lines.text(simpleName);
            written = true;
        }
    }

    private void parameterized(ParameterizedTypeName type) {
        if (type.enclosingType() != null) {
            parameterized(type.enclosingType());
            lines.text(".");
            if (type.isAnnotated()) {
                lines.text(" ");
                typeAnnotations(type);
            }
            lines.text(type.rawType().simpleName());
        } else {
            className(type.rawType());
        }
        List<TypeName> arguments = type.typeArguments();
        if (arguments.isEmpty()) return;
        lines.text("<");
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) lines.text(", ");
            typeName(arguments.get(i));
        }
        lines.text(">");
    }

    /** The innermost component type, then the brackets, each level's annotations before its brackets. */
    private void array(ArrayTypeName type, boolean varargs) {
        TypeName leaf = type.componentType();
        while (leaf instanceof ArrayTypeName inner) leaf = inner.componentType();
        typeName(leaf);
        ArrayTypeName level = type;
        while (true) {
            if (level.isAnnotated()) {
                lines.text(" ");
                typeAnnotations(level);
            }
            if (!(level.componentType() instanceof ArrayTypeName inner)) {
                lines.text(varargs ? "..." : "[]");
                return;
            }
            lines.text("[]");
            level = inner;
        }
    }

    /** Whether {@code type} is {@code java.lang.Object} as JavaPoet compares it (by its text, annotations included). */
    private static boolean isObject(TypeName type) {
        if (type instanceof ClassName c) {
            return !c.isAnnotated() && c.canonicalName().equals("java.lang.Object");
        }
        return type.equals(ClassName.OBJECT);
    }
}
