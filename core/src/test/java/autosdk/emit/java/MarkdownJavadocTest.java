package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.model.Doc;
import org.junit.jupiter.api.Test;

/** Spec Markdown becomes Javadoc HTML, construct by construct, and hostile text stays inert text. */
class MarkdownJavadocTest {
    private static String md(String markdown) {
        return Javadocs.markdown(markdown, false);
    }

    @Test
    void paragraphsAfterTheFirstOpenWithP() {
        assertThat(md("First sentence.  \nstill first.\n\n\nSecond one.   \n\n"))
                .isEqualTo("First sentence.<br>\nstill first.\n\n<p>Second one.");
        assertThat(Javadocs.markdown("After a title.", true)).isEqualTo("<p>After a title.");
    }

    @Test
    void softBreaksStayLineBreaksAndTrailingSpacesGo() {
        assertThat(md("one \ntwo\t\nthree")).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void codeSpansBecomeCodeTags() {
        assertThat(md("Set `type` to `{\"a\": {}}` or `a<b && c>d`."))
                .isEqualTo("Set {@code type} to {@code {\"a\": {}}} or {@code a<b && c>d}.");
    }

    @Test
    void codeThatCodeTagsCannotCarryIsEscapedHtml() {
        assertThat(md("`}{` and `{` and `$ref` and `a\\u000a` and `*/` and ` `"))
                .isEqualTo("<code>&#125;&#123;</code> and <code>&#123;</code> and <code>&#36;ref</code> and "
                        + "<code>a&#92;u000a</code> and <code>&#42;&#47;</code> and <code> </code>");
    }

    @Test
    void fencedAndIndentedCode() {
        assertThat(md("Example:\n\n```json\n{\"a\": [1, 2]}\n  x < y\n```\n"))
                .isEqualTo("Example:\n\n<pre>{@code\n{\"a\": [1, 2]}\n  x < y\n}</pre>");
        assertThat(md("    int a = b;\n")).isEqualTo("<pre>{@code\nint a = b;\n}</pre>");
        // A line starting with '@' would be a block tag even inside {@code}: escaped <pre> instead.
        assertThat(md("```\n@Override\nvoid f() {\n```")).isEqualTo("<pre>\n&#64;Override\nvoid f() &#123;\n</pre>");
    }

    @Test
    void lists() {
        assertThat(md("Kinds:\n\n- `a`: first\n- *b*\n  - nested\n\n1. one\n2. two\n"))
                .isEqualTo("Kinds:\n\n<ul>\n<li>{@code a}: "
                        + "first</li>\n<li><em>b</em>\n\n<ul>\n<li>nested</li>\n</ul></li>\n</ul>\n\n"
                        + "<ol>\n<li>one</li>\n<li>two</li>\n</ol>");
        assertThat(md("3. three\n4. four")).isEqualTo("<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>");
        assertThat(md("- loose\n\n  more\n\n- b")).isEqualTo("<ul>\n<li>loose\n\n<p>more</li>\n<li>b</li>\n</ul>");
    }

    @Test
    void emphasisHeadingsQuotesAndRules() {
        assertThat(md("*a* _b_ **c** __d__")).isEqualTo("<em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong>");
        assertThat(md("# Title\n\nText\n\n## Sub")).isEqualTo("<b>Title</b>\n\n<p>Text\n\n<p><b>Sub</b>");
        assertThat(md("> quoted\n\n---\n\nafter")).isEqualTo("<blockquote>\nquoted\n</blockquote>\n\n<hr>\n\n<p>after");
    }

    @Test
    void onlyWebAndMailLinksKeepTheirTarget() {
        assertThat(md("See [the guide](https://example.com/a?b=1&c=\"2\") or <mailto:me@example.com>."))
                .isEqualTo("See <a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\">the guide</a> or "
                        + "<a href=\"mailto:me&#64;example.com\">mailto:me&#64;example.com</a>.");
        assertThat(md("[x](javascript:alert(1)) [y](/docs/relative) [z](data:text/html,hi) "
                        + "![alt](https://e.com/i.png)"))
                .isEqualTo("x y z alt");
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertThat(md("a <script>alert(1)</script> b")).isEqualTo("a &lt;script&gt;alert(1)&lt;/script&gt; b");
        assertThat(md("<div>\n<b>x</b>\n</div>")).isEqualTo("&lt;div&gt;\n&lt;b&gt;x&lt;/b&gt;\n&lt;/div&gt;");
        assertThat(md("Read <https://example.com> & &amp; &lt;"))
                .isEqualTo("Read <a href=\"https://example.com\">https://example.com</a> &amp; &amp; &lt;");
    }

    @Test
    void hostileTextCannotEndTheCommentOrStartATag() {
        String out = md("ends */ here\n@param x injected\n{@link Foo} {@code x\n\n`a*` /b and *a*/ \\u002a/");
        assertThat(out)
                .doesNotContain("*/")
                .doesNotContain("\\")
                .doesNotContain("{@link")
                .doesNotContain("@param");
        for (String line : out.split("\n")) assertThat(line.strip()).doesNotStartWith("@");
        assertThat(out)
                .contains("ends &#42;&#47; here")
                .contains("&#64;param x injected")
                .contains("&#123;&#64;link Foo&#125;");
    }

    @Test
    void lineSeparatorsBecomeLineBreaksOrEscapedCode() {
        assertThat(md("a\u2028b")).isEqualTo("a\nb");
        assertThat(md("`a\u2028b`")).isEqualTo("<code>a\nb</code>");
        // Spec text carries private-use stand-ins for U+2028, turned into escapes only in the finished source.
        assertThat(md("a\uE028b `c\uE029d`")).isEqualTo("a\uE028b <code>c\uE029d</code>");
    }

    @Test
    void emptyRenderingsLeaveNoTrace() {
        assertThat(md("[ref]: https://example.com\n\n![](https://e.com/i.png)")).isEmpty();
        assertThat(Javadocs.of(new Doc(null, "[ref]: https://example.com", false, null, null), "Fallback.")
                        .toString())
                .isEqualTo("Fallback.\n");
    }

    @Test
    void docJoinsTitleAndDescriptionAsParagraphs() {
        assertThat(Javadocs.of(
                                new Doc("conversation.item.create", "Send this `event`.\n\nMore.", false, null, null),
                                null)
                        .toString())
                .isEqualTo("conversation.item.create\n\n<p>Send this {@code event}.\n\n<p>More.\n");
    }

    @Test
    void sameTextSameOutput() {
        String text = "Mixed *text* with `code`, [a link](https://example.com) and\n\n- a list\n";
        assertThat(md(text)).isEqualTo(md(text));
    }
}
