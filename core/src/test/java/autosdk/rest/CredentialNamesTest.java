package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The natural credential names of a spec with one key scheme ({@code apiKey}, {@code apiKeyFromEnv()} and its
 * title-derived default variable) and the builder's wire-log options, checked on the wire of a local server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialNamesTest {
    private final List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
    private LocalHttpServer server;
    private RestSdk widgets;
    private RestSdk assistant;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        widgets = RestSdk.build(
                Path.of("src/test/resources/fixtures/rest/widgets.yaml").toAbsolutePath(),
                "com.example.widgets",
                "fixtures/rest/WidgetsDriver.java",
                dir.resolve("widgets"));
        assistant = RestSdk.build(
                Path.of("src/test/resources/fixtures/rest/assistant.yaml").toAbsolutePath(),
                "com.example.assistant",
                "fixtures/rest/AssistantDriver.java",
                dir.resolve("assistant"));
        server = LocalHttpServer.start(this::handle);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @BeforeEach
    void clear() {
        seen.clear();
    }

    @Test
    void theDefaultVariableComesFromTheTitle() throws Throwable {
        assertThat(widgets.call("defaultVariable")).isEqualTo("ACME_WIDGETS_API_KEY");
        assertThat(assistant.call("defaultVariable")).isEqualTo("OPENAI_API_KEY");
    }

    @Test
    void anApiKeySchemeTakesTheNaturalNamesAndKeepsItsOwn() throws Throwable {
        String out = (String) widgets.call("natural", server.port());
        assertThat(out).startsWith("widget\n");
        assertThat(header(0, "X-acme-key")).isEqualTo("natural-key-1");
        assertThat(out)
                .doesNotContain("natural-key-1")
                .contains("\n  X-Acme-Key: ***")
                .containsPattern("INFO GET http://127\\.0\\.0\\.1:\\d+/v1/widgets/w1 -> 200 \\(\\d+ ms\\)");

        assertThat(widgets.call("fromDefaultEnv", server.port(), "ACME_WIDGETS_API_KEY", "env-key-2"))
                .isEqualTo("widget");
        assertThat(header(1, "X-acme-key")).isEqualTo("env-key-2");
        assertThat(widgets.call("schemeNamed", server.port())).isEqualTo("widget");
        assertThat(header(2, "X-acme-key")).isEqualTo("scheme-key");
        assertThat(widgets.call("unset"))
                .isEqualTo("Environment variable ACME_WIDGETS_API_KEY is not set; it must hold the API key "
                        + "header X-Acme-Key");
    }

    @Test
    void aBearerSchemeTakesTheNaturalNamesToo() throws Throwable {
        assertThat(assistant.call("natural", server.port())).isEqualTo("models");
        assertThat(assistant.call("fromDefaultEnv", server.port())).isEqualTo("models");
        assertThat(assistant.call("schemeNamed", server.port())).isEqualTo("models");
        assertThat(List.of(header(0, "Authorization"), header(1, "Authorization"), header(2, "Authorization")))
                .containsExactly("Bearer sk-natural", "Bearer sk-env", "Bearer sk-scheme");
    }

    @Test
    void theLogEnvironmentVariableIsReadThroughTheBuilderEnvironment() throws Throwable {
        String log = (String) widgets.call("logFromEnv", server.port());
        assertThat(log).matches("INFO GET http://127\\.0\\.0\\.1:\\d+/v1/widgets/w4 -> 200 \\(\\d+ ms\\)");
    }

    @Test
    void generatedDocsNameTheDefaultVariable() {
        assertThat(widgets.file("com/example/widgets/AcmeWidgetsApiClient.java"))
                .contains("public static final String DEFAULT_API_KEY_ENV = \"ACME_WIDGETS_API_KEY\";")
                .contains("public Builder apiKeyFromEnv()")
                .contains("public Builder keyHeader(String key)");
    }

    private String header(int request, String name) {
        List<String> values = seen.get(request).get(name);
        return values == null ? null : values.get(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        seen.add(Map.copyOf(ex.getRequestHeaders()));
        boolean models = ex.getRequestURI().getPath().equals("/models");
        byte[] body = (models ? "models" : "{\"name\":\"widget\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", models ? "text/plain" : "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        ex.close();
    }
}
