package autosdk.emit.java.render;

/**
 * The text side of rendering: indentation, Javadoc and comment prefixes, the extra indentation of a statement's
 * continuation lines, and soft wrapping at wrapping spaces, each exactly as JavaPoet's writer does it, but over a
 * {@link StringBuilder} without splitting fragments with a regular expression.
 *
 * <p>Line breaks inside a fragment are the ones of the regular expression {@code \R} (so {@code \r\n}, {@code \r},
 * vertical tab, form feed, NEL and the Unicode separators break lines too, and come out as {@code \n}). A wrapping
 * space becomes a newline only when the text up to the next newline or wrapping space passes {@link #COLUMN_LIMIT};
 * until that is known the text after it waits in {@code pending}. Text that is still pending when rendering ends is
 * dropped, as JavaPoet drops it (no file ends that way: a type ends with a newline).
 *
 * <p>A collecting instance (the import pass) keeps the indentation state and writes nothing.
 */
final class SourceLines {
    /** JavaPoet's column limit for wrapping spaces. */
    static final int COLUMN_LIMIT = 100;

    private enum Flush {
        NONE,
        WRAP,
        SPACE,
        EMPTY
    }

    private final boolean collecting;
    private final String indent;
    private final StringBuilder out;
    private final StringBuilder pending = new StringBuilder();
    private int indentLevel;
    private boolean javadoc;
    private boolean comment;
    private boolean trailingNewline;
    /** The line of the statement being written (its continuation lines indent twice more), or -1. */
    private int statementLine = -1;

    private int column;
    private Flush nextFlush = Flush.NONE;
    private int wrapIndentLevel = -1;

    SourceLines(boolean collecting, String indent, int capacity) {
        this.collecting = collecting;
        this.indent = indent;
        this.out = new StringBuilder(collecting ? 0 : capacity);
    }

    boolean collecting() {
        return collecting;
    }

    String result() {
        return out.toString();
    }

    void indent(int levels) {
        indentLevel += levels;
    }

    void unindent(int levels) {
        if (indentLevel - levels < 0) {
            throw new IllegalArgumentException("cannot unindent " + levels + " from " + indentLevel);
        }
        indentLevel -= levels;
    }

    void javadoc(boolean on) {
        javadoc = on;
    }

    /** Starts a line comment: the next text starts a line and every line gets {@code // }. */
    void comment(boolean on) {
        comment = on;
        if (on) trailingNewline = true;
    }

    int statementLine() {
        return statementLine;
    }

    void statementLine(int line) {
        statementLine = line;
    }

    /** {@code $[}: a statement starts. */
    void beginStatement() {
        if (statementLine != -1) throw new IllegalStateException("statement enter $[ followed by statement enter $[");
        statementLine = 0;
    }

    /** {@code $]}: the statement ends; its continuation lines' extra indentation ends too. */
    void endStatement() {
        if (statementLine == -1) {
            throw new IllegalStateException("statement exit $] has no matching statement enter $[");
        }
        if (statementLine > 0) unindent(2);
        statementLine = -1;
    }

    /** The last character written (text still pending after a wrapping space not counted), or 0. */
    char lastChar() {
        return out.length() == 0 ? Character.MIN_VALUE : out.charAt(out.length() - 1);
    }

    /** Writes {@code s}, indenting each line that has text and breaking lines where {@code s} does. */
    void text(String s) {
        if (collecting) return;
        int length = s.length();
        int start = 0;
        while (true) {
            int end = start;
            while (end < length && !isLineBreak(s.charAt(end))) end++;
            line(s, start, end);
            if (end == length) return;
            int next = end + 1;
            if (s.charAt(end) == '\r' && next < length && s.charAt(next) == '\n') next++;
            newline();
            start = next;
        }
    }

    /** The line terminators of {@code \R}. */
    private static boolean isLineBreak(char c) {
        return c <= '\r' ? c >= '\n' : c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private void line(String s, int start, int end) {
        if (start == end) return; // empty lines get no indentation
        if (trailingNewline) {
            writeIndentation();
            if (javadoc) {
                append(" * ");
            } else if (comment) {
                append("// ");
            }
        }
        append(s, start, end);
        trailingNewline = false;
    }

    private void newline() {
        if ((javadoc || comment) && trailingNewline) {
            writeIndentation();
            append(javadoc ? " *" : "//");
        }
        if (nextFlush != Flush.NONE) flush(column > COLUMN_LIMIT ? Flush.WRAP : nextFlush);
        out.append('\n');
        column = 0;
        trailingNewline = true;
        if (statementLine != -1) {
            if (statementLine == 0) indent(2); // a statement's second line: its continuation lines go deeper
            statementLine++;
        }
    }

    private void writeIndentation() {
        for (int i = 0; i < indentLevel; i++) append(indent);
    }

    /** {@code $W}: a space, or a newline with the statement's continuation indentation if the line gets too long. */
    void wrappingSpace() {
        if (collecting) return;
        if (nextFlush != Flush.NONE) flush(nextFlush);
        column++; // the space counts before it is written
        nextFlush = Flush.SPACE;
        wrapIndentLevel = indentLevel + 2;
    }

    /** {@code $Z}: nothing, or a newline if the line gets too long. */
    void zeroWidthSpace() {
        if (collecting || column == 0) return;
        if (nextFlush != Flush.NONE) flush(nextFlush);
        nextFlush = Flush.EMPTY;
        wrapIndentLevel = indentLevel + 2;
    }

    private void append(String s) {
        append(s, 0, s.length());
    }

    /** Appends text without line breaks. */
    private void append(String s, int start, int end) {
        int length = end - start;
        if (nextFlush != Flush.NONE) {
            if (column + length <= COLUMN_LIMIT) {
                pending.append(s, start, end);
                column += length;
                return;
            }
            flush(Flush.WRAP);
        }
        out.append(s, start, end);
        column += length;
    }

    /** Writes the wrapping space as {@code flush} says, then the text that waited for that decision. */
    private void flush(Flush flush) {
        if (flush == Flush.WRAP) {
            out.append('\n');
            for (int i = 0; i < wrapIndentLevel; i++) out.append(indent);
            column = wrapIndentLevel * indent.length() + pending.length();
        } else if (flush == Flush.SPACE) {
            out.append(' ');
        }
        out.append(pending);
        pending.setLength(0);
        wrapIndentLevel = -1;
        nextFlush = Flush.NONE;
    }
}
