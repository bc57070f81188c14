package autosdk.emit.java;

import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders the CommonMark of spec descriptions as Javadoc HTML: the first paragraph bare (so it
 * gives the summary sentence), later ones after {@code <p>}; code spans as <code>{&#64;code …}</code>; lists,
 * emphasis and http/https/mailto links as HTML. Every piece of spec text still goes through
 * {@link Javadocs#escape}, so nothing the spec says can end the comment, start a block tag or
 * become markup: raw HTML in the Markdown is shown as text, other links lose their target, and code
 * that <code>{&#64;code}</code> cannot carry verbatim is written as escaped {@code <code>} or {@code <pre>}.
 * The library runs in the generator only; generated code never sees it.
 */
final class MarkdownJavadoc {
    /** Shared: a configured CommonMark parser is immutable and safe to use from several threads. */
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownJavadoc() {}

    /**
     * Javadoc HTML for {@code markdown}, without trailing spaces or blank lines at either end.
     * With {@code leadingParagraph} the first paragraph opens with {@code <p>} too, for text that
     * follows other text (a description after a title).
     */
    static String render(String markdown, boolean leadingParagraph) {
        Writer w = new Writer(leadingParagraph);
        PARSER.parse(markdown).accept(w);
        return tidy(w.out.toString());
    }

    /** Strips trailing spaces per line, collapses runs of blank lines and re-checks the two comment hazards. */
    private static String tidy(String html) {
        StringBuilder sb = new StringBuilder(html.length());
        boolean blank = true;
        for (String line : html.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                blank = true;
                continue;
            }
            if (blank && sb.length() > 0) sb.append('\n');
            sb.append(trimmed).append('\n');
            blank = false;
        }
        // Adjacent text nodes are escaped one at a time, so a '*' ending one and a '/' starting the next
        // would meet only here; {@code} spans never contain either hazard (see codeSafe).
        return sb.toString().strip().replace("*/", "*&#47;").replace("\\", "&#92;");
    }

    /**
     * True when <code>{&#64;code text}</code> shows {@code text} verbatim and keeps the comment and the JavaPoet format
     * intact.
     */
    static boolean codeSafe(String text, boolean multiline) {
        int depth = 0;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '{' -> depth++;
                case '}' -> {
                    if (--depth < 0) return false;
                }
                // A backslash may start a unicode escape javac decodes even in comments; '$' is JavaPoet's format
                // character.
                case '\\', '$', '\r', '\u2028', '\u2029', '\u0085', '\uE028', '\uE029' -> {
                    return false;
                }
                case '*' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '/') return false;
                }
                case '@' -> {
                    if (lineStart) return false;
                }
                case '\n' -> {
                    if (!multiline) return false;
                }
                default -> {
                    if (c < 0x20 && c != '\t') return false;
                }
            }
            if (c == '\n') lineStart = true;
            else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
        }
        return depth == 0;
    }

    private static boolean safeLink(String destination) {
        String d = destination.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("https://") || d.startsWith("http://") || d.startsWith("mailto:");
    }

    /** Walks the Markdown tree and appends Javadoc HTML. */
    private static final class Writer extends AbstractVisitor {
        final StringBuilder out = new StringBuilder();
        /** Whether the next paragraph needs {@code <p>}: every one after the first, unless it opens a list item. */
        private boolean paragraphNeedsTag;

        Writer(boolean leadingParagraph) {
            this.paragraphNeedsTag = leadingParagraph;
        }

        private void text(String s) {
            out.append(Javadocs.escapeChars(s));
        }

        private boolean endsWith(String s) {
            return out.length() >= s.length() && out.indexOf(s, out.length() - s.length()) >= 0;
        }

        /** Starts a block on a new line, after a blank line unless it is the first thing in a container. */
        private void block() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
            if (out.length() > 0 && !endsWith("<blockquote>\n")) out.append('\n');
        }

        @Override
        public void visit(Paragraph p) {
            block();
            int start = out.length();
            if (paragraphNeedsTag) out.append("<p>");
            int content = out.length();
            visitChildren(p);
            if (out.substring(content).isBlank()) {
                out.setLength(start); // an empty <p> is an HTML error to doclint (a paragraph of an empty image, say)
                return;
            }
            paragraphNeedsTag = true;
            out.append('\n');
        }

        @Override
        public void visit(Heading h) {
            block();
            if (paragraphNeedsTag) out.append("<p>");
            paragraphNeedsTag = true;
            out.append("<b>");
            visitChildren(h);
            out.append("</b>\n");
        }

        @Override
        public void visit(BulletList list) {
            list(list, "ul");
        }

        @Override
        public void visit(OrderedList list) {
            block();
            Integer start = list.getMarkerStartNumber();
            out.append(start != null && start != 1 ? "<ol start=\"" + start + "\">\n" : "<ol>\n");
            items(list);
            out.append("</ol>\n");
            paragraphNeedsTag = true;
        }

        private void list(Node list, String tag) {
            block();
            out.append('<').append(tag).append(">\n");
            items(list);
            out.append("</").append(tag).append(">\n");
            paragraphNeedsTag = true;
        }

        private void items(Node list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) item.accept(this);
        }

        @Override
        public void visit(ListItem item) {
            out.append("<li>");
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (first && child instanceof Paragraph p) {
                    visitChildren(p); // the item's own text, no paragraph tag (tight and loose lists alike)
                } else {
                    paragraphNeedsTag = true;
                    child.accept(this);
                }
                first = false;
            }
            if (out.charAt(out.length() - 1) == '\n') out.setLength(out.length() - 1);
            out.append("</li>\n");
        }

        @Override
        public void visit(BlockQuote quote) {
            block();
            out.append("<blockquote>\n");
            paragraphNeedsTag = false;
            visitChildren(quote);
            out.append("</blockquote>\n");
            paragraphNeedsTag = true;
        }

        @Override
        public void visit(FencedCodeBlock code) {
            pre(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            pre(code.getLiteral());
        }

        private void pre(String literal) {
            block();
            String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
            // Javadoc reads a line starting with '@' as a block tag even inside {@code}; codeSafe refuses those.
            if (codeSafe(body, true)) out.append("<pre>{@code\n").append(body).append("\n}</pre>\n");
            else out.append("<pre>\n").append(Javadocs.escapeChars(body)).append("\n</pre>\n");
            paragraphNeedsTag = true;
        }

        @Override
        public void visit(HtmlBlock html) {
            block();
            if (paragraphNeedsTag) out.append("<p>");
            paragraphNeedsTag = true;
            text(html.getLiteral());
            out.append('\n');
        }

        @Override
        public void visit(ThematicBreak rule) {
            block();
            out.append("<hr>\n");
            paragraphNeedsTag = true;
        }

        @Override
        public void visit(Text t) {
            text(t.getLiteral());
        }

        @Override
        public void visit(Code code) {
            String s = code.getLiteral();
            if (codeSafe(s, false) && !s.isBlank()) {
                out.append("{@code ").append(s).append('}');
            } else out.append("<code>").append(Javadocs.escapeChars(s)).append("</code>");
        }

        @Override
        public void visit(Emphasis e) {
            out.append("<em>");
            visitChildren(e);
            out.append("</em>");
        }

        @Override
        public void visit(StrongEmphasis e) {
            out.append("<strong>");
            visitChildren(e);
            out.append("</strong>");
        }

        @Override
        public void visit(Link link) {
            if (!safeLink(link.getDestination())) {
                visitChildren(link);
                return;
            }
            out.append("<a href=\"")
                    .append(Javadocs.escapeChars(link.getDestination().strip()).replace("\"", "&quot;"))
                    .append("\">");
            int before = out.length();
            visitChildren(link);
            if (out.length() == before) text(link.getDestination());
            out.append("</a>");
        }

        @Override
        public void visit(Image image) {
            visitChildren(image); // the alt text; generated Javadoc links to no images
        }

        @Override
        public void visit(HtmlInline html) {
            text(html.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak br) {
            out.append('\n');
        }

        @Override
        public void visit(HardLineBreak br) {
            out.append("<br>\n");
        }
    }
}
