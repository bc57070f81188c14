package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Libraries;
import autosdk.testing.Compiler;
import autosdk.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SDKs generated with {@code --jackson 3}: the OpenAI realtime client passes the independent harness's basic
 * scenario with the same driver as on Jackson 2, the example chat API (REST and WebSocket) compiles, and no compiled
 * class of those SDKs refers to Jackson 2 ({@code com/fasterxml}) in any way. Compiles are cached by content.
 */
class Jackson3SdkTest {
    static final Libraries JACKSON3 = new Libraries(Libraries.Jackson.V3, Libraries.Nullability.NONE);

    @Test
    void openAiRealtimeClientOnJackson3PassesTheHarnessBasicScenario() throws Throwable {
        WsHarness.install(); // fails clearly when node/npm are missing
        Path work = WsGenerated.workDir("openai-jackson3");
        WsGenerated gen = WsGenerated.build(
                Corpus.file("tryAGI-OpenAI/asyncapi.json"),
                "test.openai3",
                work,
                "OpenAiDriver",
                GenerationRequest.Perspective.CLIENT,
                JACKSON3);
        assertThat(gen.source("runtime/Json"))
                .contains("import tools.jackson.core.JsonParser;")
                .doesNotContain("com.fasterxml");
        assertNoJackson2(gen.classes);
        OpenAiHarnessTest.basicScenario(gen, work);
    }

    @Test
    void exampleChatApiCompilesOnJackson3WithoutAnyJackson2Reference() throws Exception {
        for (String spec : List.of("openapi.yaml", "asyncapi.yaml")) {
            Path file = Path.of("../examples/chat", spec).toAbsolutePath().normalize();
            var result = autosdk.Generator.plan(GenerationRequest.of(file, "example.chat3", Path.of("unused"))
                    .withLibraries(JACKSON3));
            assertThat(result.files()).noneMatch(f -> f.content().contains("com.fasterxml"));
            Compiler.Result compiled = Compiler.compileCached(result.files());
            assertThat(compiled.errors())
                    .as("javac errors of %s on Jackson 3", spec)
                    .isEmpty();
            assertNoJackson2(compiled.classes());
        }
    }

    @Test
    void bothOptionsComposeOnTheOpenAiRealtimeClientAndTheTrickyModels() throws Exception {
        Libraries both = new Libraries(Libraries.Jackson.V3, Libraries.Nullability.JSPECIFY);
        for (Path spec : List.of(
                Corpus.file("tryAGI-OpenAI/asyncapi.json"),
                Path.of("src/test/resources/fixtures/models/tricky.yaml").toAbsolutePath())) {
            var result = autosdk.Generator.plan(
                    GenerationRequest.of(spec, "test.both", Path.of("unused")).withLibraries(both));
            assertThat(result.files()).anyMatch(f -> f.relativePath().endsWith("package-info.java"));
            Compiler.Result compiled = Compiler.compileCached(result.files());
            assertThat(compiled.errors())
                    .as("javac errors of %s with --jackson 3 --nullability jspecify", spec)
                    .isEmpty();
            assertNoJackson2(compiled.classes());
        }
    }

    /** No class file mentions Jackson 2's package, in a constant, a descriptor or a signature. */
    static void assertNoJackson2(Path classes) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(f.toString()).doesNotContain("com/fasterxml").doesNotContain("com.fasterxml");
        }
        assertThat(files)
                .anySatisfy(f -> assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .contains("tools/jackson/core"));
    }
}
