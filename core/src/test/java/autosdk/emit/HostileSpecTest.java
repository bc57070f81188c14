package autosdk.emit;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Generator;
import autosdk.testing.Compiler;
import autosdk.write.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec full of comment-closing text, unicode escapes, string-literal breakouts and path
 * traversal names generates code that compiles, loads, and does nothing, inside --output only.
 */
class HostileSpecTest {
    @TempDir
    Path dir;

    @Test
    void hostileTextStaysInertAndFilesStayInsideTheOutput() throws Exception {
        Path out = dir.resolve("out");
        GenerationRequest request = GenerationRequest.of(Path.of("src/test/resources/fixtures/models/evil.yaml"), "com.example.evil", out);
        var result = Generator.generate(request);

        try (Stream<Path> written = Files.walk(dir)) {
            assertThat(written.filter(Files::isRegularFile))
                    .allSatisfy(p -> assertThat(p.toAbsolutePath().normalize()).startsWith(out.toAbsolutePath().normalize()));
        }
        for (GeneratedFile f : result.files()) {
            assertThat(f.relativePath()).startsWith("com/example/evil/").doesNotContain("..");
            if (f.relativePath().contains("/runtime/")) continue;
            // javac turns backslash-u escapes into characters even inside comments: none may survive unescaped.
            assertThat(f.content()).doesNotContain("\\u002a").doesNotContain("\\u0022").doesNotContain("\\u000a");
            assertThat(f.content()).doesNotContain("System.exit(").doesNotContain("Runtime.getRuntime()");
        }
        Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();

        // Loading and initialising every class runs their static initialisers: nothing may exit or halt.
        ClassLoader loader = compiled.loader();
        int loaded = 0;
        try (Stream<Path> classes = Files.walk(compiled.classes())) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = compiled.classes().relativize(c).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class.forName(name, true, loader);
                loaded++;
            }
        }
        assertThat(loaded).isGreaterThan(10);
    }
}
