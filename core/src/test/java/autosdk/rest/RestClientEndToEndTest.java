package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Libraries;
import autosdk.Transport;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the client of {@code fixtures/rest/shop.yaml}, compiles it with {@code ShopDriver}, and drives it
 * against a JDK HttpServer on 127.0.0.1 that records every request and answers like the spec says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientEndToEndTest {
    /** One request as the server saw it. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(
                    name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger flaky = new AtomicInteger();
    private LocalHttpServer server;
    private RestSdk sdk;
    private int port;

    /** The libraries the SDK under test is generated for; a subclass runs every test again on others (Jackson 3). */
    Libraries libraries() {
        return Libraries.DEFAULT;
    }

    /** The transport under test; the OkHttp subclass runs every test here again on OkHttp. */
    Transport transport() {
        return Transport.JDK;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path spec = Path.of("src/test/resources/fixtures/rest/shop.yaml").toAbsolutePath();
        sdk = RestSdk.build(
                GenerationRequest.of(spec, "com.example.shop", dir.resolve("out"))
                        .withLibraries(libraries())
                        .withTransport(transport()),
                "fixtures/rest/ShopDriver.java",
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
        seen.clear();
    }

    @Test
    void serializesPathQueryHeaderAndCookieParametersPerStyle() throws Throwable {
        assertThat(sdk.call("params", port)).isEqualTo("1:first");
        Seen list = seen.get(0);
        assertThat(list.method()).isEqualTo("GET");
        assertThat(list.rawPath()).isEqualTo("/v1/items");
        assertThat(list.rawQuery())
                .isEqualTo("limit=10&tags=a%20b,c%26d&ids=1%7C2&filter%5Bcolor%5D=red&filter%5Bsize%5D=3");
        assertThat(list.header("X-Request-Id")).isEqualTo("req-1");
        assertThat(list.header("Cookie")).isEqualTo("session=s%3B1");
        assertThat(list.header("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(list.header("X-Default")).isEqualTo("yes");
        assertThat(list.header("User-Agent")).isEqualTo("shop-test");
        assertThat(list.header("Accept")).isEqualTo("application/json");
        Seen delete = seen.get(1);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.rawPath()).isEqualTo("/v1/items/.x,y%2Fz");
    }

    @Test
    void roundTripsJsonBodiesAndGivesStatusAndHeaders() throws Throwable {
        assertThat(sdk.call("jsonRoundTrip", port)).isEqualTo("new-1|Lamp|200|trace-7|req-42|one|three|three|200:one");
        Seen create = seen.get(0);
        assertThat(create.header("Content-Type")).isEqualTo("application/json");
        assertThat(create.text()).isEqualTo("{\"name\":\"Lamp\",\"price\":9.5,\"tags\":[\"home\"]}");
        assertThat(seen.get(1).rawPath()).isEqualTo("/v1/items/id%201%2F2");
    }

    @Test
    void errorStatusesRaiseTypedExceptionsWithTheDecodedErrorModel() throws Throwable {
        assertThat(sdk.call("errors", port))
                .isEqualTo("404:404:no such item|422:name is empty|418:short and stout|redacted");
    }

    @Test
    void retriesA503UntilItSucceeds() throws Throwable {
        flaky.set(0);
        assertThat(sdk.call("retry", port)).isEqualTo("fine");
        assertThat(seen).hasSize(3);
    }

    @Test
    void uploadsMultipartFormsWithFileParts(@TempDir Path dir) throws Throwable {
        assertThat(sdk.call("upload", port, dir.toString())).isEqualTo("ok|ok");
        Seen upload = seen.get(0);
        assertThat(upload.rawPath()).isEqualTo("/v1/items/;itemId=item%201/image");
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(body)
                .contains("Content-Disposition: form-data; name=\"file\"; "
                        + "filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n\u0001\u0002\u0003\u0004\r\n")
                .contains("name=\"caption\"\r\n\r\nNice & shiny\r\n")
                .contains("name=\"labels\"\r\n\r\nx\r\n")
                .contains("name=\"labels\"\r\n\r\ny\r\n")
                .contains("name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"color\":\"blue\"}\r\n");
        assertThat(seen.get(1).text()).contains("filename=\"s.txt\"\r\nContent-Type: text/plain\r\n\r\nstreamed\r\n");
    }

    @Test
    void readsBinaryBodiesSendsFormsAndSkipsAuthForPublicOperations() throws Throwable {
        assertThat(sdk.call("binaryAndForm", port)).isEqualTo("BLOB|BLOB|t1");
        assertThat(seen.get(0).header("Accept")).isEqualTo("application/octet-stream");
        Seen login = seen.get(2);
        assertThat(login.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(login.text()).isEqualTo("user=ann%20lee&remember=true");
        assertThat(login.header("Authorization")).isNull();
        assertThat(seen.get(3).rawPath()).isEqualTo("/v1/public/ping");
        assertThat(seen.get(3).header("Authorization")).isNull();
    }

    @Test
    void streamsServerSentEventsAndJsonLinesAsTypedEvents() throws Throwable {
        assertThat(sdk.call("streaming", port)).isEqualTo("plain|Hel,lo|a,b");
        assertThat(seen.get(0).text()).isEqualTo("{\"prompt\":\"hi\"}");
        Seen stream = seen.get(1);
        assertThat(stream.text()).isEqualTo("{\"prompt\":\"hi\",\"stream\":true}");
        assertThat(stream.header("Accept")).isEqualTo("text/event-stream");
        assertThat(stream.header("X-Call")).isEqualTo("1");
    }

    @Test
    void configurationNeverShowsCredentials() throws Throwable {
        assertThat((String) sdk.call("configShown", port))
                .doesNotContain("secret-token")
                .contains("bearer for bearerAuth");
    }

    @Test
    void theBuilderPassesTheResponseSizeLimitAndStreamIdleTimeoutOn() throws Throwable {
        assertThat((String) sdk.call("limits", port)).isEqualTo("true|true");
    }

    @Test
    void emitsGroupedDocumentedDeprecatedMethods() {
        String items = sdk.file("com/example/shop/ItemsClient.java");
        assertThat(items)
                .contains("@Deprecated\n    public void deleteItem(List<String> itemId)")
                .contains("Reads one item.")
                .contains("public InputStream downloadItemAsInputStream(String itemId)");
        String entry = sdk.file("com/example/shop/ShopApiClient.java");
        assertThat(entry)
                .contains("public ItemsClient items()")
                .contains("public ChatClient chat()")
                .contains("public String flaky()")
                .contains("public Builder bearerAuth(String token)")
                .contains("public Builder apiKeyFromEnv(String variable)")
                .contains("Text &#42;&#47; that tries to close a comment.");
        assertThat(sdk.result().files()).noneMatch(f -> f.relativePath().endsWith("Items2Client.java"));
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Seen s = new Seen(
                ex.getRequestMethod(),
                ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()),
                body);
        seen.add(s);
        String path = s.rawPath();
        String json = "application/json";
        switch (s.method() + " " + path) {
            case "GET /v1/items" -> send(ex, 200, json, "[{\"id\":\"1\",\"name\":\"first\"}]");
            case "DELETE /v1/items/.x,y%2Fz", "GET /v1/public/ping" -> send(ex, 204, null, "");
            case "POST /v1/items" -> {
                if (s.text().contains("\"name\":\"\"")) {
                    send(ex, 422, json, "{\"code\":422,\"message\":\"name is empty\"}");
                } else send(ex, 201, json, "{\"id\":\"new-1\",\"name\":\"Lamp\",\"extra\":[1,2]}");
            }
            case "GET /v1/items/id%201%2F2" -> {
                ex.getResponseHeaders().add("X-Trace", "trace-7");
                ex.getResponseHeaders().add("Request-Id", "req-42");
                send(ex, 200, json, "{\"name\":\"one\"}");
            }
            case "GET /v1/items/id-3" -> send(ex, 200, json, "{\"name\":\"three\"}");
            case "GET /v1/items/missing" -> send(ex, 404, json, "{\"code\":404,\"message\":\"no such item\"}");
            case "GET /v1/items/teapot" -> send(ex, 418, json, "{\"code\":418,\"message\":\"short and stout\"}");
            case "POST /v1/items/;itemId=item%201/image", "POST /v1/items/;itemId=item2/image" ->
                send(ex, 200, json, "{\"received\":\"ok\"}");
            case "GET /v1/items/blob/raw" -> send(ex, 200, "application/octet-stream", "BLOB");
            case "POST /v1/login" -> send(ex, 200, json, "{\"token\":\"t1\"}");
            case "GET /v1/flaky" -> {
                if (flaky.incrementAndGet() <= 2) send(ex, 503, "text/plain", "busy");
                else send(ex, 200, "text/plain", "fine");
            }
            case "POST /v1/chat/completions" -> {
                if (s.text().contains("\"stream\":true")) {
                    send(
                            ex,
                            200,
                            "text/event-stream",
                            ": keep-alive\n\nevent: chunk\nid: 1\ndata: {\"delta\":\"Hel\"}\n\n"
                                    + "data: {\"delta\":\ndata: \"lo\"}\n\ndata: [DONE]\n\ndata: "
                                    + "{\"delta\":\"after done\"}\n\n");
                } else {
                    send(ex, 200, json, "{\"text\":\"plain\"}");
                }
            }
            case "GET /v1/events" -> send(ex, 200, "application/x-ndjson", "{\"delta\":\"a\"}\n\n{\"delta\":\"b\"}\n");
            default -> send(ex, 500, "text/plain", "unexpected " + s.method() + " " + path);
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (status != 204 && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
