package autosdk.runtime;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Sends an {@link HttpRequestSpec} with the configured credentials, retries and timeouts, and decodes the
 * response with the caller's {@link HttpResponseDecoder}; non-2xx statuses become {@link ApiException}s.
 *
 * <p>Bodies are always received as an {@code InputStream} ({@link HttpResponseBody}), so a call returns as soon
 * as the headers arrive and streaming decoders ({@link HttpSse}, {@link HttpNdjson}) read events as they come.
 * The request timeout covers the whole attempt, body included; a buffered body may hold at most
 * {@link HttpConfig#maxResponseBytes()}; streams instead fail when no event arrives within the idle timeout.
 * Redirects are followed here, not by the transport, for GET and HEAD only (up to 5 hops, never from https to http),
 * and credentials and headers are sent only while the target keeps the original origin.
 */
public final class HttpExecutor {

    private static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final int EXCERPT_LIMIT = 200;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpConfig config;
    private final HttpTransport transport;
    private final Executor asyncExecutor;
    private final HttpLog log;

    /**
     * An executor for {@code config}, sending through its {@link HttpConfig#transport() transport}, else through
     * {@code defaultTransport.apply(config)} (the generated client passes the transport it was generated for).
     */
    public HttpExecutor(HttpConfig config, Function<HttpConfig, HttpTransport> defaultTransport) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = config.transport() != null ? config.transport() : defaultTransport.apply(config);
        this.asyncExecutor = config.executor() != null ? config.executor() : DefaultPool.INSTANCE;
        this.log = new HttpLog(config.logLevel(), config.logger());
    }

    /** The configuration. */
    public HttpConfig config() {
        return config;
    }

    /** The transport that sends the requests. */
    public HttpTransport transport() {
        return transport;
    }

    /** Sends the request, retrying per policy, and returns the decoded 2xx body; throws {@link ApiException}. */
    public <T> T execute(HttpRequestSpec spec, HttpResponseDecoder<T> decoder) {
        return executeWithResponse(spec, decoder).body();
    }

    /** Like {@link #execute} but also returns the status and headers. */
    public <T> ApiResponse<T> executeWithResponse(HttpRequestSpec spec, HttpResponseDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        Call call = new Call(spec);
        long started = System.nanoTime();
        try {
            ApiResponse<T> response = attempts(call, decoder);
            call.logOutcome(
                    started, response.statusCode() + (decoder.keepsBodyOpen() ? " (streamed)" : ""), call.attempt);
            return response;
        } catch (ApiException e) {
            call.logOutcome(
                    started,
                    e.statusCode() == 0
                            ? "failed: " + e.getMessage()
                            : e.statusCode() + " (" + e.getClass().getSimpleName() + ")",
                    e.attempts());
            throw e;
        }
    }

    private <T> ApiResponse<T> attempts(Call call, HttpResponseDecoder<T> decoder) {
        HttpRequestSpec spec = call.spec;
        boolean repeatable = spec.body() == null || spec.body().repeatable();
        for (int attempt = 1; ; attempt++) {
            call.attempt = attempt;
            HttpTransport.Exchange response;
            try {
                response = send(call);
            } catch (IOException e) {
                Optional<Duration> delay = call.policy.delayAfterFailure(spec.method(), e, attempt, repeatable);
                if (delay.isEmpty()) {
                    throw call.connectionFailure(e, attempt);
                }
                sleep(delay.get(), call, attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw call.connectionFailure(e, attempt);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return call.decode(response, decoder, attempt);
            }
            Optional<Duration> delay =
                    call.policy.delayAfterStatus(spec.method(), status, response.headers(), attempt, repeatable);
            if (delay.isEmpty()) {
                throw call.statusFailure(response, attempt);
            }
            finish(response.body());
            sleep(delay.get(), call, attempt);
        }
    }

    /**
     * Runs {@link #execute} on the configured executor (a shared daemon pool by default). Decoding reads a
     * blocking InputStream anyway, so the whole pipeline runs there rather than on the JDK's async machinery.
     * Failures complete the future with an {@link ApiException} (wrapped in a CompletionException by join()).
     */
    public <T> CompletableFuture<T> executeAsync(HttpRequestSpec spec, HttpResponseDecoder<T> decoder) {
        return executeWithResponseAsync(spec, decoder).thenApply(ApiResponse::body);
    }

    /** Async variant of {@link #executeWithResponse}. */
    public <T> CompletableFuture<ApiResponse<T>> executeWithResponseAsync(
            HttpRequestSpec spec, HttpResponseDecoder<T> decoder) {
        return CompletableFuture.supplyAsync(() -> executeWithResponse(spec, decoder), asyncExecutor);
    }

    /** One attempt up to the final response's headers (redirects followed); its body is bounded by the deadline. */
    private HttpTransport.Exchange send(Call call) throws IOException, InterruptedException {
        call.startAttempt();
        HttpTransport.Request request = call.request(call.uri, true, true);
        call.logRequest(request);
        HttpTransport.Exchange response = sendOne(request);
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            URI target = redirectTarget(call.spec.method(), request.uri(), response);
            if (target == null) {
                break;
            }
            finish(response.body());
            call.logResponse(response);
            request = call.request(target, false, sameOrigin(call.uri, target));
            call.logRequest(request);
            response = sendOne(request);
        }
        call.logResponse(response);
        call.boundBody(response.body());
        return response;
    }

    /** Sends one request; a body stream opened for it is closed if the transport fails before taking it over. */
    private HttpTransport.Exchange sendOne(HttpTransport.Request request) throws IOException, InterruptedException {
        try {
            return transport.send(request);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (request.body() != null) {
                try {
                    request.body().close();
                } catch (IOException ignored) {
                    // the send failed already; that failure is the one to report
                }
            }
            throw e;
        }
    }

    private static URI redirectTarget(String method, URI from, HttpTransport.Exchange response) {
        if (!REDIRECTS.contains(response.statusCode()) || !(method.equals("GET") || method.equals("HEAD"))) {
            return null;
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return null;
        }
        try {
            URI target = from.resolve(location.get());
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            boolean downgrade = "https".equalsIgnoreCase(from.getScheme()) && !scheme.equals("https");
            return (scheme.equals("http") || scheme.equals("https")) && !downgrade ? target : null;
        } catch (IllegalArgumentException e) {
            return null; // an unparseable Location is surfaced as the 3xx error it is
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void sleep(Duration delay, Call call, int attempt) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw call.connectionFailure(e, attempt);
        }
    }

    /**
     * Drains what has already arrived (so a small remainder lets the connection be reused) and closes.
     * Only available bytes are skipped: a slow or endless body must never block here.
     */
    private static void finish(InputStream body) {
        try (body) {
            long drained = 0;
            int available;
            while (drained < ERROR_BODY_LIMIT && (available = body.available()) > 0) {
                long skipped = body.skip(available);
                if (skipped <= 0) {
                    break;
                }
                drained += skipped;
            }
        } catch (IOException ignored) {
            // The response is finished with either way; a failed drain only costs the pooled connection.
        }
    }

    /** Everything fixed for one call across its attempts: target URI, resolved credentials, redaction. */
    private final class Call {
        final HttpRequestSpec spec;
        final HttpRetryPolicy policy;
        final URI uri;
        final String redactedUrl;
        final List<HttpAuth> auths = new ArrayList<>();
        final List<String> credentials = new ArrayList<>();
        final List<String> secrets = new ArrayList<>();
        final Duration timeout;
        final Duration idleTimeout;
        final long maxBytes;
        /** {@link System#nanoTime()} at which the current attempt's timeout ends. */
        long attemptDeadline;
        /** The current attempt, from 1. */
        int attempt;

        Call(HttpRequestSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            RequestOptions options = spec.options();
            this.policy = options.retry() != null ? options.retry() : config.retry();
            this.timeout = options.timeout() != null ? options.timeout() : config.requestTimeout();
            this.idleTimeout =
                    options.streamIdleTimeout() != null ? options.streamIdleTimeout() : config.streamIdleTimeout();
            this.maxBytes = options.maxResponseBytes() != null ? options.maxResponseBytes() : config.maxResponseBytes();
            List<String> query = new ArrayList<>(spec.query());
            List<String> shownQuery = new ArrayList<>(spec.query());
            if (spec.authenticated()) {
                for (HttpAuth auth : HttpAuth.select(config.auth(), spec.security())) {
                    // Resolved once per call so that a token supplier is asked once, and redaction sees that value.
                    String credential = auth.credential();
                    auths.add(auth);
                    credentials.add(credential);
                    secrets.addAll(auth.secretForms(credential));
                    if (auth.kind() == HttpAuth.Kind.API_KEY_QUERY) {
                        query.add(HttpParams.encode(auth.name()) + "=" + HttpParams.encode(credential));
                        shownQuery.add(HttpParams.encode(auth.name()) + "=***");
                    }
                }
            }
            spec.checkRequiredHeaders(sentHeaderNames());
            String base = config.baseUri().toString();
            if (base.endsWith("/") && spec.path().startsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            String separator = base.contains("?") ? "&" : "?";
            this.uri = URI.create(base + spec.path() + (query.isEmpty() ? "" : separator + String.join("&", query)));
            String shownBase = HttpConfig.withoutUserInfo(URI.create(base));
            this.redactedUrl =
                    shownBase + spec.path() + (shownQuery.isEmpty() ? "" : separator + String.join("&", shownQuery));
        }

        /** The names of the headers that default headers, credentials and call options add to every attempt. */
        private List<String> sentHeaderNames() {
            List<String> names = new ArrayList<>(config.defaultHeaders().keySet());
            names.addAll(spec.options().headers().keySet());
            for (HttpAuth auth : auths) {
                if (auth.kind() == HttpAuth.Kind.BEARER
                        || auth.kind() == HttpAuth.Kind.BASIC
                        || auth.kind() == HttpAuth.Kind.API_KEY_HEADER) {
                    names.add(auth.name());
                }
            }
            return names;
        }

        /**
         * Builds one hop's request: the spec's method and body only on the {@code original} hop (a redirect hop is a
         * bodiless GET or HEAD, even to the same URI); headers, cookies and credentials only for the original origin.
         */
        HttpTransport.Request request(URI target, boolean original, boolean sameOrigin) {
            Headers b = new Headers();
            if (config.userAgent() != null) {
                b.setHeader("User-Agent", config.userAgent());
            }
            if (spec.accept() != null) {
                b.setHeader("Accept", spec.accept());
            }
            if (original && spec.body() != null) {
                if (spec.body().contentType() != null) {
                    b.setHeader("Content-Type", spec.body().contentType());
                }
            }
            if (sameOrigin) {
                config.defaultHeaders().forEach(b::setHeader);
                spec.headers().forEach(b::setHeader);
                List<String> cookies = new ArrayList<>(spec.cookies());
                for (int i = 0; i < auths.size(); i++) {
                    HttpAuth auth = auths.get(i);
                    String credential = credentials.get(i);
                    switch (auth.kind()) {
                        case BEARER, BASIC, API_KEY_HEADER ->
                            b.setHeader(auth.name(), HttpAuth.headerValue(auth.kind(), credential));
                        case API_KEY_COOKIE ->
                            cookies.add(HttpParams.encode(auth.name()) + "=" + HttpParams.encode(credential));
                        default -> {
                            // query keys are part of the URI already
                        }
                    }
                }
                if (!cookies.isEmpty()) {
                    b.setHeader("Cookie", String.join("; ", cookies));
                }
                spec.options().headers().forEach(b::setHeader);
            }
            String method = original ? spec.method() : "HEAD".equals(spec.method()) ? "HEAD" : "GET";
            InputStream body = original && spec.body() != null ? spec.body().open() : null;
            long length = body == null ? 0 : spec.body().length();
            return new HttpTransport.Request(
                    method, target, b.list(), body, length, timeout == null ? null : remaining());
        }

        void startAttempt() {
            attemptDeadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        }

        /**
         * What is left of the attempt's timeout (redirect hops share it); a spent one leaves 1 ms, so the hop fails.
         */
        Duration remaining() {
            long left = attemptDeadline - System.nanoTime();
            return Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }

        /** The final response's body may take only what is left of the timeout (error bodies included). */
        void boundBody(HttpResponseBody body) {
            if (timeout != null) {
                body.deadline(
                        attemptDeadline,
                        "the response did not complete within the request timeout of "
                                + HttpResponseBody.show(timeout));
            }
        }

        <T> ApiResponse<T> decode(HttpTransport.Exchange response, HttpResponseDecoder<T> decoder, int attempts) {
            InputStream body = response.body();
            if (decoder.keepsBodyOpen()) {
                response.body().idleTimeout(idleTimeout); // a stream may last as long as it keeps delivering
            } else {
                response.body()
                        .limit(
                                maxBytes,
                                "the limit of " + maxBytes
                                        + " bytes (maxResponseBytes; raise it on the client builder or per call)");
            }
            LoggedBody logged = null;
            if (log.debug() && !decoder.keepsBodyOpen()) {
                logged = new LoggedBody(body);
                body = logged;
            }
            try {
                T value = decoder.decode(body, response.headers());
                if (!decoder.keepsBodyOpen()) {
                    finish(body);
                }
                if (logged != null) {
                    log.detail("<-- body of " + spec.method() + " " + redactedUrl + ":\n" + logged.shown(this::redact));
                }
                return new ApiResponse<>(response.statusCode(), response.headers(), value);
            } catch (IOException e) {
                finish(body);
                String message = spec.method() + " " + redactedUrl + " returned HTTP " + response.statusCode()
                        + " but the body could not be read or decoded: " + describe(e);
                throw new ApiDecodeException(message, details(response.statusCode(), response, "", null, attempts), e);
            } catch (RuntimeException | Error e) {
                finish(body);
                throw e;
            }
        }

        ApiException statusFailure(HttpTransport.Exchange response, int attempts) {
            int status = response.statusCode();
            String raw = readCapped(response.body(), response);
            Object model = null;
            Exception modelFailure = null;
            if (spec.errorDecoder() != null && !raw.isEmpty()) {
                try {
                    model = spec.errorDecoder().decode(status, raw, response.headers());
                } catch (Exception e) {
                    modelFailure = e;
                }
            }
            String shown = redact(raw);
            if (log.debug() && !shown.isEmpty()) {
                byte[] bytes = shown.getBytes(StandardCharsets.UTF_8);
                log.detail("<-- body of " + spec.method() + " " + redactedUrl + ":\n"
                        + HttpLog.body(bytes, bytes.length, this::redact));
            }
            StringBuilder message = new StringBuilder()
                    .append(spec.method())
                    .append(' ')
                    .append(redactedUrl)
                    .append(" failed with HTTP ")
                    .append(status)
                    .append(reason(status));
            if (attempts > 1) {
                message.append(" after ").append(attempts).append(" attempts");
            }
            String excerpt = shown.replaceAll("\\s+", " ").trim();
            if (!excerpt.isEmpty()) {
                message.append(": ")
                        .append(excerpt.length() > EXCERPT_LIMIT ? excerpt.substring(0, EXCERPT_LIMIT) + "…" : excerpt);
            }
            ApiException ex =
                    ApiException.forStatus(message.toString(), details(status, response, shown, model, attempts));
            if (modelFailure != null) {
                ex.addSuppressed(modelFailure);
            }
            return ex;
        }

        ApiConnectionException connectionFailure(Exception e, int attempts) {
            String message = spec.method() + " " + redactedUrl + " failed"
                    + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + describe(e);
            return new ApiConnectionException(message, details(0, null, "", null, attempts), e);
        }

        private ApiException.Details details(
                int status, HttpTransport.Exchange response, String raw, Object model, int attempts) {
            return new ApiException.Details(
                    spec.method(),
                    redactedUrl,
                    status,
                    response == null ? null : response.headers(),
                    raw,
                    model,
                    attempts);
        }

        private String describe(Exception e) {
            String text = e.getMessage() == null ? "" : ": " + redact(e.getMessage());
            return e.getClass().getSimpleName() + text;
        }

        /** DEBUG: the request line, its headers (credentials as {@code ***}) and an in-memory body, truncated. */
        void logRequest(HttpTransport.Request request) {
            if (!log.debug()) {
                return;
            }
            StringBuilder line = new StringBuilder("--> ")
                    .append(request.method())
                    .append(' ')
                    .append(request.uri().equals(uri) ? redactedUrl : redact(HttpConfig.withoutUserInfo(request.uri())))
                    .append(" (attempt ")
                    .append(attempt)
                    .append(')')
                    .append(HttpLog.headers(Headers.shown(request.headers()), credentialHeaders(), this::redact));
            byte[] bytes = request.uri().equals(uri) && spec.body() != null
                    ? spec.body().inMemory()
                    : null;
            if (bytes != null) {
                line.append("\n\n").append(HttpLog.body(bytes, bytes.length, this::redact));
            } else if (request.uri().equals(uri) && spec.body() != null) {
                line.append("\n\n(body streamed while sending, not logged)");
            }
            log.detail(line.toString());
        }

        /** DEBUG: the status line and headers of a response (its body is logged where it is read). */
        void logResponse(HttpTransport.Exchange response) {
            if (log.debug()) {
                log.detail("<-- " + response.statusCode() + " " + spec.method() + " " + redactedUrl
                        + HttpLog.headers(response.headers().map(), credentialHeaders(), this::redact));
            }
        }

        /** INFO: one line per call, written when it returns (streams: when the headers arrived) or fails. */
        void logOutcome(long started, String outcome, int attempts) {
            if (log.info()) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                log.line(spec.method() + " " + redactedUrl + " -> " + redact(outcome) + " (" + millis + " ms"
                        + (attempts > 1 ? ", " + attempts + " attempts" : "") + ")");
            }
        }

        private List<String> credentialHeaders() {
            List<String> names = new ArrayList<>();
            for (HttpAuth auth : auths) {
                names.add(auth.name());
            }
            return names;
        }

        /** Replaces every credential form in {@code text} with {@code ***}. */
        String redact(String text) {
            String out = text;
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    out = out.replace(secret, "***");
                }
            }
            return out;
        }
    }

    private static String readCapped(InputStream body, HttpTransport.Exchange response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (body) {
            byte[] buffer = new byte[8192];
            int n;
            while (out.size() < ERROR_BODY_LIMIT
                    && (n = body.read(buffer, 0, Math.min(buffer.length, ERROR_BODY_LIMIT - out.size()))) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Keep what arrived: a partial error body is still more useful than none.
        }
        return new String(out.toByteArray(), HttpResponseDecoder.charsetOf(response.headers()));
    }

    private static String reason(int status) {
        Map<Integer, String> reasons = Map.ofEntries(
                Map.entry(400, "Bad Request"),
                Map.entry(401, "Unauthorized"),
                Map.entry(403, "Forbidden"),
                Map.entry(404, "Not Found"),
                Map.entry(405, "Method Not Allowed"),
                Map.entry(408, "Request Timeout"),
                Map.entry(409, "Conflict"),
                Map.entry(410, "Gone"),
                Map.entry(413, "Content Too Large"),
                Map.entry(415, "Unsupported Media Type"),
                Map.entry(422, "Unprocessable Content"),
                Map.entry(429, "Too Many Requests"),
                Map.entry(500, "Internal Server Error"),
                Map.entry(502, "Bad Gateway"),
                Map.entry(503, "Service Unavailable"),
                Map.entry(504, "Gateway Timeout"));
        String r = reasons.get(status);
        return r == null ? "" : " " + r;
    }

    /**
     * Request headers as {@code setHeader} makes them: a later value replaces an earlier one of the same name (any
     * case).
     */
    private static final class Headers {
        private final Map<String, Map.Entry<String, String>> byName = new LinkedHashMap<>();

        void setHeader(String name, String value) {
            byName.put(name.toLowerCase(Locale.ROOT), new AbstractMap.SimpleImmutableEntry<>(name, value));
        }

        List<Map.Entry<String, String>> list() {
            return List.copyOf(byName.values());
        }

        static Map<String, List<String>> shown(List<Map.Entry<String, String>> headers) {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : headers) {
                map.put(h.getKey(), List.of(h.getValue()));
            }
            return HttpHeaders.of(map).map();
        }
    }

    /**
     * Passes a buffered body through to the decoder, keeping its first {@link HttpLog#BODY_LIMIT} bytes for the log.
     */
    private static final class LoggedBody extends FilterInputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;

        LoggedBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                keep(buffer, offset, n);
            }
            return n;
        }

        private void keep(byte[] buffer, int offset, int n) {
            total += n;
            int room = HttpLog.BODY_LIMIT + 1 - kept.size();
            if (room > 0) {
                kept.write(buffer, offset, Math.min(room, n));
            }
        }

        String shown(UnaryOperator<String> redact) {
            byte[] bytes = kept.toByteArray();
            String text = HttpLog.body(bytes, Math.min(bytes.length, HttpLog.BODY_LIMIT), redact);
            return total > HttpLog.BODY_LIMIT
                    ? text + "… (" + total + " bytes, first " + HttpLog.BODY_LIMIT + " shown)"
                    : text;
        }
    }

    /** Daemon threads, so an SDK never keeps an application alive; idle threads expire after 60 s. */
    private static final class DefaultPool {
        private static final AtomicInteger COUNTER = new AtomicInteger();
        static final ExecutorService INSTANCE = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "autosdk-http-" + COUNTER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
