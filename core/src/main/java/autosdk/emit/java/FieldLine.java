package autosdk.emit.java;

/**
 * Recognises one field declaration on one line, as {@link CompactLayout} needs to know (it is called on the lines
 * around every blank line, so it is written out by hand rather than as a backtracking regular expression). The
 * language is that of
 *
 * <pre>(?:@[\w$.]+\s+)*(?:public|protected|private)\s+[^(){}=;]*?[\w$]+(?:\s+=\s+[^{};]*(?:\{\})?[^{};]*)?;</pre>
 *
 * matched against the whole text: annotations without arguments, an access modifier, then a type and name that end
 * with a word character, optionally {@code = initializer} (no semicolon, no braces but one {@code {}}), and the one
 * semicolon at the end. {@code FieldLineTest} checks the two agree.
 */
final class FieldLine {
    private FieldLine() {}

    /** Whether {@code line} from {@code from} to its end is a field declaration. */
    static boolean matches(String line, int from) {
        int end = line.length();
        if (end <= from || line.charAt(end - 1) != ';') return false;
        int i = from;
        while (i < end && line.charAt(i) == '@') { // annotations: @Name followed by whitespace
            int name = i + 1;
            while (name < end && isWordOrDollarOrDot(line.charAt(name))) name++;
            if (name == i + 1 || name >= end || !isSpace(line.charAt(name))) return false;
            i = skipSpaces(line, name, end);
        }
        int afterModifier = accessModifierEnd(line, i);
        if (afterModifier < 0 || afterModifier >= end || !isSpace(line.charAt(afterModifier))) return false;
        return isDeclarator(line, afterModifier + 1, end - 1);
    }

    /**
     * Whether {@code [start, semicolon)} is {@code [^(){}=;]*?[\w$]+} optionally followed by an initializer; the
     * whitespace run after the modifier may start it (whitespace is in the first class).
     */
    private static boolean isDeclarator(String line, int start, int semicolon) {
        int equals = -1;
        for (int k = start; k < semicolon; k++) {
            char c = line.charAt(k);
            if (c == ';') return false;
            if (c == '=') {
                equals = k;
                break;
            }
            if (c == '(' || c == ')' || c == '{' || c == '}') return false;
        }
        if (equals < 0) return semicolon > start && isWordOrDollar(line.charAt(semicolon - 1));
        // The name ends before the whitespace run that precedes '='; at least one whitespace on each side of it.
        int nameEnd = equals;
        while (nameEnd > start && isSpace(line.charAt(nameEnd - 1))) nameEnd--;
        if (nameEnd == equals || nameEnd == start || !isWordOrDollar(line.charAt(nameEnd - 1))) return false;
        if (equals + 1 >= semicolon || !isSpace(line.charAt(equals + 1))) return false;
        return isInitializer(line, equals + 2, semicolon);
    }

    /** {@code [^{};]*(?:\{\})?[^{};]*}: no semicolon, and braces only as one adjacent {@code {}}. */
    private static boolean isInitializer(String line, int start, int end) {
        boolean braces = false;
        for (int k = start; k < end; k++) {
            char c = line.charAt(k);
            if (c == ';' || c == '}') return false;
            if (c == '{') {
                if (braces || k + 1 >= end || line.charAt(k + 1) != '}') return false;
                braces = true;
                k++;
            }
        }
        return true;
    }

    private static int accessModifierEnd(String line, int i) {
        for (String modifier : new String[] {"public", "protected", "private"}) {
            if (line.startsWith(modifier, i)) return i + modifier.length();
        }
        return -1;
    }

    private static int skipSpaces(String line, int i, int end) {
        while (i < end && isSpace(line.charAt(i))) i++;
        return i;
    }

    /** {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code [\w$]}: ASCII letters, digits, underscore, dollar. */
    static boolean isWordOrDollar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }

    private static boolean isWordOrDollarOrDot(char c) {
        return isWordOrDollar(c) || c == '.';
    }
}
