package autosdk.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Immutable settings shared by every call of a generated client: base URI, credentials, timeouts,
 * retry policy, default headers and the {@link HttpTransport} that sends requests.
 */
public final class HttpConfig {

    private final URI baseUri;
    private final List<HttpAuth> auth;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration streamIdleTimeout;
    private final long maxResponseBytes;
    private final HttpRetryPolicy retry;
    private final Map<String, String> defaultHeaders;
    private final String userAgent;
    private final HttpTransport transport;
    private final Executor executor;
    private final LogLevel logLevel;
    private final System.Logger logger;
    private final Function<String, String> environment;

    /**
     * Default {@link #maxResponseBytes()}: 32 MiB. A body is decoded from memory (a String costs up to twice its
     * bytes, the model as much again), so this keeps one call well under 256 MiB of heap while leaving room for
     * large JSON answers such as base64 audio or long completions.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    /** Default {@link #streamIdleTimeout()}: 5 minutes, as long as the default request timeout. */
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(5);

    static long requirePositive(long maxResponseBytes) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, got " + maxResponseBytes);
        }
        return maxResponseBytes;
    }

    private HttpConfig(Builder b) {
        this.baseUri = Objects.requireNonNull(b.baseUri, "baseUri is required");
        this.auth = List.copyOf(b.auth);
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.retry = b.retry;
        this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultHeaders));
        this.userAgent = b.userAgent;
        this.transport = b.transport;
        this.executor = b.executor;
        this.environment = b.environment();
        this.logLevel = b.resolvedLogLevel();
        this.logger = b.resolvedLogger(HttpLog.LOGGER_NAME);
    }

    /** A new builder; only {@code baseUri} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .streamIdleTimeout(streamIdleTimeout)
                .maxResponseBytes(maxResponseBytes)
                .retry(retry)
                .userAgent(userAgent)
                .transport(transport)
                .executor(executor)
                .environment(environment)
                .logging(logLevel)
                .logger(logger);
        b.auth.addAll(auth);
        b.defaultHeaders.putAll(defaultHeaders);
        return b;
    }

    /** The URI that operation paths are appended to, e.g. {@code https://api.example.com/v1}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Credentials applied to every operation that does not opt out. */
    public List<HttpAuth> auth() {
        return auth;
    }

    /** Connect timeout of the client this library creates (ignored when {@link #transport()} is given). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Time allowed for one attempt from sending the request until the whole response body has been read
     * (for streamed responses: until the headers arrive; then {@link #streamIdleTimeout()} applies);
     * {@code null} for none.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * For streamed responses (server-sent events, NDJSON, raw {@code InputStream}): the longest wait for the next
     * event or line (raw streams: for the next bytes) before the stream fails; {@code null} for none.
     */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /** The largest response body read into memory (decoded JSON, String, bytes); streams are not limited in total. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** The retry policy for every call unless a call overrides it. */
    public HttpRetryPolicy retry() {
        return retry;
    }

    /** The wire log level: set on the builder, else from the environment variable {@value LogLevel#ENV_VARIABLE}. */
    public LogLevel logLevel() {
        return logLevel;
    }

    /** Where the wire log goes; by default {@code System.getLogger("<runtime package>.http")}. */
    public System.Logger logger() {
        return logger;
    }

    /** Where environment variables are read ({@code System::getenv} unless replaced). */
    public Function<String, String> environment() {
        return environment;
    }

    /** Headers sent with every request (call headers override them). */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    /** The {@code User-Agent} header value, or {@code null} for the JDK's. */
    public String userAgent() {
        return userAgent;
    }

    /** The transport (wrapping a client the caller configured), or {@code null} for the SDK's default one. */
    public HttpTransport transport() {
        return transport;
    }

    /** Executor for async calls (and for the created client), or {@code null} for a shared daemon pool. */
    public Executor executor() {
        return executor;
    }

    /** Shows settings but never credentials: auth kinds and default header names only. */
    @Override
    public String toString() {
        return "HttpConfig[baseUri=" + withoutUserInfo(baseUri) + ", auth=" + auth + ", connectTimeout="
                + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", streamIdleTimeout=" + streamIdleTimeout
                + ", maxResponseBytes=" + maxResponseBytes + ", retry=" + retry + ", defaultHeaders="
                + defaultHeaders.keySet()
                + ", userAgent=" + userAgent + ", transport=" + (transport == null ? "default" : "provided")
                + ", executor=" + (executor == null ? "default" : "provided") + "]";
    }

    static String withoutUserInfo(URI uri) {
        return HttpLog.withoutUserInfo(uri);
    }

    /** Builds an {@link HttpConfig}; the settings no API decides are those of {@link HttpOptions}. */
    public static final class Builder extends HttpOptions<Builder> {
        private URI baseUri;
        private final List<HttpAuth> auth = new ArrayList<>();

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /** The absolute http(s) URI that operation paths are appended to. */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme();
            if (!baseUri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException(
                        "baseUri must be an absolute http or https URI: " + withoutUserInfo(baseUri));
            }
            this.baseUri = baseUri;
            return this;
        }

        /** Shorthand for {@code baseUri(URI.create(baseUri))}. */
        public Builder baseUri(String baseUri) {
            return baseUri(URI.create(baseUri));
        }

        /** Replaces the credentials applied to every request. */
        public Builder auth(HttpAuth... auth) {
            this.auth.clear();
            for (HttpAuth a : auth) {
                this.auth.add(Objects.requireNonNull(a, "auth"));
            }
            return this;
        }

        /** The immutable configuration. */
        public HttpConfig build() {
            return new HttpConfig(this);
        }
    }
}
