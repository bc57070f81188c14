package autosdk.emit.java;

import autosdk.model.Doc;
import com.palantir.javapoet.CodeBlock;

/**
 * Turns spec text into Javadoc that can never close the comment or smuggle code: {@code *}{@code /}
 * is broken up, backslashes are entity-encoded (javac decodes {@code \}{@code uXXXX} inside
 * comments too), HTML and tag characters are escaped. Descriptions are CommonMark and become
 * Javadoc HTML through {@link MarkdownJavadoc}, which escapes their text the same way.
 */
public final class Javadocs {
    private Javadocs() {}

    /** Escapes one piece of spec text for use inside a Javadoc comment, as plain text (no Markdown). */
    public static String escape(String text) {
        return escapeChars(text).strip();
    }

    /**
     * Javadoc HTML for a spec description written in CommonMark. With {@code leadingParagraph} the
     * text opens with {@code <p>}, for a description that follows other text.
     */
    public static String markdown(String description, boolean leadingParagraph) {
        return MarkdownJavadoc.render(description, leadingParagraph);
    }

    /** {@link #escape} without the strip: for pieces of a longer text. */
    static String escapeChars(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("&#92;");
                case '*' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
                case '/' -> sb.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '@' -> sb.append("&#64;");
                case '{' -> sb.append("&#123;");
                case '}' -> sb.append("&#125;");
                case '$' -> sb.append("&#36;");
                case '\r' -> {}
                case '\u2028', '\u2029', '\u0085' -> sb.append('\n');
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Javadoc for a type or member from the spec's title (plain text), description (Markdown), default and example.
     * {@code fallback} is the generator's own text (Javadoc markup allowed; escape spec parts in it).
     */
    public static CodeBlock of(Doc doc, String fallback) {
        StringBuilder sb = new StringBuilder();
        if (doc.title() != null && !doc.title().isBlank()) {
            sb.append(escape(doc.title())).append("\n");
        }
        String description = doc.description() == null || doc.description().isBlank()
                ? ""
                : markdown(doc.description(), sb.length() > 0);
        if (!description.isEmpty()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(description).append("\n");
        }
        if (sb.length() == 0 && fallback != null) sb.append(fallback).append("\n");
        if (doc.defaultValue() != null) {
            sb.append("\n<p>Default: <code>").append(escape(doc.defaultValue())).append("</code>\n");
        }
        if (doc.example() != null && doc.example().length() < 200) {
            sb.append("\n<p>Example: <code>").append(escape(doc.example())).append("</code>\n");
        }
        if (doc.deprecated()) sb.append("\n@deprecated deprecated in the API description\n");
        return CodeBlock.of("$L", sb.toString());
    }
}
