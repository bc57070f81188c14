package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.testing.Corpus;
import autosdk.testing.Plans;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No generated line is longer than 120 characters, and wrapping changes nothing but layout. */
class LongLinesTest {

    static Stream<Path> specs() {
        return Corpus.specs().stream();
    }

    @Test
    void goldenFilesHaveNoLineOver120() throws IOException {
        List<String> longLines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                longLines.addAll(longLines(p.toString(), Files.readString(p)));
            }
        }
        assertThat(longLines).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void corpusOutputHasNoLineOver120(Path spec, @TempDir Path dir) throws Exception {
        var result = Plans.of(GenerationRequest.of(spec, GenerationRequest.defaultNamespace(spec), dir));
        List<String> longLines = new ArrayList<>();
        for (GeneratedFile f : result.files()) {
            if (f.relativePath().endsWith(".java")) longLines.addAll(longLines(f.relativePath(), f.content()));
        }
        assertThat(longLines).as("lines over %d characters", LongLines.LIMIT).isEmpty();
    }

    @Test
    void breaksAConditionBeforeItsOperatorsAtTheOutermostLevel() {
        String line = "        return this.present.equals(other.present) && Objects.deepEquals(this.firstName, "
                + "other.firstName) && Objects.deepEquals(this.lastName, other.lastName);";
        assertThat(LongLines.wrap(line))
                .isEqualTo("        return this.present.equals(other.present) && "
                        + "Objects.deepEquals(this.firstName, other.firstName)\n"
                        + "                && Objects.deepEquals(this.lastName, other.lastName);");
    }

    @Test
    void breaksATernaryAndAnElseAndListsAfterCommas() {
        String ternary = "        this.additionalProperties = b.additionalProperties.isEmpty() ? Collections.emptyMap()"
                + " : Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalProperties));";
        assertThat(LongLines.wrap(ternary))
                .isEqualTo("        this.additionalProperties = b.additionalProperties.isEmpty() ? "
                        + "Collections.emptyMap()\n"
                        + "                : Collections.unmodifiableMap("
                        + "new LinkedHashMap<>(b.additionalProperties));");
        String list = "    return Arrays.deepHashCode(new Object[] {this.present, this.additionalProperties, "
                + "this.alpha, this.beta,"
                + " this.gamma, this.delta, this.epsilon, this.zeta, this.eta, this.theta, this.iota, "
                + "this.kappa, this.lambda});";
        // The outermost break first (after the call's parenthesis), then the array's elements, packed.
        assertThat(LongLines.wrap(list))
                .isEqualTo("    return Arrays.deepHashCode(\n"
                        + "            new Object[] {this.present, this.additionalProperties, "
                        + "this.alpha, this.beta, this.gamma, this.delta,\n"
                        + "            this.epsilon, this.zeta, this.eta, this.theta, this.iota, "
                        + "this.kappa, this.lambda});");
    }

    @Test
    void neverBreaksInsideLiteralsButSplitsALongStringIntoAConcatenation() {
        String commas =
                "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc, dd, ee, ff";
        String line = "        throw new IllegalStateException(\"" + commas + commas + "\" + missing);";
        String wrapped = LongLines.wrap(line);
        assertThat(wrapped.lines()).allMatch(l -> l.length() <= LongLines.LIMIT);
        // Joining the pieces of the literal gives the literal back.
        assertThat(wrapped.replaceAll("\" \\+\n *\"", "").replaceAll("\\s+", ""))
                .isEqualTo(line.replaceAll("\\s+", ""));
        assertThat(LongLines.wrap("        String s = \"x\" + \"" + "w".repeat(130) + "\".length();"))
                .as("a literal followed by .length() is not split")
                .doesNotContain("\" +\n");
    }

    @Test
    void wrapsCommentsBetweenWordsAndNeverStartsALineWithAnAt() {
        String javadoc =
                "    /**\n     * " + "word ".repeat(21) + "@mention here, then more words to pass the limit\n     */";
        String wrapped = LongLines.wrap(javadoc);
        assertThat(wrapped.lines()).allMatch(l -> l.length() <= LongLines.LIMIT);
        assertThat(wrapped.lines()).noneMatch(l -> l.strip().startsWith("* @"));
        assertThat(wrapped.replaceAll("\n     \\* ", " ")).isEqualTo(javadoc.replaceAll("\n     \\* ", " "));
        String comment = "    // " + "note ".repeat(30);
        assertThat(LongLines.wrap(comment).lines())
                .allMatch(l -> l.startsWith("    // ") && l.length() <= LongLines.LIMIT);
    }

    @Test
    void leavesPreformattedJavadocAndShortLinesAlone() {
        String pre = "/**\n * <pre>\n * " + "x".repeat(130) + " y\n * </pre>\n */\nclass A {}";
        assertThat(LongLines.wrap(pre)).isEqualTo(pre);
        String shortSource = "class A {\n    int x;\n}\n";
        assertThat(LongLines.wrap(shortSource)).isSameAs(shortSource);
    }

    /**
     * Lines over the limit, except the two kinds no layout can shorten: preformatted Javadoc ({@code <pre>}, where
     * a line break would change the text) and lines holding a name or word of 60 characters or more, which the
     * spec chose (ElevenLabs has type names of 100 characters).
     */
    private static List<String> longLines(String file, String content) {
        List<String> out = new ArrayList<>();
        int n = 0;
        boolean pre = false;
        for (String line : content.split("\n", -1)) {
            n++;
            if (line.contains("<pre>")) pre = true;
            // Only lines over the limit are split into words: the largest SDKs have hundreds of thousands of lines.
            if (line.codePointCount(0, line.length()) > LongLines.LIMIT && !pre && !hasUnbreakableWord(line)) {
                out.add(file + ":" + n + ": " + line);
            }
            if (line.contains("</pre>") || line.contains("*/")) pre = false;
        }
        return out;
    }

    private static boolean hasUnbreakableWord(String line) {
        return Arrays.stream(line.split("[\\s(){}<>,;=]+")).anyMatch(w -> w.length() >= 60)
                || line.stripLeading().startsWith("*")
                        && Arrays.stream(line.split("\\s+")).anyMatch(w -> w.length() >= 60);
    }
}
