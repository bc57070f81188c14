package autosdk.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.testing.Compiler;
import autosdk.testing.Corpus;
import autosdk.testing.Plans;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every spec of the shared corpus generates with default options and compiles with zero errors. */
class CorpusCompileTest {

    static Stream<Path> specs() {
        return Corpus.specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void generatesAndCompiles(Path spec, @TempDir Path dir) throws Exception {
        GenerationRequest request =
                GenerationRequest.of(spec, GenerationRequest.defaultNamespace(spec), dir.resolve("out"));
        GenerationResult result = Plans.of(request);
        assertThat(result.files()).isNotEmpty();
        // Cached by content: the conformance and harness suites compile the same default-namespace SDKs and reuse this
        // compile.
        Compiler.Result compiled = Compiler.compileCached(result.files());
        assertThat(compiled.errors()).as("javac errors for %s", spec).isEmpty();
    }
}
