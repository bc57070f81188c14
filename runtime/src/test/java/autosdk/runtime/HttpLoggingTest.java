package autosdk.runtime;

import static autosdk.runtime.HttpTestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opt-in wire log against a real server on 127.0.0.1: what it writes, what it redacts and where it cuts. */
class HttpLoggingTest {

    /** The transport under test; the OkHttp subclass runs every test here again on OkHttp. */
    java.util.function.Function<HttpConfig, HttpTransport> transport() {
        return JdkHttpTransport::new;
    }

    HttpExecutor newExecutor(HttpConfig config) {
        return new HttpExecutor(config, transport());
    }

    static final String SECRET = "sk-LOG-5d1e77a0";
    static final String HEADER_SECRET = "hdr-secret-0042";

    /** A System.Logger that keeps every message with its level. */
    static final class Recorder implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }

        String all() {
            return String.join("\n", lines);
        }
    }

    HttpTestServer server;
    final Recorder recorder = new Recorder();

    @BeforeEach
    void start() throws IOException {
        server = new HttpTestServer();
        server.route("/echo", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Set-Cookie", "session=" + SECRET);
            respond(
                    exchange,
                    200,
                    "application/json",
                    "{\"got\":" + in.length + ",\"key\":\"" + SECRET + "\",\"pad\":\"" + "y".repeat(6000) + "\"}");
        });
        server.route(
                "/fail", exchange -> respond(exchange, 404, "application/json", "{\"error\":\"no " + SECRET + "\"}"));
        server.route("/stream", exchange -> respond(exchange, 200, "text/event-stream", "data: one\n\ndata: two\n\n"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpExecutor executor(LogLevel level) {
        return newExecutor(HttpConfig.builder()
                .baseUri(server.uri())
                .logging(level)
                .logger(recorder)
                .auth(HttpAuth.bearer(SECRET), HttpAuth.apiKeyQuery("api_key", SECRET))
                .defaultHeader("X-Custom-Token", HEADER_SECRET)
                .defaultHeader("X-Trace", "visible-1")
                .build());
    }

    @Test
    void infoWritesOneRedactedLinePerCall() {
        String body = executor(LogLevel.INFO)
                .execute(
                        HttpRequestSpec.builder("POST", "/echo")
                                .body(HttpBody.text("hello", "text/plain"))
                                .build(),
                        HttpResponseDecoder.string());
        assertThat(body).contains(SECRET); // the caller still gets the whole, unredacted body

        assertThat(recorder.lines).hasSize(1);
        assertThat(recorder.lines.get(0))
                .matches("INFO POST http://127\\.0\\.0\\.1:\\d+/echo\\?api_key=\\*\\*\\* -> 200 \\(\\d+ ms\\)");
    }

    @Test
    void debugShowsHeadersAndBodiesWithSecretsRedactedAndBodiesCut() {
        String payload = "{\"text\":\"" + "x".repeat(5000) + "\",\"echo\":\"" + SECRET + "\"}";
        String body = executor(LogLevel.DEBUG)
                .execute(
                        HttpRequestSpec.builder("POST", "/echo")
                                .body(HttpBody.json(payload.getBytes()))
                                .build(),
                        HttpResponseDecoder.string());
        assertThat(body).endsWith("y".repeat(6000) + "\"}"); // logging never shortens what the decoder reads

        String log = recorder.all();
        assertThat(log).doesNotContain(SECRET).doesNotContain(HEADER_SECRET);
        assertThat(log).contains("--> POST ").contains("?api_key=*** (attempt 1)");
        assertThat(log)
                .contains("\n  Authorization: ***")
                .contains("\n  X-Custom-Token: ***")
                .contains("\n  X-Trace: visible-1");
        assertThat(log).containsIgnoringCase("\n  Set-Cookie: ***");
        assertThat(log)
                .contains("{\"text\":\"" + "x".repeat(HttpLog.BODY_LIMIT - 9) + "… (" + payload.length()
                        + " bytes, first 4096 shown)");
        int responseLength = ("{\"got\":" + payload.length() + ",\"key\":\"" + SECRET + "\",\"pad\":\""
                        + "y".repeat(6000) + "\"}")
                .length();
        assertThat(log)
                .contains("<-- body of POST")
                .contains("\"key\":\"***\"")
                .contains("… (" + responseLength + " bytes, first 4096 shown)");
        assertThat(recorder.lines.get(recorder.lines.size() - 1))
                .startsWith("INFO POST ")
                .contains(" -> 200 (");
    }

    @Test
    void failuresAreLoggedWithStatusAndRedactedBody() {
        assertThatThrownBy(() -> executor(LogLevel.DEBUG)
                        .execute(HttpRequestSpec.builder("GET", "/fail").build(), HttpResponseDecoder.string()))
                .isInstanceOf(ApiNotFoundException.class);
        String log = recorder.all();
        assertThat(log).doesNotContain(SECRET).contains("{\"error\":\"no ***\"}");
        assertThat(recorder.lines.get(recorder.lines.size() - 1)).contains(" -> 404 (ApiNotFoundException) (");
    }

    @Test
    void streamsAreLoggedOncePerCallAndNeverRead() throws IOException {
        HttpExecutor executor = executor(LogLevel.DEBUG);
        try (InputStream in = executor.execute(
                HttpRequestSpec.builder("GET", "/stream").build(),
                HttpResponseDecoder.keepingBodyOpen(HttpResponseDecoder.inputStream()))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("data: one\n\ndata: two\n\n");
        }
        assertThat(recorder.all()).doesNotContain("data: one");
        assertThat(recorder.lines.get(recorder.lines.size() - 1)).contains(" -> 200 (streamed) (");
    }

    @Test
    void offWritesNothingAndTheEnvironmentVariableSwitchesItOn() {
        executor(LogLevel.OFF).execute(HttpRequestSpec.builder("GET", "/echo").build(), HttpResponseDecoder.string());
        assertThat(recorder.lines).isEmpty();

        HttpConfig fromEnv = HttpConfig.builder()
                .baseUri(server.uri())
                .logger(recorder)
                .environment(Map.of(LogLevel.ENV_VARIABLE, "info")::get)
                .build();
        assertThat(fromEnv.logLevel()).isEqualTo(LogLevel.INFO);
        newExecutor(fromEnv).execute(HttpRequestSpec.builder("GET", "/echo").build(), HttpResponseDecoder.string());
        assertThat(recorder.lines).hasSize(1);
        assertThat(HttpConfig.builder()
                        .baseUri(server.uri())
                        .environment(Map.<String, String>of()::get)
                        .build()
                        .logLevel())
                .isEqualTo(LogLevel.OFF);
        assertThat(HttpConfig.builder().baseUri(server.uri()).build().logger().getName())
                .isEqualTo("autosdk.runtime.http");
    }
}
