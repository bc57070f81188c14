package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationRequest.ModelMode;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.testing.Compiler;
import autosdk.testing.JsonTrees;
import autosdk.write.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's two steps end to end: the realtime client generated with --generate-models false
 * sends and receives, over a real local WebSocket server, messages typed with the REST package's
 * model classes and encoded through the REST package's JSON context.
 */
class SharedModelsClientTest {
    @TempDir
    Path dir;

    @Test
    void realtimeClientUsesRestModelsOverTheWire() throws Exception {
        Path out = dir.resolve("Generated");
        GenerationResult rest = Generator.generate(
                GenerationRequest.of(Path.of("../examples/chat/openapi.yaml"), "MyCompany.MyApi", out));
        GenerationResult realtime = Generator.generate(
                GenerationRequest.builder(Path.of("../examples/chat/asyncapi.yaml"), "MyCompany.MyApi.Realtime", out)
                        .typesNamespace("MyCompany.MyApi")
                        .generateModels(ModelMode.FALSE)
                        .jsonSerializerContext("MyCompany.MyApi.SourceGenerationContext")
                        .build());
        assertThat(realtime.typeCount()).isZero();

        List<GeneratedFile> files = new ArrayList<>(rest.files());
        files.addAll(realtime.files());
        files.add(new GeneratedFile(
                "drivers/SharedDriver.java",
                Files.readString(Path.of("src/test/resources/fixtures/shared/SharedDriver.java"))));
        Compiler.Result compiled = Compiler.compile(files, dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();

        try (WsTestServer server = WsTestServer.begin()) {
            server.onText((conn, text) -> {
                Object say = JsonTrees.parse(text);
                String said = (String) ((Map<?, ?>) ((Map<?, ?>) say).get("content")).get("text");
                conn.send("{\"type\":\"typing\",\"author\":\"bot\"}");
                conn.send("{\"type\":\"message.created\",\"message\":{\"id\":\"m1\",\"room_id\":\"lobby\","
                        + "\"author\":\"bot\","
                        + "\"content\":{\"type\":\"text\",\"text\":\"echo: " + said
                        + "\"},\"sent_at\":\"2026-11-30T10:00:00Z\"}}");
            });
            Object seen = compiled.loader()
                    .loadClass("drivers.SharedDriver")
                    .getMethod("run", String.class)
                    .invoke(null, "ws://127.0.0.1:" + server.getPort() + "/v1/realtime");
            assertThat(server.texts)
                    .containsExactly("{\"type\":\"say\",\"content\":{\"type\":\"text\",\"text\":\"hello from Java\"}}");
            assertThat(server.handshakes.get(0).resource()).isEqualTo("/v1/realtime?room=lobby");
            assertThat(server.handshakes.get(0).headers()).containsEntry("authorization", "Bearer t0k3n");
            assertThat(((List<?>) seen).stream().map(String::valueOf).toList())
                    .containsExactly(
                            "typing:bot",
                            "event:Typing",
                            "message.created:bot:echo: hello from Java",
                            "event:MessageCreated");
        }
    }
}
