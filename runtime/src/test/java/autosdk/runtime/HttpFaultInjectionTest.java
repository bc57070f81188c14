package autosdk.runtime;

import static autosdk.runtime.HttpTestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile servers on 127.0.0.1 (the JDK server and raw sockets): endless, trickling, stalled and oversized
 * responses, redirect and header tricks, and fuzzed bodies. Every server loop is bounded, so a regression makes a
 * test fail (late) rather than hang; no assertion is about speed.
 */
class HttpFaultInjectionTest {

    static final HttpJsonReader JSON = new HttpJsonReader();

    HttpTestServer server;

    /** The transport under test; the OkHttp subclass runs every test here again on OkHttp. */
    java.util.function.Function<HttpConfig, HttpTransport> transport() {
        return JdkHttpTransport::new;
    }

    HttpExecutor newExecutor(HttpConfig config) {
        return new HttpExecutor(config, transport());
    }

    final CountDownLatch testOver = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = new HttpTestServer();
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        server.close();
    }

    HttpConfig.Builder config() {
        return HttpConfig.builder()
                .baseUri(server.uri())
                .retry(HttpRetryPolicy.none())
                .requestTimeout(Duration.ofSeconds(60));
    }

    static HttpRequestSpec.Builder get(String path) {
        return HttpRequestSpec.builder("GET", path);
    }

    /** A JSON reader for any value, as generated codecs are. */
    static final class HttpJsonReader implements JsonCodec.Reader<JsonValue> {
        @Override
        public JsonValue read(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
            return Json.readValue(parser);
        }
    }

    /** Writes {@code chunk} repeatedly up to {@code maxBytes} or until the client goes away. */
    static void flood(HttpExchange ex, String prefix, byte[] chunk, long maxBytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        try {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < maxBytes; sent += chunk.length) {
                out.write(chunk);
            }
            out.close();
        } catch (IOException clientLeft) {
            // expected: the client stops reading at its limit
        }
    }

    /**
     * Sends {@code text} one byte at a time, {@code gapMillis} apart, until done, the client leaves or the test ends.
     */
    void trickle(HttpExchange ex, int status, String text, long gapMillis) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        OutputStream out = ex.getResponseBody();
        try {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                if (testOver.await(gapMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            out.close();
        } catch (IOException | InterruptedException clientLeft) {
            // the client gave up, as it should
        }
    }

    // ================================================================ response size

    @Test
    void anEndlessBodyIsCutAtTheDefaultLimitInsteadOfFillingMemory() {
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        server.route("/endless", ex -> flood(ex, "{\"a\":\"", chunk, 2 * HttpConfig.DEFAULT_MAX_RESPONSE_BYTES));

        ApiDecodeException e = catchThrowableOfType(
                () -> newExecutor(config().build()).execute(get("/endless").build(), HttpJson.decoder(JSON)),
                ApiDecodeException.class);

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getMessage())
                .contains("the response body is larger than the limit of 33554432 bytes (maxResponseBytes");
    }

    @Test
    void theLimitIsSetPerClientOrPerCallAndABodyOfExactlyTheLimitPasses() {
        server.route("/big", ex -> respond(ex, 200, "text/plain", "x".repeat(5000)));
        server.route("/fits", ex -> respond(ex, 200, "text/plain", "y".repeat(1000)));
        HttpExecutor small = newExecutor(config().maxResponseBytes(1000).build());
        RequestOptions perCall = RequestOptions.builder().maxResponseBytes(4999).build();

        assertThat(small.execute(get("/fits").build(), HttpResponseDecoder.string()))
                .hasSize(1000);
        assertThatThrownBy(() -> small.execute(get("/big").build(), HttpResponseDecoder.bytes()))
                .isInstanceOf(ApiDecodeException.class)
                .hasMessageContaining("larger than the limit of 1000 bytes");
        HttpExecutor roomy = newExecutor(config().build());
        assertThatThrownBy(() -> roomy.execute(get("/big").options(perCall).build(), HttpResponseDecoder.string()))
                .isInstanceOf(ApiDecodeException.class)
                .hasMessageContaining("larger than the limit of 4999 bytes");
        assertThat(roomy.execute(get("/big").build(), HttpResponseDecoder.string()))
                .hasSize(5000);
        assertThatThrownBy(() -> HttpConfig.builder().maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneJsonStringLongerThanTheStringLimitIsADecodeError() {
        byte[] chunk = "b".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        server.route("/long-string", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write('"');
                for (int i = 0; i < Json.MAX_STRING_LENGTH / chunk.length + 1; i++) {
                    out.write(chunk);
                }
                out.write('"');
            } catch (IOException clientLeft) {
                // the client stops at the string limit
            }
        });
        HttpExecutor roomy = newExecutor(
                config().maxResponseBytes(2L * Json.MAX_STRING_LENGTH).build());

        ApiDecodeException e = catchThrowableOfType(
                () -> roomy.execute(get("/long-string").build(), HttpJson.decoder(Json::readString)),
                ApiDecodeException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("String value length").contains(String.valueOf(Json.MAX_STRING_LENGTH));
    }

    @Test
    void oneServerSentEventCannotGrowWithoutBound() {
        byte[] line = ("data: " + "z".repeat(64 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII);
        server.route("/sse", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                for (long sent = 0; sent < 2L * HttpSse.MAX_EVENT_CHARS; sent += line.length) {
                    out.write(line); // data lines, never the blank line that would end the event
                }
                out.close();
            } catch (IOException clientLeft) {
                // expected
            }
        });

        try (Stream<HttpSseEvent> events =
                newExecutor(config().build()).execute(get("/sse").build(), HttpSse.eventDecoder())) {
            assertThatThrownBy(() -> events.iterator().hasNext())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage(
                            "server-sent event data longer than " + HttpSse.MAX_EVENT_CHARS + " characters");
        }
    }

    // ================================================================ timeouts

    @Test
    void theRequestTimeoutCoversABodyThatTricklesIn() {
        server.route("/trickle", ex -> trickle(ex, 200, "{\"text\":\"" + "t".repeat(90) + "\"}", 400));
        HttpExecutor executor =
                newExecutor(config().requestTimeout(Duration.ofSeconds(4)).build());

        ApiDecodeException e = catchThrowableOfType(
                () -> executor.execute(get("/trickle").build(), HttpJson.decoder(JSON)), ApiDecodeException.class);

        assertThat(e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
        assertThat(e.getMessage()).contains("the response did not complete within the request timeout of 4 s");
    }

    @Test
    void aPerCallTimeoutCoversTheBodyToo() {
        server.route("/trickle", ex -> trickle(ex, 200, "x".repeat(100), 400));
        RequestOptions quick =
                RequestOptions.builder().timeout(Duration.ofSeconds(5)).build();

        ApiDecodeException e = catchThrowableOfType(
                () -> newExecutor(config().build())
                        .execute(get("/trickle").options(quick).build(), HttpResponseDecoder.string()),
                ApiDecodeException.class);

        assertThat(e).isNotNull();
        assertThat(e.getCause())
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("request timeout of 5 s");
    }

    @Test
    void aTricklingErrorBodyEndsAtTheTimeoutWithWhatArrived() {
        server.route("/trickle", ex -> trickle(ex, 500, "{\"error\":\"" + "e".repeat(88) + "\"}", 400));
        HttpExecutor executor =
                newExecutor(config().requestTimeout(Duration.ofSeconds(4)).build());

        ApiServerException e = catchThrowableOfType(
                () -> executor.execute(get("/trickle").build(), HttpResponseDecoder.string()),
                ApiServerException.class);

        assertThat(e).isNotNull();
        assertThat(e.rawBody())
                .as("what arrived before the timeout")
                .startsWith("{")
                .hasSizeLessThan(100);
    }

    @Test
    void aSlowButSteadyBodyWithinTheTimeoutSucceeds() {
        server.route("/steady", ex -> trickle(ex, 200, "\"0123456789\"", 50));

        assertThat(newExecutor(config().build()).execute(get("/steady").build(), HttpJson.decoder(Json::readString)))
                .isEqualTo("0123456789");
    }

    @Test
    void aStalledEventStreamFailsAtTheIdleTimeoutEvenWithKeepAlives() {
        server.route("/sse", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < 200 && !testOver.await(300, TimeUnit.MILLISECONDS); i++) {
                    out.write(": still here\n".getBytes(StandardCharsets.UTF_8)); // bytes, but never an event
                    out.flush();
                }
            } catch (IOException | InterruptedException clientLeft) {
                // the client gave up
            }
        });
        HttpExecutor executor =
                newExecutor(config().streamIdleTimeout(Duration.ofSeconds(3)).build());

        try (Stream<String> events = executor.execute(get("/sse").build(), HttpSse.decoder(data -> data))) {
            Iterator<String> it = events.iterator();
            assertThat(it.next()).isEqualTo("first");
            assertThatThrownBy(it::hasNext)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SocketTimeoutException.class)
                    .hasRootCauseMessage("no server-sent event within the stream idle timeout of 3 s");
        }
    }

    @Test
    void aStalledNdjsonStreamFailsAtTheIdleTimeoutPerCall() {
        server.route("/lines", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                out.write("{\"n\":1}\n{\"n\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < 200 && !testOver.await(300, TimeUnit.MILLISECONDS); i++) {
                    out.write(' '); // the second line never ends
                    out.flush();
                }
            } catch (IOException | InterruptedException clientLeft) {
                // the client gave up
            }
        });
        RequestOptions idle = RequestOptions.builder()
                .streamIdleTimeout(Duration.ofSeconds(3))
                .build();

        try (Stream<String> lines = newExecutor(config().build())
                .execute(get("/lines").options(idle).build(), HttpNdjson.decoder(line -> line))) {
            Iterator<String> it = lines.iterator();
            assertThat(it.next()).isEqualTo("{\"n\":1}");
            assertThatThrownBy(it::hasNext)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage("no NDJSON line within the stream idle timeout of 3 s");
        }
    }

    @Test
    void aRawDownloadFailsWhenNoBytesArriveWithinTheIdleTimeout() throws IOException {
        server.route("/download", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 1000);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            HttpExecutorTest.await(testOver);
        });
        HttpExecutor executor =
                newExecutor(config().streamIdleTimeout(Duration.ofSeconds(3)).build());

        try (InputStream in = executor.execute(get("/download").build(), HttpResponseDecoder.inputStream())) {
            assertThat(in.readNBytes(10)).hasSize(10);
            assertThatThrownBy(in::read)
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("no data within the stream idle timeout of 3 s");
        }
    }

    @Test
    void closingAStalledStreamFromAnotherThreadWakesTheBlockedReader() throws Exception {
        server.route("/stalled", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            HttpExecutorTest.await(testOver);
        });
        HttpExecutor executor = newExecutor(config().streamIdleTimeout(null).build());
        Stream<String> events = executor.execute(get("/stalled").build(), HttpSse.decoder(data -> data));
        Iterator<String> it = events.iterator();
        assertThat(it.next()).isEqualTo("first");

        java.util.concurrent.CompletableFuture<Boolean> blocked =
                java.util.concurrent.CompletableFuture.supplyAsync(it::hasNext);
        Thread.sleep(300);
        events.close();

        assertThat(blocked.get(120, TimeUnit.SECONDS))
                .as("the stream ends once closed")
                .isFalse();
    }

    @Test
    void aLiveStreamMayOutlastTheRequestTimeout() {
        server.route("/ticks", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 1; i <= 8; i++) { // 8 x 600 ms: longer than the request timeout
                    out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (testOver.await(600, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HttpExecutor executor = newExecutor(config().requestTimeout(Duration.ofSeconds(3))
                .streamIdleTimeout(Duration.ofSeconds(30))
                .build());

        List<String> ticks = new ArrayList<>();
        try (Stream<String> events = executor.execute(get("/ticks").build(), HttpSse.decoder(data -> data))) {
            events.forEach(ticks::add);
        }

        assertThat(ticks).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void headersThatNeverComeEndAtTheRequestTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpExecutor executor =
                    newExecutor(config().baseUri(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                            .requestTimeout(Duration.ofSeconds(1))
                            .build());

            ApiConnectionException e = catchThrowableOfType(
                    () -> executor.execute(get("/x").build(), HttpResponseDecoder.string()),
                    ApiConnectionException.class);

            assertThat(e).isNotNull();
            assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aBodyCutShortByTheServerIsADecodeError() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> {
                try (Socket s = raw.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                            + "100\r\n\r\n{\"a\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException ignored) {
                    // the test fails on the client side if this goes wrong
                }
            });
            serverThread.start();
            HttpExecutor executor = newExecutor(config().baseUri(URI.create("http://127.0.0.1:" + raw.getLocalPort()))
                    .build());

            assertThatThrownBy(() -> executor.execute(get("/x").build(), HttpJson.decoder(JSON)))
                    .isInstanceOf(ApiDecodeException.class);
            serverThread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    // ================================================================ redirects and headers (already safe)

    @Test
    void aRedirectLoopStopsAfterFiveHops() {
        server.route("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            respond(ex, 302, null, "");
        });

        ApiException e = catchThrowableOfType(
                () -> newExecutor(config().build()).execute(get("/loop").build(), HttpResponseDecoder.string()),
                ApiException.class);

        assertThat(e.statusCode()).isEqualTo(302);
        assertThat(server.hits).hasValue(6);
    }

    @Test
    void redirectsToOtherSchemesOrForNonIdempotentMethodsAreNotFollowed() {
        server.route("/file", ex -> {
            ex.getResponseHeaders().set("Location", "file:///etc/passwd");
            respond(ex, 302, null, "");
        });
        server.route("/post", ex -> {
            ex.getResponseHeaders().set("Location", "/elsewhere");
            respond(ex, 307, null, "");
        });
        server.route("/elsewhere", ex -> respond(ex, 200, "text/plain", "followed"));
        HttpExecutor executor = newExecutor(config().build());

        assertThatThrownBy(() -> executor.execute(get("/file").build(), HttpResponseDecoder.string()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("HTTP 302");
        assertThatThrownBy(() -> executor.execute(
                        HttpRequestSpec.builder("POST", "/post").build(), HttpResponseDecoder.string()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("HTTP 307");
        assertThat(server.received).extracting(HttpTestServer.Received::rawPath).doesNotContain("/elsewhere");
    }

    @Test
    void aCrossOriginRedirectCarriesNoCredentialsOrCustomHeaders() throws IOException {
        try (HttpTestServer other = new HttpTestServer()) {
            other.route("/landing", ex -> respond(ex, 200, "text/plain", "landed"));
            server.route("/away", ex -> {
                ex.getResponseHeaders().set("Location", other.uri() + "/landing");
                respond(ex, 301, null, "");
            });
            HttpExecutor executor = newExecutor(
                    config().auth(HttpAuth.apiKeyHeader("X-Api-Key", "secret-1"), HttpAuth.bearer("secret-2"))
                            .defaultHeader("X-Tenant", "t1")
                            .build());

            assertThat(executor.execute(
                            get("/away").headerParam("X-Trace", "abc").build(), HttpResponseDecoder.string()))
                    .isEqualTo("landed");

            HttpTestServer.Received landed = other.last();
            assertThat(landed.header("X-Api-Key")).isNull();
            assertThat(landed.header("Authorization")).isNull();
            assertThat(landed.header("X-Tenant")).isNull();
            assertThat(landed.header("X-Trace")).isNull();
        }
    }

    @Test
    void headerValuesThatWouldSplitTheRequestAreRefusedBeforeSending() {
        HttpExecutor executor = newExecutor(config().build());

        assertThatThrownBy(() -> RequestOptions.builder().header("X-A", "ok\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpConfig.builder().defaultHeader("X-A", "ok\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpConfig.builder().defaultHeader("X-A\r\nX-B", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> executor.execute(
                        get("/x")
                                .headerParam("X-A", "v\r\n\r\nGET /smuggled HTTP/1.1")
                                .build(),
                        HttpResponseDecoder.string()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.hits).hasValue(0);
    }

    // ================================================================ fuzzing (fixed seed, bounded count)

    static final byte[] SEED_DOCUMENT = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"choices":[{"index":0,
            "message":{"role":"assistant","content":"Hi \\u00e9 \\ud83d\\ude00","tool_calls":null},\
            "logprobs":[-0.5,1e-3,12345678901234567890]}],
            "usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21},"flags":[true,false,null]}
            """.getBytes(StandardCharsets.UTF_8);

    static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            switch (random.nextInt(4)) {
                case 0 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
                case 2 -> {
                    if (data.length > 0) {
                        byte[] syntax = "{}[]\":,\\-0e.tfn".getBytes(StandardCharsets.US_ASCII);
                        data[random.nextInt(data.length)] = syntax[random.nextInt(syntax.length)];
                    }
                }
                default -> {
                    byte[] longer = java.util.Arrays.copyOf(data, data.length + 1);
                    longer[longer.length - 1] = (byte) random.nextInt(256);
                    data = longer;
                }
            }
            if (data.length == 0) {
                break;
            }
        }
        return data;
    }

    @Test
    void fuzzedJsonBodiesDecodeOrFailWithAnIOExceptionOnly() {
        Random random = new Random(20240607L);
        HttpHeaders headers = HttpHeaders.EMPTY;
        int decoded = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] body = mutate(SEED_DOCUMENT, random);
            try {
                HttpJson.decoder(JSON).decode(new ByteArrayInputStream(body), headers);
                decoded++;
            } catch (IOException expected) {
                // malformed input must surface as an IOException (the executor turns it into ApiDecodeException)
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(
                        "input #" + i + " escaped as " + e + ": " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
        assertThat(decoded).as("some mutations stay valid JSON").isPositive();
    }

    @Test
    void fuzzedEventStreamsAndNdjsonParseOrFailWithAnIOExceptionOnly() {
        Random random = new Random(7L);
        byte[] seed = "\uFEFFid: 1\r\nevent: e\ndata: {\"a\":1}\n\n: c\rdata: x\rretry: 10\r\r"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3000; i++) {
            byte[] body = mutate(seed, random);
            try (Stream<HttpSseEvent> events = HttpSse.events(new ByteArrayInputStream(body));
                    Stream<String> lines = HttpNdjson.lines(new ByteArrayInputStream(body))) {
                assertThat(events.count() + lines.count()).isNotNegative();
            } catch (UncheckedIOException expected) {
                // an unreadable stream surfaces as UncheckedIOException
            }
        }
    }

    @Test
    void deeplyNestedJsonIsADecodeErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        server.route("/deep", ex -> respond(ex, 200, "application/json", deep));

        assertThatThrownBy(
                        () -> newExecutor(config().build()).execute(get("/deep").build(), HttpJson.decoder(JSON)))
                .isInstanceOf(ApiDecodeException.class)
                .hasMessageContaining("nesting depth");
    }
}
