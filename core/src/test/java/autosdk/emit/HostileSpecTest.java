package autosdk.emit;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Generator;
import autosdk.testing.Compiler;
import autosdk.write.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spec full of comment-closing text, unicode escapes, string-literal breakouts and path
 * traversal names generates code that compiles, loads, and does nothing, inside --output only.
 */
class HostileSpecTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"evil.yaml", "evil-async.yaml"})
    void hostileTextStaysInertAndFilesStayInsideTheOutput(String spec) throws Exception {
        Path out = dir.resolve("out");
        GenerationRequest request =
                GenerationRequest.of(Path.of("src/test/resources/fixtures/models/" + spec), "com.example.evil", out);
        var result = Generator.generate(request);

        try (Stream<Path> written = Files.walk(dir)) {
            assertThat(written.filter(Files::isRegularFile))
                    .allSatisfy(p -> assertThat(p.toAbsolutePath().normalize())
                            .startsWith(out.toAbsolutePath().normalize()));
        }
        for (GeneratedFile f : result.files()) {
            assertThat(f.relativePath()).startsWith("com/example/evil/").doesNotContain("..");
            if (f.relativePath().contains("/runtime/")) continue;
            // javac turns backslash-u escapes into characters even inside comments: none may survive unescaped.
            assertThat(unicodeEscapes(f.content()))
                    .as("unicode escapes javac would decode in %s", f.relativePath())
                    .isZero();
            // Hostile code may appear only as inert text: on a comment line or inside a string literal.
            for (String line : f.content().split("\n")) {
                int at = Math.max(line.indexOf("System.exit("), line.indexOf("Runtime.getRuntime()"));
                if (at < 0) continue;
                String trimmed = line.trim();
                // A one-line Javadoc counts only when its first "*/" comes after the hostile text.
                boolean insideOneLineJavadoc = trimmed.startsWith("/**") && line.indexOf("*/") > at;
                assertThat(trimmed.startsWith("*")
                                || trimmed.startsWith("//")
                                || insideOneLineJavadoc
                                || line.substring(0, at).contains("\""))
                        .as("hostile text outside a comment or string in %s: %s", f.relativePath(), line)
                        .isTrue();
            }
        }
        Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();

        // Loading and initialising every class runs their static initialisers: nothing may exit or halt.
        ClassLoader loader = compiled.loader();
        int loaded = 0;
        try (Stream<Path> classes = Files.walk(compiled.classes())) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = compiled.classes()
                        .relativize(c)
                        .toString()
                        .replace('/', '.')
                        .replaceAll("\\.class$", "");
                Class.forName(name, true, loader);
                loaded++;
            }
        }
        assertThat(loaded).isGreaterThan(10);
    }

    /**
     * Counts the Unicode escapes javac would decode (JLS 3.3: the backslash is preceded by an even
     * number of backslashes) into a character that can end a comment, a string or a line.
     */
    private static int unicodeEscapes(String text) {
        int count = 0;
        for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 1)) {
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) backslashes++;
            int hex = i + 2;
            while (hex < text.length() && text.charAt(hex) == 'u') hex++;
            if (backslashes % 2 != 0 || hex + 4 > text.length()) continue;
            int c = Integer.parseInt(text.substring(hex, hex + 4), 16);
            if (c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '\\' || c == '*' || c == '/') count++;
        }
        return count;
    }
}
