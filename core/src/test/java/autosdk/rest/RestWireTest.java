package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.Transport;
import autosdk.rest.RestClientEndToEndTest.Seen;
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
 * What goes on the wire for the parts of a client that once went wrong: SSE event envelopes, the text of every
 * parameter format, one method per request media type, and a required {@code Authorization} parameter that a
 * security scheme supplies. Generates {@code fixtures/rest/wire.yaml}, compiles it with {@code WireDriver} and
 * drives it against a JDK HttpServer on 127.0.0.1 that records every request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestWireTest {
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private LocalHttpServer server;
    private RestSdk sdk;
    private int port;

    /** The transport under test; the OkHttp subclass runs every test here again on OkHttp. */
    Transport transport() {
        return Transport.JDK;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        sdk = RestSdk.build(
                Path.of("src/test/resources/fixtures/rest/wire.yaml").toAbsolutePath(),
                "com.example.wire",
                "fixtures/rest/WireDriver.java",
                dir,
                transport());
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
    void sseEnvelopesTakeDataFromTheDataLinesAndTheRestFromTheSseFields() throws Throwable {
        assertThat(sdk.call("envelopes", port))
                .isEqualTo("delta=Hel+0,message=lo+0|note:7:1500:plain {not json},message:7:null:two"
                        + "|run.created=queued,run.delta=Hi");
        assertThat(seen.get(0).header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void everyFormatIsSentAsRfcTextInPathQueryHeaderCookieAndForm() throws Throwable {
        sdk.call("formats", port);
        Seen get = seen.get(0);
        assertThat(get.rawPath())
                .isEqualTo("/formats/2024-01-01T00%3A00%3A00Z/2024-02-03/123e4567-e89b-12d3-a456-426614174000/2/"
                        + "true/%2B%2F8B");
        assertThat(get.rawQuery())
                .isEqualTo("since=2024-01-01T00%3A00%3A00Z&on=2024-02-03&at=10%3A20%3A30"
                        + "&ref=123e4567-e89b-12d3-a456-426614174000&count=12&small=0.1&whole=1.5&price=9.99&"
                        + "on-sale=false&token=%2B%2F8B"
                        + "&times=2024-01-01T00%3A00%3A00Z&times=2024-05-06T07%3A08%3A09.5%2B02%3A00");
        assertThat(get.header("X-When")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(get.header("X-Day")).isEqualTo("2024-02-03");
        assertThat(get.header("X-Id")).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(get.header("X-Ratio")).isEqualTo("3");
        assertThat(get.header("X-Flag")).isEqualTo("false");
        assertThat(get.header("Cookie")).isEqualTo("last=2024-01-01T00%3A00%3A00Z");
        Seen form = seen.get(1);
        assertThat(form.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form.text())
                .isEqualTo("when=2024-01-01T00%3A00%3A00Z&day=2024-02-03&id=123e4567-e89b-12d3-a456-426614174000"
                        + "&ratio=2&flag=true&blob=%2B%2F8B");
    }

    @Test
    void eachRequestMediaTypeHasItsOwnMethod() throws Throwable {
        assertThat(sdk.call("uploads", port)).isEqualTo("from-json|from-multipart|from-binary");
        assertThat(seen.get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.get(0).text()).isEqualTo("{\"url\":\"https://x/y\",\"purpose\":\"p\"}");
        assertThat(seen.get(1).header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(seen.get(1).text())
                .contains("name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
                .contains("name=\"purpose\"\r\n\r\nfine-tune\r\n");
        assertThat(seen.get(2).header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(seen.get(2).body()).containsExactly(1, 2, 3);
        assertThat(sdk.file("com/example/wire/WireClient.java"))
                .contains("public FileLink createFile(FileLink body)")
                .contains("public FileLink createFileMultipart(CreateFileMultipartForm form)")
                .contains("public FileLink createFileBinary(HttpBody body)");
    }

    @Test
    void aRequiredAuthorizationParameterIsSentByTheCredentialOrFailsNamingIt() throws Throwable {
        String failure = (String) sdk.call("requiredAuthorization", port);
        assertThat(failure)
                .contains("GET /secure requires the Authorization header")
                .contains("security scheme 'apiKey'");
        assertThat(seen).hasSize(3); // the failing call never reached the server
        assertThat(seen.get(0).header("Authorization")).isEqualTo("key-1");
        assertThat(seen.get(1).header("Authorization")).isEqualTo("per-call");
        assertThat(seen.get(2).rawPath()).isEqualTo("/public");
        assertThat(seen.get(2).header("Authorization")).isEqualTo("explicit");
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
        String type = s.header("Content-Type") == null ? "" : s.header("Content-Type");
        switch (s.method() + " " + s.rawPath()) {
            case "POST /stream" ->
                send(
                        ex,
                        200,
                        "text/event-stream",
                        "event: delta\ndata: {\"text\":\"Hel\"}\n\n: keep-alive\n\ndata: {\"text\":\ndata: "
                                + "\"lo\"}\n\ndata: [DONE]\n\n");
            case "GET /stream/text" ->
                send(
                        ex,
                        200,
                        "text/event-stream",
                        "event: note\nid: 7\nretry: 1500\ndata: plain {not json}\n\ndata: two\n\n");
            case "GET /stream/runs" ->
                send(
                        ex,
                        200,
                        "text/event-stream",
                        "event: run.created\ndata: {\"id\":\"r1\",\"status\":\"queued\"}\n\nevent: "
                                + "run.delta\ndata: {\"text\":\"Hi\"}\n\n");
            case "POST /files" ->
                send(
                        ex,
                        200,
                        "application/json",
                        "{\"url\":\"from-"
                                + (type.startsWith("multipart/")
                                        ? "multipart"
                                        : type.equals("application/json") ? "json" : "binary")
                                + "\"}");
            default -> send(ex, 204, null, "");
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
