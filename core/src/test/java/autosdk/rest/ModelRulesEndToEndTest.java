package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Libraries;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every generated model follows, seen on the wire: generates {@code fixtures/models/rules.yaml}, compiles
 * it with {@code RulesDriver}, and drives it against a JDK HttpServer on 127.0.0.1 that records each request body.
 * Fixed values are pre-filled and always sent, union variants send their discriminator, {@code build()} names
 * missing required properties, a value that is no valid uuid loses nothing else, and absurd integers are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRulesEndToEndTest {
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> counts = new AtomicReference<>("{}");
    private LocalHttpServer server;
    private RestSdk sdk;
    private int port;

    /** The libraries the SDK under test is generated for; a subclass runs every test again on others (Jackson 3). */
    Libraries libraries() {
        return Libraries.DEFAULT;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path spec = Path.of("src/test/resources/fixtures/models/rules.yaml").toAbsolutePath();
        sdk = RestSdk.build(
                GenerationRequest.of(spec, "com.example.rules", dir.resolve("out"))
                        .withLibraries(libraries()),
                "fixtures/models/RulesDriver.java",
                dir);
        server = LocalHttpServer.start(this::handle);
        port = server.port();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @BeforeEach
    void clear() {
        bodies.clear();
    }

    @Test
    void fixedDiscriminatorsAreSentWithoutBeingSet() throws Throwable {
        sdk.call("chat", port);
        assertThat(bodies)
                .containsExactly("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"system\","
                        + "\"content\":\"be brief\"}]}");
    }

    @Test
    void aVariantChosenByTheMappingSendsItsDiscriminator() throws Throwable {
        sdk.call("pet", port);
        assertThat(bodies).containsExactly("{\"petType\":\"dog\",\"name\":\"Rex\"}");
    }

    @Test
    void aStreamOnlyOperationSendsItsFixedStreamFlag() throws Throwable {
        assertThat(sdk.call("complete", port)).isEqualTo("a,b");
        assertThat(bodies).containsExactly("{\"prompt\":\"hi\",\"stream\":true,\"n\":1}");
    }

    @Test
    void buildNamesEveryMissingRequiredPropertyButNotFixedOrReadOnlyOnes() throws Throwable {
        assertThat(sdk.call("missing")).isEqualTo("Item is missing required properties: name, price");
        // Reading stays lenient: the answer lacks the required price and is still read.
        assertThat(sdk.call("createItem", port)).isEqualTo("Lamp|false|item");
        assertThat(bodies).containsExactly("{\"name\":\"Lamp\",\"price\":2.5,\"kind\":\"item\"}");
    }

    @Test
    void aValueThatIsNoValidUuidLosesNothingElse() throws Throwable {
        String seen = (String) sdk.call("files", port);
        assertThat(seen.split("\\|", -1))
                .containsExactly(
                        "2",
                        "123e4567-e89b-12d3-a456-426614174000",
                        "2024",
                        "second",
                        "true",
                        "{id=JsonString[value=<your_file_id>]}",
                        "id",
                        "uuid",
                        "FileObject.id: \"<your_file_id>\" is not a valid uuid; the value is kept as it came "
                                + "in malformedValues()",
                        "{\"id\":\"<your_file_id>\",\"name\":\"second\",\"created\":\"2024-01-02T03:04:05Z\"}",
                        "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"second\","
                                + "\"created\":\"2024-01-02T03:04:05Z\"}");
    }

    @Test
    void integersRefuseFractionsNonFiniteAndOutOfRangeValues() throws Throwable {
        assertThat(countsFor("{\"big\":9223372036854775807,\"small\":-2147483648,\"ratio\":2.5}"))
                .isEqualTo("9223372036854775807|-2147483648|2.5");
        assertThat(countsFor("{\"big\":1e3,\"small\":\"7\"}")).isEqualTo("1000|7|null");
        assertThat(countsFor("{\"big\":1e999999999}"))
                .startsWith("error: expected an integer in the int64 range but found 1e999999999 (a fraction or "
                        + "out of range) at line 1");
        assertThat(countsFor("{\"big\":9223372036854775808}"))
                .startsWith("error: expected an integer in the int64 range but found 9223372036854775808 ");
        assertThat(countsFor("{\"big\":-1e19}"))
                .startsWith("error: expected an integer in the int64 range but found -1e19 ");
        assertThat(countsFor("{\"big\":1.5}"))
                .startsWith("error: expected an integer in the int64 range but found 1.5 ");
        assertThat(countsFor("{\"big\":\"NaN\"}"))
                .startsWith("error: expected an integer in the int64 range but found VALUE_STRING");
        assertThat(countsFor("{\"small\":2147483648}"))
                .startsWith("error: expected an integer in the int32 range but found 2147483648 ");
        assertThat(countsFor("{\"small\":3e9}"))
                .startsWith("error: expected an integer in the int32 range but found 3e9 ");
        assertThat(countsFor("{\"ratio\":1e999}")).startsWith("error: expected a finite number but found 1e999 ");
        assertThat(countsFor("{\"ratio\":\"NaN\"}")).startsWith("error: expected a finite number but found NaN ");
        assertThat(countsFor("{\"ratio\":\"Infinity\"}"))
                .startsWith("error: expected a finite number but found Infinity ");
    }

    private String countsFor(String body) throws Throwable {
        counts.set(body);
        return (String) sdk.call("counts", port);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.isEmpty()) bodies.add(body);
        String json = "application/json";
        switch (ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()) {
            case "POST /chat", "POST /pets" -> send(ex, 204, null, "");
            case "POST /complete" ->
                send(ex, 200, "text/event-stream", "data: {\"text\":\"a\"}\n\ndata: {\"text\":\"b\"}\n\n");
            case "POST /items" -> send(ex, 200, json, "{\"id\":\"i-1\",\"name\":\"Lamp\",\"kind\":\"item\"}");
            case "GET /files" ->
                send(
                        ex,
                        200,
                        json,
                        "[{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"first\","
                                + "\"created\":\"2024-01-02T03:04:05Z\"},{\"id\":\"<your_file_id>\","
                                + "\"name\":\"second\",\"created\":\"2024-01-02T03:04:05Z\"}]");
            case "GET /counts" -> send(ex, 200, json, counts.get());
            default -> send(ex, 500, "text/plain", "unexpected " + ex.getRequestMethod() + " " + ex.getRequestURI());
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
