package autosdk.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The settings of HTTP calls that no API description decides: timeouts, body limit, retries, default headers, user
 * agent, the {@link HttpTransport} and executor, and (inherited) the wire log. One place for them:
 * {@link HttpConfig.Builder} and every generated REST client builder ({@link HttpClientBuilder}) extend this class.
 *
 * @param <B> the concrete builder
 */
public abstract class HttpOptions<B extends HttpOptions<B>> extends ClientOptions<B> {
    Duration connectTimeout = Duration.ofSeconds(10);
    // Generous by default: LLM-style APIs routinely take minutes before the first byte.
    Duration requestTimeout = Duration.ofMinutes(5);
    Duration streamIdleTimeout = HttpConfig.DEFAULT_STREAM_IDLE_TIMEOUT;
    long maxResponseBytes = HttpConfig.DEFAULT_MAX_RESPONSE_BYTES;
    HttpRetryPolicy retry = HttpRetryPolicy.defaults();
    final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    String userAgent = "autosdk-java";
    HttpTransport transport;
    Executor executor;

    /** Subclasses outside the runtime are the generated builders. */
    protected HttpOptions() {}

    /** Connect timeout of the HTTP client this SDK creates (default 10 s; ignored with {@link #transport}). */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        return self();
    }

    /**
     * Per-attempt time from sending the request until the whole body is read (streams: until the headers
     * arrive); {@code null} for no limit. Default 5 minutes.
     */
    public B requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return self();
    }

    /** Longest wait for the next event of a streamed response; {@code null} for none. Default 5 minutes. */
    public B streamIdleTimeout(Duration streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
        return self();
    }

    /** Largest response body read into memory, in bytes (at least 1). Default 32 MiB. */
    public B maxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = HttpConfig.requirePositive(maxResponseBytes);
        return self();
    }

    /**
     * The retry policy (default: up to 3 attempts with exponential backoff and jitter on idempotent requests);
     * {@link HttpRetryPolicy#none()} disables retries.
     */
    public B retry(HttpRetryPolicy retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return self();
    }

    /** Adds (or replaces) a header sent with every request (call headers override it). */
    public B defaultHeader(String name, String value) {
        defaultHeaders.put(
                HttpParams.requireHeaderName(name),
                HttpParams.requireHeaderValue(Objects.requireNonNull(value, "value")));
        return self();
    }

    /** The {@code User-Agent}; {@code null} keeps the JDK's. */
    public B userAgent(String userAgent) {
        this.userAgent = userAgent == null ? null : HttpParams.requireHeaderValue(userAgent);
        return self();
    }

    /**
     * The transport, e.g. over a client the caller configured (its proxy, TLS and connect settings apply); {@code null}
     * for one the SDK creates. Generated builders offer it typed by their library ({@code httpClient(HttpClient)} or
     * {@code okHttpClient(OkHttpClient)}).
     */
    public B transport(HttpTransport transport) {
        this.transport = transport;
        return self();
    }

    /** Executor for async calls; {@code null} for a shared pool of daemon threads. */
    public B executor(Executor executor) {
        this.executor = executor;
        return self();
    }

    /** Copies every setting of this class, the wire log's included, to another builder. */
    final void copyHttpOptionsTo(HttpOptions<?> to) {
        copyLogOptionsTo(to);
        to.connectTimeout = connectTimeout;
        to.requestTimeout = requestTimeout;
        to.streamIdleTimeout = streamIdleTimeout;
        to.maxResponseBytes = maxResponseBytes;
        to.retry = retry;
        to.defaultHeaders.clear();
        to.defaultHeaders.putAll(defaultHeaders);
        to.userAgent = userAgent;
        to.transport = transport;
        to.executor = executor;
    }
}
