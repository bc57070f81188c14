package autosdk.emit.java;

/**
 * Wraps every line of a Java source longer than {@link #LIMIT} characters, so generated code reads without
 * horizontal scrolling. One pass over the text, touching only the long lines, so it costs the generator almost
 * nothing. Code lines break at the outermost place that fits (before {@code &&}, {@code ||}, {@code ?}, {@code :},
 * {@code +}; after a comma, an opening parenthesis or {@code =}), never inside a string or character literal, and
 * continue eight spaces deeper; comment lines break between words and repeat their {@code *} or {@code //}
 * prefix. Only whitespace changes, so the code means the same. A line with no place to break stays as it is.
 */
final class LongLines {
    static final int LIMIT = 120;
    private static final String CONTINUATION = "        ";
    /** Added to the depth of breaks that read worst, so that any other break that fits wins. */
    private static final int LAST_RESORT = 100;

    private LongLines() {}

    static String wrap(String source) {
        if (!hasLongLine(source)) return source;
        StringBuilder out = new StringBuilder(source.length() + 256);
        boolean inComment = false;
        boolean inPre = false;
        int start = 0;
        while (start < source.length()) {
            int end = source.indexOf('\n', start);
            if (end < 0) end = source.length();
            int text = start;
            while (text < end && source.charAt(text) == ' ') text++;
            // Most lines are short code: copied as they are, without making a String of them.
            if (inComment || source.startsWith("/*", text)) {
                int marks = commentMarks(source, text, end);
                if ((marks & OPENS_PRE) != 0) inPre = true;
                if (end - start > LIMIT && !inPre) {
                    String line = source.substring(start, end);
                    wrapWords(out, line, commentPrefix(line));
                } else {
                    out.append(source, start, end);
                }
                if ((marks & CLOSES_PRE) != 0) inPre = false;
                inComment = (marks & ENDS_COMMENT) == 0;
                if (!inComment) inPre = false;
            } else if (end - start <= LIMIT) {
                out.append(source, start, end);
            } else if (source.startsWith("//", text)) {
                String line = source.substring(start, end);
                wrapWords(out, line, source.substring(start, text) + "// ");
            } else {
                wrapCode(out, source.substring(start, end));
            }
            if (end < source.length()) out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    private static final int OPENS_PRE = 1;
    private static final int CLOSES_PRE = 2;
    private static final int ENDS_COMMENT = 4;

    /**
     * Which of {@code <pre>}, {@code </pre>} and {@code *}{@code /} occur in the comment line between {@code from} and
     * {@code to}, as {@link #OPENS_PRE} | {@link #CLOSES_PRE} | {@link #ENDS_COMMENT}: one scan of the line for all
     * three (comment lines are most of a generated file's lines).
     */
    private static int commentMarks(String source, int from, int to) {
        int marks = 0;
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (c == '*' && i + 1 < to && source.charAt(i + 1) == '/') {
                marks |= ENDS_COMMENT;
            } else if (c == '<' && i + 5 <= to && source.startsWith("<pre>", i)) {
                marks |= OPENS_PRE;
            } else if (c == '<' && i + 6 <= to && source.startsWith("</pre>", i)) {
                marks |= CLOSES_PRE;
            }
        }
        return marks;
    }

    private static boolean hasLongLine(String source) {
        int start = 0;
        while (start < source.length()) {
            int end = source.indexOf('\n', start);
            if (end < 0) end = source.length();
            if (end - start > LIMIT) return true;
            start = end + 1;
        }
        return false;
    }

    /** The indentation and {@code "* "} that continue a Javadoc or block comment line. */
    private static String commentPrefix(String line) {
        String trimmed = line.stripLeading();
        String indent = line.substring(0, line.length() - trimmed.length());
        return trimmed.startsWith("/*") ? indent + " * " : indent + "* ";
    }

    /** Fills words up to the limit, each further line starting with {@code prefix}; a word is never split. */
    private static void wrapWords(StringBuilder out, String line, String prefix) {
        String rest = line;
        int textStart = firstTextColumn(line);
        while (rest.length() > LIMIT) {
            int cut = rest.lastIndexOf(' ', LIMIT);
            // A word starting with '@' must not begin a comment line: Javadoc would read it as a block tag.
            while (cut > textStart && cut + 1 < rest.length() && rest.charAt(cut + 1) == '@') {
                cut = rest.lastIndexOf(' ', cut - 1);
            }
            if (cut <= textStart) cut = slashBreak(rest, textStart);
            if (cut <= textStart) cut = rest.indexOf(' ', LIMIT);
            if (cut < 0) break;
            int keep = rest.charAt(cut) == '/' ? cut + 1 : cut;
            String tail = rest.substring(cut + 1).strip();
            if (tail.isEmpty()) break;
            out.append(rest.substring(0, keep).stripTrailing()).append('\n');
            rest = prefix + tail;
            textStart = prefix.length();
        }
        out.append(rest);
    }

    /**
     * A word longer than the line (a URL path): the index of the last slash that fits, so the word continues on
     * the next line (Javadoc renders that as a space), or -1. Never beside a star: that could end the comment.
     */
    private static int slashBreak(String rest, int textStart) {
        for (int i = Math.min(LIMIT - 1, rest.length() - 2); i > textStart; i--) {
            if (rest.charAt(i) == '/' && rest.charAt(i - 1) != '*' && rest.charAt(i + 1) != '*') return i;
        }
        return -1;
    }

    private static int firstTextColumn(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '*' || line.charAt(i) == '/')) i++;
        return i;
    }

    private static void wrapCode(StringBuilder out, String line) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String continuation = indent + CONTINUATION;
        String rest = line;
        int textStart = indent.length();
        for (int guard = 0; rest.length() > LIMIT && guard < 1000; guard++) {
            Break b = bestBreak(rest, textStart);
            int split = b == null || b.end > LIMIT ? literalSplit(rest, textStart) : -1;
            if (split > 0) {
                // "long text" becomes "long " + "text": the same constant, even in a case label.
                out.append(rest, 0, split).append("\" +\n");
                rest = continuation + '"' + rest.substring(split);
            } else if (b != null) {
                out.append(rest, 0, b.end).append('\n');
                rest = continuation + rest.substring(b.resume);
            } else {
                break;
            }
            textStart = continuation.length();
        }
        out.append(rest);
    }

    /** Where to end a line ({@code end}) and where its continuation starts ({@code resume}). */
    private record Break(int end, int resume, int depth) {}

    /**
     * The break that keeps the line within the limit at the smallest nesting depth (the last such one), or, when
     * none fits, the first break of all, so the line at least gets shorter.
     */
    private static Break bestBreak(String line, int textStart) {
        Break best = null;
        Break firstOverflow = null;
        int depth = 0;
        boolean ternary = false;
        for (int i = textStart; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(line, i);
                continue;
            }
            if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') break;
            Break candidate = null;
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                // After an opening parenthesis with arguments: "call(" then the arguments on the next line.
                if (c == '(' && i + 1 < line.length() && line.charAt(i + 1) != ')') {
                    candidate = new Break(i + 1, i + 1, depth);
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if ((c == ',' || c == ';') && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                // After a comma, or between "if (...) a; else b;" (never inside a for header: that has depth).
                candidate = new Break(i + 1, i + 2, depth);
            } else if (c == ' '
                    && (line.startsWith(" implements ", i)
                            || line.startsWith(" extends ", i)
                            || line.startsWith(" throws ", i))) {
                candidate = new Break(i, i + 1, depth);
            } else if (c == ' '
                    && line.charAt(i - 1) == ')'
                    && i + 1 < line.length()
                    && Character.isJavaIdentifierStart(line.charAt(i + 1))) {
                // Between "if (condition)" and its statement, or after a cast.
                candidate = new Break(i, i + 1, depth);
            } else if (c == ' '
                    && line.charAt(i - 1) == '>'
                    && i + 1 < line.length()
                    && Character.isJavaIdentifierStart(line.charAt(i + 1))) {
                // Between a long generic type and the name it declares.
                candidate = new Break(i, i + 1, depth + LAST_RESORT);
            } else if (c == '.' && inName(line, i)) {
                // Inside a long qualified name, only when nothing else fits: "a.b.C" may continue as "a.b\n.C".
                candidate = new Break(i, i, depth + LAST_RESORT);
            } else if (c == ' ' && i + 3 < line.length() && line.charAt(i + 2) == ' ') {
                char op = line.charAt(i + 1);
                if (op == '?') ternary = true;
                if (op == '?' || op == '+' || (op == ':' && ternary)) candidate = new Break(i, i + 1, depth);
                else if (op == '=') {
                    candidate = new Break(i + 2, i + 3, depth + 1);
                }
            } else if (c == ' '
                    && i + 4 < line.length()
                    && line.charAt(i + 3) == ' '
                    && (line.startsWith("&&", i + 1) || line.startsWith("||", i + 1))) {
                candidate = new Break(i, i + 1, depth);
            }
            if (candidate == null || candidate.end <= textStart) continue;
            if (candidate.end <= LIMIT) {
                if (best == null || candidate.depth <= best.depth) best = candidate;
            } else if (firstOverflow == null) {
                firstOverflow = candidate;
            }
        }
        return best != null ? best : firstOverflow;
    }

    /** Whether the dot at {@code dot} joins two identifiers ("pkg.Type"), not a number's digits ("1.5"). */
    private static boolean inName(String line, int dot) {
        if (dot + 1 >= line.length() || !Character.isJavaIdentifierStart(line.charAt(dot + 1))) return false;
        int start = dot;
        while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) start--;
        return start < dot && Character.isJavaIdentifierStart(line.charAt(start));
    }

    /**
     * Where to split the string literal that crosses the limit: just after its last space that leaves room for
     * {@code " +}; -1 when no literal crosses it, it has no such space, or a neighbour binds tighter than {@code +}
     * ({@code "text".length()}, {@code n * "..."}).
     */
    private static int literalSplit(String line, int textStart) {
        for (int i = textStart; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') return -1;
            if (c != '"' && c != '\'') continue;
            int close = endOfLiteral(line, i);
            if (c == '"' && close >= LIMIT - 3 && close < line.length()) {
                int space = line.lastIndexOf(' ', LIMIT - 4);
                boolean tight = (close + 1 < line.length() && line.charAt(close + 1) == '.')
                        || "*/%.!".indexOf(previousNonSpace(line, i)) >= 0;
                return space > i + 1 && !tight && !escaped(line, i, space) ? space + 1 : -1;
            }
            i = close;
        }
        return -1;
    }

    private static char previousNonSpace(String line, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (line.charAt(i) != ' ') return line.charAt(i);
        }
        return ' ';
    }

    /** Whether the character at {@code index}, inside the literal opened at {@code open}, is part of an escape. */
    private static boolean escaped(String line, int open, int index) {
        boolean escape = false;
        for (int i = open + 1; i < index; i++) escape = !escape && line.charAt(i) == '\\';
        return escape;
    }

    /** The index of the quote closing the literal opened at {@code open} (or the line's end). */
    private static int endOfLiteral(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) {
                return i;
            }
        }
        return line.length();
    }
}
