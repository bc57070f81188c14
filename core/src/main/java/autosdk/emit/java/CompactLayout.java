package autosdk.emit.java;

import java.util.regex.Pattern;

/**
 * Lays generated source out compactly, so an SDK of thousands of models stays readable and cheap to scan: JavaPoet
 * spends three lines on a one-sentence Javadoc and on a one-statement method, and a blank line between fields. Three
 * rules, each applied only where the joined line fits {@link LongLines#LIMIT}:
 *
 * <ul>
 *   <li>a Javadoc of one line becomes {@code /** text *}{@code /};
 *   <li>a declaration (method, constructor) whose body is empty or up to three simple statements sits on one line:
 *       {@code public String name() { return this.name; }};
 *   <li>consecutive field declarations, one-line members and enum constants stand without blank lines between them.
 * </ul>
 *
 * <p>Only line breaks and blank lines change, never tokens, so the code means the same. One pass over the lines.
 */
final class CompactLayout {
    /** At most this many statements join their declaration's line: a builder setter's three, no more. */
    private static final int MAX_STATEMENTS = 3;
    /** A declaration line that opens a body: modifiers or a type, a name, parameters; no statement or control flow. */
    private static final Pattern DECLARATION =
            Pattern.compile("(?:(?:public|protected|private|static|final|abstract|default|synchronized)\\s+)*"
                    + "(?:<[^=]*>\\s+)?[\\w$.<>\\[\\], ?@]+\\([^=]*\\)(?:\\s+throws\\s+[\\w$., ]+)?\\s*\\{");

    private static final Pattern CONTROL =
            Pattern.compile("(?:if|else|for|while|do|switch|try|catch|finally|synchronized|return|new|case)\\b.*");

    private CompactLayout() {}

