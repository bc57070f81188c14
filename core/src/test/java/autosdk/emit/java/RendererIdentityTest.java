package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.Libraries;
import autosdk.Transport;
import autosdk.diag.Diagnostics;
import autosdk.emit.java.render.JavaFileRenderer;
import autosdk.model.ApiModel;
import autosdk.read.SpecDocument;
import autosdk.read.SpecReader;
import autosdk.testing.Corpus;
import autosdk.translate.ModelBuilder;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JavaFileRenderer} writes the files the emitters build exactly as JavaPoet does: each spec below goes through
 * the real emitters, every file is rendered by the renderer, and the files are rendered by JavaPoet too and compared as
 * text (on the OpenAI REST document, a fixed quarter of its 2,300 files chosen by name, to keep the test short). The
 * specs cover the golden fixtures, the OpenAI REST and realtime documents (thousands of models, unions, codecs,
 * clients), AsyncAPI 2 and 3, and the options that change the shapes most (JSpecify type annotations, Jackson 3, the
 * OkHttp transport).
 */
class RendererIdentityTest {

    static Stream<Arguments> specs() {
        Libraries jspecify3 = new Libraries(Libraries.Jackson.V3, Libraries.Nullability.JSPECIFY);
        return Stream.of(
                Arguments.of(
                        Path.of("src/test/resources/fixtures/models/tricky.yaml"), Libraries.DEFAULT, Transport.JDK),
                Arguments.of(Path.of("../examples/chat/openapi.yaml"), jspecify3, Transport.OKHTTP),
                Arguments.of(Path.of("../examples/chat/asyncapi.yaml"), Libraries.DEFAULT, Transport.JDK),
                Arguments.of(Corpus.file("tryAGI-OpenAI/openapi.yaml"), Libraries.DEFAULT, Transport.JDK),
                Arguments.of(Corpus.file("tryAGI-OpenAI/asyncapi.json"), jspecify3, Transport.OKHTTP),
                Arguments.of(Corpus.file("tryAGI-Xai/openapi.yaml"), jspecify3, Transport.JDK),
                Arguments.of(
                        Corpus.file("asyncapi-spec-v3.0.0/slack-rtm-asyncapi.yml"), Libraries.DEFAULT, Transport.JDK),
                Arguments.of(
                        Corpus.file("asyncapi-spec-v2.6.0/websocket-gemini.yml"), Libraries.DEFAULT, Transport.JDK));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void filesRenderAsJavaPoetWritesThem(Path spec, Libraries libraries, Transport transport) {
        // Every file of the small specs; of the large one, those whose name falls in one of four buckets.
        int buckets = spec.endsWith(Path.of("tryAGI-OpenAI", "openapi.yaml")) ? 4 : 1;
        Diagnostics diagnostics = new Diagnostics();
        SpecDocument document = SpecReader.read(spec, diagnostics).orElseThrow();
        ApiModel model = ModelBuilder.build(document, true, diagnostics);
        assertThat(diagnostics.hasErrors())
                .as("errors reading %s: %s", spec, diagnostics.errors())
                .isFalse();

        AtomicInteger files = new AtomicInteger();
        AtomicInteger fast = new AtomicInteger();
        AtomicInteger compared = new AtomicInteger();
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        EmitOptions options = new EmitOptions(
                "com.example.identity",
                ClassName.get("com.example.identity", "SourceGenerationContext"),
                true,
                List.of("SourceGenerationContext", "Builder", "Known", "Unknown"),
                spec.getFileName().toString(),
                null,
                null,
                libraries,
                transport);
        new JavaEmitter(options, file -> {
                    files.incrementAndGet();
                    Optional<String> rendered = JavaFileRenderer.render(file);
                    if (rendered.isPresent()) fast.incrementAndGet();
                    if (Math.floorMod(file.typeSpec().name().hashCode(), buckets) != 0) {
                        return rendered.orElseGet(file::toString);
                    }
                    String expected = file.toString();
                    compared.incrementAndGet();
                    if (rendered.isPresent() && !rendered.get().equals(expected)) {
                        differences.add(firstDifference(file, expected, rendered.get()));
                    }
                    return expected;
                })
                .emit(model);

        System.out.printf(
                "%s: %d of %d files rendered without JavaPoet, %d compared with JavaPoet's text%n",
                spec.getFileName(), fast.get(), files.get(), compared.get());
        assertThat(differences).as("files rendered differently from JavaPoet").isEmpty();
        assertThat(compared.get())
                .as("files compared")
                .isGreaterThanOrEqualTo(files.get() / (buckets + 1))
                .isPositive();
        assertThat(fast.get()).as("files rendered without JavaPoet").isEqualTo(files.get());
    }

    /** The file's name and its first differing line both ways, so a failure shows what to fix. */
    static String firstDifference(JavaFile file, String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "<end>";
            String g = i < got.length ? got[i] : "<end>";
            if (!w.equals(g)) {
                return file.typeSpec().name() + " line " + (i + 1) + ":\n  JavaPoet: " + w + "\n  renderer: " + g;
            }
        }
        return file.typeSpec().name() + ": same lines, different text";
    }
}
