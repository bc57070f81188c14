package autosdk.read;

/**
 * Keeps the Unicode line and paragraph separators (U+2028, U+2029) of spec text from breaking
 * generated code: JavaPoet treats them as line breaks, even inside string literals. Text read from
 * a spec carries private-use stand-ins instead, and the emitter turns the stand-ins into
 * {@code \u2028}-style escapes in the finished source, which javac reads back as the original
 * characters. (Private-use U+E028/U+E029 in a spec would come out as the separators: an accepted
 * cost for characters no public API uses.)
 */
public final class SourceText {
    private static final char LINE = '\u2028';
    private static final char PARAGRAPH = '\u2029';
    private static final char LINE_STAND_IN = '\uE028';
    private static final char PARAGRAPH_STAND_IN = '\uE029';

    private SourceText() {}

    /** Replaces the separators with their stand-ins; called on every string read from a spec. */
    public static String protect(String text) {
        if (text.indexOf(LINE) < 0 && text.indexOf(PARAGRAPH) < 0) return text;
        return text.replace(LINE, LINE_STAND_IN).replace(PARAGRAPH, PARAGRAPH_STAND_IN);
    }

    /** Turns stand-ins in generated Java source into Unicode escapes. */
    public static String escapeStandIns(String javaSource) {
        if (javaSource.indexOf(LINE_STAND_IN) < 0 && javaSource.indexOf(PARAGRAPH_STAND_IN) < 0) return javaSource;
        return javaSource.replace(String.valueOf(LINE_STAND_IN), "\\u2028").replace(String.valueOf(PARAGRAPH_STAND_IN), "\\u2029");
    }
}