    static String apply(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            int indent = indentOf(line);
            String text = line.substring(indent);
            String doc = i + 2 < lines.length ? oneLineJavadoc(line, indent, text, lines[i + 1], lines[i + 2]) : null;
            if (doc != null) {
                append(out, doc);
                i += 3;
                continue;
            }
            int body = shortBody(lines, i, indent, text);
            if (body > 0) {
                StringBuilder joined = new StringBuilder(line);
                for (int k = i + 1; k <= i + body; k++) {
                    joined.append(' ').append(lines[k], indent + 4, lines[k].length());
                }
                append(out, joined.append(" }").toString());
                i += body + 2;
                continue;
            }
            if (i + 1 < lines.length && isEmptyBody(line, indent, text, lines[i + 1])) {
                append(out, line + "}");
                i += 2;
                continue;
            }
            if (text.isEmpty() && i > 0 && i + 1 < lines.length && isField(lines[i - 1]) && isField(lines[i + 1])) {
                i++;
                continue;
            }
            append(out, line);
            i++;
        }
        out.setLength(out.length() - 1); // the split kept the text after the last newline as a line of its own
        return packOneLiners(out.toString().split("\n", -1));
    }

    /**
     * Drops the blank line between one-line members (a one-line Javadoc may lead the second), so an accessor and its
     * presence check, or a run of short setters, read as one group; blank lines stay around longer members.
     */
    private static String packOneLiners(String[] lines) {
        StringBuilder out = new StringBuilder(lines.length * 48);
        for (int i = 0; i < lines.length; i++) {
            boolean blank = lines[i].isEmpty() && i > 0 && i + 1 < lines.length;
            if (blank && isOneLineMember(lines[i - 1]) && startsOneLineMember(lines, i + 1, indentOf(lines[i - 1]))) {
                continue;
            }
            if (blank && isEnumConstant(lines[i - 1]) && isEnumConstant(lines[i + 1])) {
                continue;
            }
            append(out, lines[i]);
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static boolean startsOneLineMember(String[] lines, int i, int indent) {
        if (!hasIndent(lines[i], indent)) return false;
        String text = lines[i].substring(indent);
        if (text.startsWith("/** ") && text.endsWith(" */")) {
            return i + 1 < lines.length && isOneLineMember(lines[i + 1]);
        }
        return isOneLineMember(lines[i]);
    }

    /** A declaration with its body on its line: {@code public String name() { return this.name; }}. */
    private static boolean isOneLineMember(String line) {
        int indent = indentOf(line);
        if (indent == 0 || !line.endsWith("}")) return false;
        int open = line.indexOf(" {", indent);
        return open > 0 && isDeclaration(line.substring(indent, open + 2));
    }

    /** The three lines of a Javadoc with one line of text as one line, or null when they stay. */
    private static String oneLineJavadoc(String line, int indent, String text, String middle, String last) {
        String prefix = line.substring(0, indent);
        if (!text.equals("/**") || !last.equals(prefix + " */") || !middle.startsWith(prefix + " * ")) return null;
        String doc = middle.substring(indent + 3);
        if (doc.isBlank() || doc.startsWith("<pre>")) return null;
        return fits(prefix + "/** " + doc + " */");
    }

    /**
     * The number of statements (one to {@link #MAX_STATEMENTS}) of a declaration's body that fits on the declaration's
     * line, each a simple one-line statement; 0 when the body stays as it is.
     */
    private static int shortBody(String[] lines, int i, int indent, String text) {
        if (!isDeclaration(text)) return 0;
        String close = lines[i].substring(0, indent) + "}";
        int length = lines[i].length() + 2;
        for (int n = 1; n <= MAX_STATEMENTS && i + n < lines.length; n++) {
            String statement = lines[i + n];
            if (!hasIndent(statement, indent + 4) || !isSimpleStatement(statement, indent + 4)) return 0;
            length += statement.length() - indent - 4 + 1;
            if (length > LongLines.LIMIT) return 0;
            if (i + n + 1 < lines.length && lines[i + n + 1].equals(close)) return n;
        }
        return 0;
    }

    private static boolean isSimpleStatement(String line, int from) {
        if (!line.endsWith(";") || line.contains("//")) return false;
        if (line.startsWith("case ", from) || line.startsWith("default", from)) return false;
        return line.indexOf('{', from) < 0 && line.indexOf('}', from) < 0;
    }

    /** A declaration line followed by its closing brace: {@code private Builder() {}}. */
    private static boolean isEmptyBody(String line, int indent, String text, String next) {
        return next.length() == indent + 1
                && hasIndent(next, indent)
                && next.charAt(indent) == '}'
                && isDeclaration(text)
                && line.length() + 1 <= LongLines.LIMIT;
    }

    private static boolean isDeclaration(String text) {
        return text.endsWith("{")
                && text.indexOf('(') >= 0 // the pattern needs a parameter list: most lines fail here, cheaply
                && !text.contains("->")
                && !CONTROL.matcher(text).matches()
                && DECLARATION.matcher(text).matches();
    }

    /** One field declaration on one line: modifiers, type, name, maybe an initializer; no method. */
    private static boolean isField(String line) {
        int indent = indentOf(line);
        return indent > 0 && FieldLine.matches(line, indent);
    }

    /**
     * A plain enum constant on its own line ({@code AUTO,}), as JavaPoet lays out enums without bodies: spaces, then
     * {@code [A-Z_$][A-Z0-9_$]*} and maybe a comma.
     */
    static boolean isEnumConstant(String line) {
        int i = indentOf(line);
        if (i == 0 || i == line.length()) return false;
        char first = line.charAt(i);
        if (!((first >= 'A' && first <= 'Z') || first == '_' || first == '$')) return false;
        int end = line.endsWith(",") ? line.length() - 1 : line.length();
        for (int k = i + 1; k < end; k++) {
            char c = line.charAt(k);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) return false;
        }
        return true;
    }

    private static String fits(String joined) {
        return joined.length() <= LongLines.LIMIT ? joined : null;
    }

    private static boolean hasIndent(String line, int indent) {
        if (line.length() <= indent) return false;
        for (int k = 0; k < indent; k++) {
            if (line.charAt(k) != ' ') return false;
        }
        return line.charAt(indent) != ' ';
    }

    private static int indentOf(String line) {
        int k = 0;
        while (k < line.length() && line.charAt(k) == ' ') k++;
        return k;
    }

    private static void append(StringBuilder out, String line) {
        out.append(line).append('\n');
    }
}
