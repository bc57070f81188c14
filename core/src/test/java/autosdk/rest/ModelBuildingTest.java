package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.testing.JsonTrees;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Building models by hand: generates building.yaml, compiles {@code BuildingDriver} against it (so union factories,
 * per-variant setter overloads, list adders, presence names and {@code limit(10)} must exist to compile at all), runs
 * it, and sends what it built to a local server to check the bytes on the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelBuildingTest {
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private LocalHttpServer server;
    private RestSdk sdk;
    private int port;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        sdk = RestSdk.build(
                Path.of("src/test/resources/fixtures/models/building.yaml").toAbsolutePath(),
                "com.example.building",
                "fixtures/models/BuildingDriver.java",
                dir);
        server = LocalHttpServer.start(exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] answer = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        port = server.port();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void unionsAreBuiltWithFactoriesAndPrintTheirValueOnce() throws Throwable {
        assertThat(sdk.call("factories"))
                .isEqualTo(List.of(
                        "Content[TextContent{type=text, text=hi}]",
                        "Content[ImageContent{type=image, url=u}]",
                        "Content[just text]",
                        "OfTextContent",
                        "text hi",
                        "string just text"));
        // The records do not hide the types they wrap, so the union's source never spells their package out.
        assertThat(sdk.file("com/example/building/Content.java"))
                .doesNotContainPattern("com\\.example\\.building\\.[A-Z]");
    }

    @Test
    void setterOverloadsAndAddersBuildTheSameJsonAsTheUnionForm() throws Throwable {
        Object chat = sdk.call("built");
        assertThat(chat.toString())
                .isEqualTo("Chat{name=n, hasName=a property, not a presence check, limit=10, temperature=1.0, "
                        + "content=Content[TextContent{type=text, text=hi}], "
                        + "messages=[Content[TextContent{type=text, text=one}], "
                        + "Content[ImageContent{type=image, url=two}], Content[three]]}");
        sdk.call("send", port);
        assertThat(bodies).hasSize(1);
        assertThat(JsonTrees.parse(bodies.get(0))).isEqualTo(JsonTrees.parse("""
                {"name":"n","hasName":"a property, not a presence check","limit":10,"temperature":1.0,
                 "content":{"type":"text","text":"hi"},
                 "messages":[{"type":"text","text":"one"},{"type":"image","url":"two"},"three"]}"""));
    }

    @Test
    void presenceChecksNeverCollideWithAPropertyAccessor() throws Throwable {
        assertThat(sdk.call("presence")).isEqualTo("x|false|true|false");
        Class<?> chat = (Class<?>) sdk.call("type", "Chat");
        assertThat(List.of(chat.getMethods()).stream().map(Method::getName)).doesNotContain("hasName2", "clearName2");
    }

    @Test
    void numberSettersTakeLiteralsAndAnExplicitNullStaysNull() throws Throwable {
        assertThat(sdk.call("explicitNull")).isEqualTo("true|null");
        assertThat(sdk.call("params")).isNotNull();
    }

    @Test
    void modelsPrintWithoutATrailingSeparatorAndBuildersTakeNoUnusedFlag() throws Throwable {
        assertThat(sdk.call("empty")).isEqualTo("Empty{}|Empty{note=x}");
        Class<?> builder = (Class<?>) sdk.call("type", "Empty$Builder");
        assertThat(builder.getDeclaredConstructors())
                .allSatisfy(c -> assertThat(c.getParameterCount()).isZero());
        assertThat(sdk.file("com/example/building/Empty.java")).doesNotContain("withFixedValues");
    }

    @Test
    void modelsShowNoJacksonCodecAmongTheirMembers() throws Throwable {
        for (String name : List.of("Chat", "Content", "TextContent")) {
            Class<?> model = (Class<?>) sdk.call("type", name);
            assertThat(List.of(model.getMethods()))
                    .as(name)
                    .allSatisfy(m -> assertThat(
                                    List.of(m.getParameterTypes()).stream().map(Class::getName))
                            .noneMatch(t -> t.startsWith("com.fasterxml.jackson")));
            Class<?> codec = (Class<?>) sdk.call("type", name + "$Codec");
            assertThat(codec.getDeclaredConstructors())
                    .allSatisfy(c ->
                            assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
        }
    }

    @Test
    void unionFactoriesAreStaticAndPublic() throws Throwable {
        Class<?> content = (Class<?>) sdk.call("type", "Content");
        Method of = content.getMethod("of", (Class<?>) sdk.call("type", "TextContent"));
        assertThat(Modifier.isStatic(of.getModifiers())).isTrue();
    }
}
