package autosdk.runtime;

import static autosdk.runtime.HttpTestServer.parseQuery;
import static autosdk.runtime.HttpTestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End-to-end: the executor against a real HTTP server on 127.0.0.1. */
class HttpExecutorTest {

    static final String SECRET = "sk-TEST-9b1f0c2e";

    HttpTestServer server;

    /** The transport under test; the OkHttp subclass runs every test here again on OkHttp. */
    java.util.function.Function<HttpConfig, HttpTransport> transport() {
        return JdkHttpTransport::new;
    }

    HttpExecutor newExecutor(HttpConfig config) {
        return new HttpExecutor(config, transport());
    }

    @BeforeEach
    void start() throws IOException {
        server = new HttpTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpExecutor executor(HttpRetryPolicy retry, HttpAuth... auth) {
        return newExecutor(HttpConfig.builder()
                .baseUri(server.uri())
                .retry(retry)
                .auth(auth)
                .requestTimeout(Duration.ofMinutes(2))
                .build());
    }

    static HttpRequestSpec.Builder get(String path) {
        return HttpRequestSpec.builder("GET", path);
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Echoes the request body with its content type. */
    void echoRoute() {
        server.route("/echo", ex -> {
            byte[] body = readBody(ex);
            ex.getResponseHeaders()
                    .set("Content-Type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        });
    }

    // ---------------------------------------------------------------- parameters

    @Test
    void everyParameterLocationReachesTheServerSerialized() {
        server.route("/params", ex -> respond(ex, 204, null, ""));
        Map<String, Object> rgb = new LinkedHashMap<>();
        rgb.put("R", 100);
        rgb.put("G", 200);
        HttpRequestSpec spec = get("/params/{id}/{label}/{matrix}")
                .pathParam("id", "a/b c")
                .pathParam("label", List.of("x", "y"), HttpParams.Style.LABEL, true)
                .pathParam("matrix", rgb, HttpParams.Style.MATRIX, true)
                .queryParam("color", List.of("blue", "black"))
                .queryParam("filter", rgb, HttpParams.Style.DEEP_OBJECT, true)
                .queryParam("ids", List.of(1, 2, 3), HttpParams.Style.PIPE_DELIMITED, false)
                .queryParam("q", "a&x=1#frag")
                .queryParam("absent", null)
                .headerParam("X-Color", List.of("blue", "black"))
                .headerParam("X-Rgb", rgb, true)
                .cookieParam("session", "a;b c")
                .cookieParam("theme", "dark")
                .build();

        Void result = executor(HttpRetryPolicy.none()).execute(spec, HttpResponseDecoder.discard());

        assertThat(result).isNull();
        HttpTestServer.Received r = server.last();
        assertThat(r.rawPath()).isEqualTo("/params/a%2Fb%20c/.x.y/;R=100;G=200");
        assertThat(r.rawQuery())
                .isEqualTo(
                        "color=blue&color=black&filter%5BR%5D=100&filter%5BG%5D=200&ids=1%7C2%7C3&q=a%26x%3D1%23frag");
        Map<String, List<String>> query = parseQuery(r.rawQuery());
        assertThat(query).containsOnlyKeys("color", "filter[R]", "filter[G]", "ids", "q");
        assertThat(query.get("q")).containsExactly("a&x=1#frag");
        assertThat(r.header("X-Color")).isEqualTo("blue,black");
        assertThat(r.header("X-Rgb")).isEqualTo("R=100,G=200");
        assertThat(r.header("Cookie")).isEqualTo("session=a%3Bb%20c; theme=dark");
    }

    @Test
    void injectionAttemptsStayInsideTheirParameter() {
        server.route("/inject", ex -> respond(ex, 200, "text/plain", "ok"));
        server.route("/admin", ex -> respond(ex, 500, "text/plain", "must never be reached"));
        HttpExecutor executor = executor(HttpRetryPolicy.none());

        String body = executor.execute(
                get("/inject/{id}")
                        .pathParam("id", "../../admin?x=1#f")
                        .queryParam("q", "v&admin=true")
                        .queryParam("n&admin=true", "1")
                        .build(),
                HttpResponseDecoder.string());

        assertThat(body).isEqualTo("ok");
        HttpTestServer.Received r = server.last();
        assertThat(r.rawPath()).isEqualTo("/inject/..%2F..%2Fadmin%3Fx%3D1%23f");
        assertThat(parseQuery(r.rawQuery()))
                .containsOnlyKeys("q", "n&admin=true")
                .doesNotContainKey("admin");
        assertThat(parseQuery(r.rawQuery()).get("q")).containsExactly("v&admin=true");

        int hits = server.hits.get();
        assertThatThrownBy(() -> get("/inject/x")
                        .headerParam("X-A", "v\r\nX-Injected: 1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get("/inject/{id}").pathParam("id", "..").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.hits.get()).isEqualTo(hits);
    }

    // ---------------------------------------------------------------- bodies

    @Test
    void jsonAndFormBodies() {
        echoRoute();
        HttpExecutor executor = executor(HttpRetryPolicy.none());
        String json = "{\"name\":\"Rex\",\"tags\":[\"é\"]}";

        String echoed = executor.execute(
                HttpRequestSpec.builder("POST", "/echo")
                        .accept("application/json")
                        .body(HttpBody.json(json.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponseDecoder.string());

        assertThat(echoed).isEqualTo(json);
        assertThat(server.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(server.last().header("Accept")).isEqualTo("application/json");

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "a b&c=d");
        fields.put("tags", List.of("x", "y"));
        fields.put("skipped", null);
        String form = executor.execute(
                HttpRequestSpec.builder("POST", "/echo")
                        .body(HttpBody.form(fields))
                        .build(),
                HttpResponseDecoder.string());

        assertThat(server.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form).isEqualTo("name=a%20b%26c%3Dd&tags=x&tags=y");
        assertThat(parseQuery(form).get("name")).containsExactly("a b&c=d");
    }

    @Test
    void octetStreamFromAPathIsSentWhole(@TempDir Path dir) throws IOException {
        echoRoute();
        Path file = dir.resolve("data.bin");
        byte[] data = randomBytes(1_500_000, 3);
        Files.write(file, data);

        byte[] echoed = executor(HttpRetryPolicy.none())
                .execute(
                        HttpRequestSpec.builder("PUT", "/echo")
                                .body(HttpBody.octetStream(file))
                                .build(),
                        HttpResponseDecoder.bytes());

        assertThat(echoed).isEqualTo(data);
        assertThat(server.last().header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(server.last().header("Content-Length")).isEqualTo(String.valueOf(data.length));
    }

    @Test
    void multipartWithTextBytesAndALargeFileFromAPath(@TempDir Path dir) throws IOException {
        AtomicReference<List<Part>> parts = new AtomicReference<>();
        AtomicReference<String> contentLength = new AtomicReference<>();
        server.route("/upload", ex -> {
            contentLength.set(ex.getRequestHeaders().getFirst("Content-Length"));
            parts.set(parseMultipart(ex.getRequestHeaders().getFirst("Content-Type"), readBody(ex)));
            respond(ex, 201, "text/plain", "stored");
        });
        Path big = dir.resolve("photo.jpg");
        byte[] bigData = randomBytes(5 * 1024 * 1024, 1);
        Files.write(big, bigData);
        byte[] small = {0, 1, 2, (byte) 0xFF, '\r', '\n', '-', '-'};

        HttpBody body = HttpBody.multipart()
                .text("description", "Rex \"the\" dog\r\nline 2 é")
                .part("meta", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json")
                .file("thumb", small, "thumb.bin", "application/octet-stream")
                .file("photo", big, "image/jpeg")
                .build();
        ApiResponse<String> response = executor(HttpRetryPolicy.none())
                .executeWithResponse(
                        HttpRequestSpec.builder("POST", "/upload").body(body).build(), HttpResponseDecoder.string());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("stored");
        assertThat(body.repeatable()).isTrue();
        assertThat(contentLength.get()).as("length known for Path/bytes parts").isNotNull();
        List<Part> received = parts.get();
        assertThat(received).extracting(Part::name).containsExactly("description", "meta", "thumb", "photo");
        assertThat(new String(received.get(0).content, StandardCharsets.UTF_8))
                .isEqualTo("Rex \"the\" dog\r\nline 2 é");
        assertThat(received.get(1).contentType).isEqualTo("application/json");
        assertThat(received.get(2).fileName).isEqualTo("thumb.bin");
        assertThat(received.get(2).content).isEqualTo(small);
        assertThat(received.get(3).fileName).isEqualTo("photo.jpg");
        assertThat(received.get(3).contentType).isEqualTo("image/jpeg");
        assertThat(received.get(3).content).isEqualTo(bigData);
    }

    @Test
    void multipartStreamsAnInputStreamPartWhileSending() throws Exception {
        int half = 512 * 1024;
        byte[] data = randomBytes(2 * half, 2);
        CountDownLatch serverReadFirstHalf = new CountDownLatch(1);
        AtomicBoolean producerHadToWaitTooLong = new AtomicBoolean();
        AtomicReference<List<Part>> parts = new AtomicReference<>();
        server.route("/upload", ex -> {
            InputStream in = ex.getRequestBody();
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                all.write(buffer, 0, n);
                if (all.size() >= half / 2) {
                    serverReadFirstHalf.countDown(); // the body is arriving while the producer is still blocked
                }
            }
            parts.set(parseMultipart(ex.getRequestHeaders().getFirst("Content-Type"), all.toByteArray()));
            respond(ex, 200, "text/plain", "ok");
        });
        // Produces the first half, then blocks until the server has received part of it: a client that
        // buffered the whole body before sending would deadlock here and the flag would be set.
        InputStream producer = new InputStream() {
            int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == half) {
                    try {
                        if (!serverReadFirstHalf.await(120, TimeUnit.SECONDS)) {
                            producerHadToWaitTooLong.set(true);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (pos >= data.length) {
                    return -1;
                }
                int limit = pos < half ? half : data.length;
                int count = Math.min(len, limit - pos);
                System.arraycopy(data, pos, b, off, count);
                pos += count;
                return count;
            }
        };
        HttpBody body = HttpBody.multipart()
                .text("kind", "stream")
                .file("blob", producer, "blob.bin", "application/octet-stream")
                .build();

        String result = executor(HttpRetryPolicy.none())
                .execute(HttpRequestSpec.builder("POST", "/upload").body(body).build(), HttpResponseDecoder.string());

        assertThat(result).isEqualTo("ok");
        assertThat(producerHadToWaitTooLong)
                .as("body was buffered instead of streamed")
                .isFalse();
        assertThat(body.repeatable()).isFalse();
        assertThat(parts.get().get(1).fileName).isEqualTo("blob.bin");
        assertThat(parts.get().get(1).content).isEqualTo(data);
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, ApiBadRequestException",
        "401, ApiUnauthorizedException",
        "403, ApiForbiddenException",
        "404, ApiNotFoundException",
        "409, ApiConflictException",
        "422, ApiUnprocessableEntityException",
        "429, ApiRateLimitException",
        "500, ApiServerException",
        "503, ApiServerException",
        "418, ApiException",
    })
    void errorStatusesMapToExceptions(int status, String exceptionName) {
        server.route("/status", ex -> {
            ex.getResponseHeaders().set("X-Request-Id", "req-" + status);
            respond(ex, status, "application/json", "{\"error\":\"nope " + status + "\"}");
        });

        ApiException e = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.none())
                        .execute(get("/status").queryParam("code", status).build(), HttpResponseDecoder.string()),
                ApiException.class);

        assertThat(e.getClass().getSimpleName()).isEqualTo(exceptionName);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.headers().firstValue("x-request-id")).contains("req-" + status);
        assertThat(e.rawBody()).isEqualTo("{\"error\":\"nope " + status + "\"}");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage())
                .startsWith("GET " + server.uri() + "/status?code=" + status + " failed with HTTP " + status)
                .contains("nope " + status);
        assertThat(e.errorBody()).isNull();
    }

    record ErrorModel(String code) {}

    @Test
    void errorDecoderHookDecodesTheDeclaredModel() {
        server.route("/invalid", ex -> respond(ex, 422, "application/json", "{\"code\":\"invalid_name\"}"));
        Pattern code = Pattern.compile("\"code\":\"([^\"]*)\"");
        HttpErrorDecoder decoder = (status, body, headers) -> {
            Matcher m = code.matcher(body);
            return status == 422 && m.find() ? new ErrorModel(m.group(1)) : null;
        };

        ApiUnprocessableEntityException e = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.none())
                        .execute(
                                HttpRequestSpec.builder("POST", "/invalid")
                                        .errorDecoder(decoder)
                                        .build(),
                                HttpResponseDecoder.discard()),
                ApiUnprocessableEntityException.class);

        assertThat(e.errorBody()).isEqualTo(new ErrorModel("invalid_name"));
        assertThat(e.body(ErrorModel.class)).contains(new ErrorModel("invalid_name"));
        assertThat(e.body(String.class)).isEmpty();

        HttpErrorDecoder broken = (status, body, headers) -> {
            throw new IOException("malformed error JSON");
        };
        ApiException e2 = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.none())
                        .execute(
                                HttpRequestSpec.builder("POST", "/invalid")
                                        .errorDecoder(broken)
                                        .build(),
                                HttpResponseDecoder.discard()),
                ApiUnprocessableEntityException.class);
        assertThat(e2.errorBody()).isNull();
        assertThat(e2.rawBody()).contains("invalid_name");
        assertThat(e2.getSuppressed()).hasSize(1);
        assertThat(e2.getSuppressed()[0]).hasMessage("malformed error JSON");
    }

    @Test
    void largeErrorBodiesAreCappedAndTheMessageKeepsAShortExcerpt() {
        String huge = "x".repeat(200_000);
        server.route("/huge", ex -> respond(ex, 400, "text/plain", huge));

        ApiException e = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.none()).execute(get("/huge").build(), HttpResponseDecoder.string()),
                ApiBadRequestException.class);

        assertThat(e.rawBody()).hasSize(64 * 1024);
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void undecodableSuccessBodyIsADecodeException() {
        server.route("/json", ex -> respond(ex, 200, "application/json", "{broken"));
        HttpResponseDecoder<Object> failing = (body, headers) -> {
            body.readAllBytes();
            throw new IOException("Unexpected character 'b'");
        };

        ApiDecodeException e = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.none()).execute(get("/json").build(), failing),
                ApiDecodeException.class);

        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getCause()).hasMessageContaining("Unexpected character");
    }

    // ---------------------------------------------------------------- retries

    @Test
    void retriesTwo503sThenSucceedsOnTheThirdAttempt() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", ex -> {
            if (calls.incrementAndGet() <= 2) {
                respond(ex, 503, "text/plain", "busy");
            } else {
                respond(ex, 200, "text/plain", "finally");
            }
        });

        String body =
                executor(HttpRetryPolicy.immediate(3)).execute(get("/flaky").build(), HttpResponseDecoder.string());

        assertThat(body).isEqualTo("finally");
        assertThat(calls).hasValue(3);
    }

    @Test
    void gives503UpAfterMaxAttempts() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/down", ex -> {
            calls.incrementAndGet();
            respond(ex, 503, "text/plain", "down");
        });

        ApiServerException e = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.immediate(3))
                        .execute(get("/down").build(), HttpResponseDecoder.string()),
                ApiServerException.class);

        assertThat(calls).hasValue(3);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).contains("after 3 attempts");
    }

    @Test
    void honoursRetryAfterSeconds() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/limited", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                respond(ex, 429, "text/plain", "slow down");
            } else {
                respond(ex, 200, "text/plain", "ok");
            }
        });
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .initialDelay(Duration.ZERO)
                .maxDelay(Duration.ofSeconds(5))
                .build();

        long start = System.nanoTime();
        String body = executor(policy).execute(get("/limited").build(), HttpResponseDecoder.string());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(body).isEqualTo("ok");
        assertThat(calls).hasValue(2);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void rateLimitExceptionCarriesRetryAfter() {
        server.route("/limited", ex -> {
            ex.getResponseHeaders().set("Retry-After", "30");
            respond(ex, 429, "text/plain", "slow down");
        });

        ApiRateLimitException e = catchThrowableOfType(
                () -> executor(HttpRetryPolicy.none()).execute(get("/limited").build(), HttpResponseDecoder.string()),
                ApiRateLimitException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void postIsNotRetriedOn500UnlessRetryAfterOrOptIn() {
        AtomicInteger plain = new AtomicInteger();
        server.route("/plain", ex -> {
            readBody(ex);
            plain.incrementAndGet();
            respond(ex, 500, "text/plain", "oops");
        });
        AtomicInteger withHeader = new AtomicInteger();
        server.route("/retry-after", ex -> {
            readBody(ex);
            if (withHeader.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "0");
                respond(ex, 500, "text/plain", "try again");
            } else {
                respond(ex, 201, "text/plain", "created");
            }
        });
        AtomicInteger optIn = new AtomicInteger();
        server.route("/opt-in", ex -> {
            readBody(ex);
            respond(ex, optIn.incrementAndGet() == 1 ? 500 : 201, "text/plain", "x");
        });
        HttpExecutor executor = executor(HttpRetryPolicy.immediate(3));
        HttpBody json = HttpBody.json("{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> executor.execute(
                        HttpRequestSpec.builder("POST", "/plain").body(json).build(), HttpResponseDecoder.discard()))
                .isInstanceOf(ApiServerException.class);
        assertThat(plain).hasValue(1);

        assertThat(executor.execute(
                        HttpRequestSpec.builder("POST", "/retry-after")
                                .body(json)
                                .build(),
                        HttpResponseDecoder.string()))
                .isEqualTo("created");
        assertThat(withHeader).hasValue(2);

        RequestOptions retryPost = RequestOptions.builder()
                .retry(HttpRetryPolicy.builder()
                        .initialDelay(Duration.ZERO)
                        .retryNonIdempotent(true)
                        .build())
                .build();
        executor.execute(
                HttpRequestSpec.builder("POST", "/opt-in")
                        .body(json)
                        .options(retryPost)
                        .build(),
                HttpResponseDecoder.discard());
        assertThat(optIn).hasValue(2);
    }

    @Test
    void oneShotBodiesAreNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/put", ex -> {
            readBody(ex);
            calls.incrementAndGet();
            respond(ex, 503, "text/plain", "busy");
        });
        HttpBody stream =
                HttpBody.stream(new ByteArrayInputStream("payload".getBytes(StandardCharsets.UTF_8)), "text/plain");

        assertThatThrownBy(() -> executor(HttpRetryPolicy.immediate(3))
                        .execute(
                                HttpRequestSpec.builder("PUT", "/put")
                                        .body(stream)
                                        .build(),
                                HttpResponseDecoder.discard()))
                .isInstanceOf(ApiServerException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void connectionRefusedIsRetriedThenReportedAsAConnectionException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpExecutor executor = newExecutor(HttpConfig.builder()
                .baseUri(URI.create("http://127.0.0.1:" + port))
                .retry(HttpRetryPolicy.immediate(3))
                .auth(HttpAuth.apiKeyQuery("key", SECRET))
                .build());

        ApiConnectionException e = catchThrowableOfType(
                () -> executor.execute(
                        HttpRequestSpec.builder("POST", "/x")
                                .body(HttpBody.json(new byte[] {'1'}))
                                .build(),
                        HttpResponseDecoder.discard()),
                ApiConnectionException.class);

        assertThat(e.attempts())
                .as("connect failures are retried even for POST")
                .isEqualTo(3);
        assertThat(e.statusCode()).isZero();
        assertThat(HttpRetryPolicy.isConnectFailure(e.getCause())).isTrue();
        assertThat(e.getMessage())
                .startsWith("POST http://127.0.0.1:" + port + "/x?key=*** failed after 3 attempts")
                .doesNotContain(SECRET);
    }

    @Test
    void requestTimeoutIsAConnectionException() {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", ex -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "text/plain", "late");
        });
        HttpExecutor executor = executor(HttpRetryPolicy.none());
        RequestOptions quick =
                RequestOptions.builder().timeout(Duration.ofMillis(300)).build();

        ApiConnectionException e = catchThrowableOfType(
                () -> executor.execute(get("/slow").options(quick).build(), HttpResponseDecoder.string()),
                ApiConnectionException.class);
        release.countDown();

        assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
    }

    // ---------------------------------------------------------------- responses and async

    @Test
    void executeWithResponseGivesStatusHeadersAndBody() {
        server.route("/pets", ex -> {
            ex.getResponseHeaders().set("Location", "/pets/7");
            respond(ex, 201, "application/json; charset=ISO-8859-1", "caf\u00e9");
        });

        ApiResponse<String> response = executor(HttpRetryPolicy.none())
                .executeWithResponse(HttpRequestSpec.builder("POST", "/pets").build(), HttpResponseDecoder.string());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("location")).contains("/pets/7");
        // The server wrote UTF-8 bytes but declared Latin-1: the declared charset wins.
        assertThat(response.body()).isEqualTo("caf\u00c3\u00a9");
    }

    @Test
    void asyncCallsCompleteWithTheValueOrTheApiException() {
        server.route("/ok", ex -> respond(ex, 200, "text/plain", "async ok"));
        server.route("/missing", ex -> respond(ex, 404, "text/plain", "no such pet"));
        HttpExecutor executor = executor(HttpRetryPolicy.none());

        assertThat(executor.executeAsync(get("/ok").build(), HttpResponseDecoder.string())
                        .join())
                .isEqualTo("async ok");
        assertThatThrownBy(() -> executor.executeAsync(get("/missing").build(), HttpResponseDecoder.string())
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ApiNotFoundException.class);
    }

    @Test
    void inputStreamDecoderLeavesTheBodyToTheCaller() throws IOException {
        server.route("/raw", ex -> respond(ex, 200, "application/octet-stream", "raw bytes"));

        try (InputStream in =
                executor(HttpRetryPolicy.none()).execute(get("/raw").build(), HttpResponseDecoder.inputStream())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("raw bytes");
        }
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void sseEventsArriveBeforeTheServerHasFinished() throws Exception {
        CountDownLatch clientGotFirst = new CountDownLatch(1);
        AtomicBoolean serverFinished = new AtomicBoolean();
        AtomicBoolean serverSawClientProgress = new AtomicBoolean();
        server.route("/events", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "\uFEFF: welcome\nretry: 2500\nid: 1\nevent: greeting\ndata: {\"n\":1}\n\n");
            try {
                serverSawClientProgress.set(clientGotFirst.await(120, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write(out, ": keep-alive\r\ndata: line one\r\ndata: line two\r\n\r\n");
            write(out, "id: 2\rdata: {\"n\":3}\r\r");
            write(out, "data: [DONE]\n\ndata: after done\n\n");
            serverFinished.set(true);
            out.close();
        });
        HttpRequestSpec spec = get("/events").accept("text/event-stream").build();

        List<HttpSseEvent> rest = new ArrayList<>();
        HttpSseEvent first;
        try (Stream<HttpSseEvent> events = executor(HttpRetryPolicy.none()).execute(spec, HttpSse.eventDecoder())) {
            Iterator<HttpSseEvent> it = events.iterator();
            first = it.next();
            assertThat(serverFinished)
                    .as("first event must arrive while the server is still writing")
                    .isFalse();
            clientGotFirst.countDown();
            it.forEachRemaining(rest::add);
        }

        assertThat(serverSawClientProgress).isTrue();
        assertThat(first).isEqualTo(new HttpSseEvent("greeting", "{\"n\":1}", "1", Duration.ofMillis(2500)));
        assertThat(rest)
                .containsExactly(
                        new HttpSseEvent("message", "line one\nline two", "1", null),
                        new HttpSseEvent("message", "{\"n\":3}", "2", null));
        assertThat(server.last().header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void sseDataIsMappedLazilyToTypedValues() throws Exception {
        CountDownLatch clientGotFirst = new CountDownLatch(1);
        AtomicBoolean serverFinished = new AtomicBoolean();
        server.route("/numbers", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "data: 1\n\n");
            await(clientGotFirst);
            write(out, "data: 2\n\ndata: [DONE]\n\n");
            serverFinished.set(true);
            out.close();
        });

        try (Stream<Integer> numbers =
                executor(HttpRetryPolicy.none()).execute(get("/numbers").build(), HttpSse.decoder(Integer::parseInt))) {
            Iterator<Integer> it = numbers.iterator();
            assertThat(it.next()).isEqualTo(1);
            assertThat(serverFinished).isFalse();
            clientGotFirst.countDown();
            assertThat(it.next()).isEqualTo(2);
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void ndjsonLinesArriveBeforeTheServerHasFinished() throws Exception {
        CountDownLatch clientGotFirst = new CountDownLatch(1);
        AtomicBoolean serverFinished = new AtomicBoolean();
        server.route("/lines", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "{\"n\":1}\n");
            await(clientGotFirst);
            write(out, "\n{\"n\":2}\r\n{\"n\":3}");
            serverFinished.set(true);
            out.close();
        });

        List<String> lines = new ArrayList<>();
        try (Stream<String> stream =
                executor(HttpRetryPolicy.none()).execute(get("/lines").build(), HttpNdjson.decoder(line -> line))) {
            Iterator<String> it = stream.iterator();
            lines.add(it.next());
            assertThat(serverFinished).isFalse();
            clientGotFirst.countDown();
            it.forEachRemaining(lines::add);
        }

        assertThat(lines).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void closingAStreamEarlyReleasesTheConnection() throws Exception {
        CountDownLatch clientClosed = new CountDownLatch(1);
        AtomicBoolean writeFailed = new AtomicBoolean();
        server.route("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                write(out, "data: first\n\n");
                await(clientClosed);
                for (int i = 0; i < 2000; i++) { // bounded: stops by itself
                    write(out, "data: " + "x".repeat(1000) + "\n\n");
                }
            } catch (IOException e) {
                writeFailed.set(true);
            }
        });

        try (Stream<String> stream =
                executor(HttpRetryPolicy.none()).execute(get("/endless").build(), HttpSse.decoder(d -> d))) {
            assertThat(stream.findFirst()).contains("first");
        }
        clientClosed.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!writeFailed.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(writeFailed).as("server notices the client went away").isTrue();
    }

    // ---------------------------------------------------------------- auth

    @Test
    void credentialsReachTheServerAndNeverLeakIntoMessages() {
        server.route("/me", ex -> respond(ex, 401, "text/plain", "invalid key " + SECRET + " for this account"));
        HttpExecutor executor = executor(
                HttpRetryPolicy.none(),
                HttpAuth.bearer(SECRET),
                HttpAuth.apiKeyHeader("X-Api-Key", SECRET),
                HttpAuth.apiKeyQuery("api_key", SECRET),
                HttpAuth.apiKeyCookie("session", SECRET));

        ApiUnauthorizedException e = catchThrowableOfType(
                () -> executor.execute(
                        get("/me")
                                .cookieParam("theme", "dark")
                                .queryParam("page", 2)
                                .build(),
                        HttpResponseDecoder.string()),
                ApiUnauthorizedException.class);

        HttpTestServer.Received r = server.last();
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(r.header("X-Api-Key")).isEqualTo(SECRET);
        assertThat(parseQuery(r.rawQuery()).get("api_key")).containsExactly(SECRET);
        assertThat(r.header("Cookie")).isEqualTo("theme=dark; session=" + SECRET);
        assertThat(r.header("User-Agent")).isEqualTo("autosdk-java");

        assertThat(e.getMessage())
                .doesNotContain(SECRET)
                .contains("/me?page=2&api_key=***")
                .contains("invalid key ***");
        assertThat(e.url()).doesNotContain(SECRET);
        assertThat(e.rawBody()).doesNotContain(SECRET);
        assertThat(e.toString()).doesNotContain(SECRET);
        assertThat(executor.config().toString()).doesNotContain(SECRET);
    }

    @Test
    void basicAuthAndNoAuthOperations() {
        server.route("/who", ex -> respond(ex, 200, "text/plain", "ok"));
        HttpExecutor executor = executor(HttpRetryPolicy.none(), HttpAuth.basic("alice", "pä ss:word"));

        executor.execute(get("/who").build(), HttpResponseDecoder.discard());
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("alice:pä ss:word".getBytes(StandardCharsets.UTF_8));
        assertThat(server.last().header("Authorization")).isEqualTo(expected);

        executor.execute(get("/who").noAuth().build(), HttpResponseDecoder.discard());
        assertThat(server.last().header("Authorization")).isNull();
    }

    @Test
    void bearerSupplierIsAskedPerCall() {
        server.route("/who", ex -> respond(ex, 200, "text/plain", "ok"));
        AtomicInteger version = new AtomicInteger();
        HttpExecutor executor =
                executor(HttpRetryPolicy.none(), HttpAuth.bearer(() -> "token-" + version.incrementAndGet()));

        executor.execute(get("/who").build(), HttpResponseDecoder.discard());
        executor.execute(get("/who").build(), HttpResponseDecoder.discard());

        assertThat(server.last().header("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void redirectsKeepCredentialsOnlyWithinTheOrigin() throws IOException {
        try (HttpTestServer other = new HttpTestServer()) {
            other.route("/landing", ex -> respond(ex, 200, "text/plain", "elsewhere"));
            server.route("/away", ex -> {
                ex.getResponseHeaders().set("Location", other.uri() + "/landing");
                respond(ex, 302, null, "");
            });
            server.route("/moved", ex -> {
                ex.getResponseHeaders().set("Location", "/here");
                respond(ex, 307, null, "");
            });
            server.route("/here", ex -> respond(ex, 200, "text/plain", "same origin"));
            HttpExecutor executor =
                    executor(HttpRetryPolicy.none(), HttpAuth.bearer(SECRET), HttpAuth.apiKeyCookie("sid", SECRET));

            assertThat(executor.execute(get("/away").build(), HttpResponseDecoder.string()))
                    .isEqualTo("elsewhere");
            assertThat(other.last().header("Authorization")).isNull();
            assertThat(other.last().header("Cookie")).isNull();

            assertThat(executor.execute(get("/moved").build(), HttpResponseDecoder.string()))
                    .isEqualTo("same origin");
            assertThat(server.last().rawPath()).isEqualTo("/here");
            assertThat(server.last().header("Authorization")).isEqualTo("Bearer " + SECRET);
        }
    }

    @Test
    void callOptionsAndDefaultHeadersAreSent() {
        server.route("/h", ex -> respond(ex, 200, "text/plain", "ok"));
        HttpExecutor executor = newExecutor(HttpConfig.builder()
                .baseUri(server.uri() + "/")
                .retry(HttpRetryPolicy.none())
                .defaultHeader("X-Client", "sdk")
                .defaultHeader("X-Override", "default")
                .userAgent("MySdk/1.0")
                .build());

        executor.execute(
                get("/h")
                        .options(RequestOptions.builder()
                                .header("X-Override", "call")
                                .header("Idempotency-Key", "k1")
                                .build())
                        .build(),
                HttpResponseDecoder.discard());

        HttpTestServer.Received r = server.last();
        assertThat(r.rawPath()).isEqualTo("/h");
        assertThat(r.header("X-Client")).isEqualTo("sdk");
        assertThat(r.header("X-Override")).isEqualTo("call");
        assertThat(r.header("Idempotency-Key")).isEqualTo("k1");
        assertThat(r.header("User-Agent")).isEqualTo("MySdk/1.0");
    }

    // ---------------------------------------------------------------- helpers

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** One part of a multipart body as a server parses it. */
    record Part(String name, String fileName, String contentType, byte[] content) {}

    /** A minimal multipart/form-data parser (byte-exact via ISO-8859-1) for assertions. */
    static List<Part> parseMultipart(String contentType, byte[] body) {
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        assertThat(text).startsWith(delimiter + "\r\n").endsWith(delimiter + "--\r\n");
        List<Part> parts = new ArrayList<>();
        int pos = delimiter.length() + 2;
        while (true) {
            int next = text.indexOf("\r\n" + delimiter, pos);
            String chunk = text.substring(pos, next);
            int split = chunk.indexOf("\r\n\r\n");
            String headers = chunk.substring(0, split);
            byte[] content = chunk.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1);
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            Matcher type = Pattern.compile("(?i)Content-Type: (.*)").matcher(headers);
            parts.add(new Part(
                    name.find() ? name.group(1) : null,
                    file.find() ? file.group(1) : null,
                    type.find() ? type.group(1).trim() : null,
                    content));
            pos = next + 2 + delimiter.length();
            if (text.startsWith("--", pos)) {
                return parts;
            }
            pos += 2;
        }
    }

    static String join(List<String> values) {
        return values.stream().collect(Collectors.joining(","));
    }
}
