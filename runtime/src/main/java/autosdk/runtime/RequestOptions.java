package autosdk.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-call overrides a user can pass to any generated operation: extra headers, a timeout, a retry policy,
 * a stream idle timeout and a response size limit.
 */
public final class RequestOptions {

    private static final RequestOptions NONE = builder().build();

    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpRetryPolicy retry;
    private final Duration streamIdleTimeout;
    private final Long maxResponseBytes;

    private RequestOptions(Builder b) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.timeout = b.timeout;
        this.retry = b.retry;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /** No overrides. */
    public static RequestOptions none() {
        return NONE;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Extra headers; they override default and generated headers of the same name. */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The per-attempt timeout for this call (until the whole body is read; streams: until the headers arrive),
     * or {@code null} to use the configuration's.
     */
    public Duration timeout() {
        return timeout;
    }

    /** The retry policy for this call, or {@code null} to use the configuration's. */
    public HttpRetryPolicy retry() {
        return retry;
    }

    /** The stream idle timeout for this call, or {@code null} to use the configuration's. */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /** The response size limit for this call, or {@code null} to use the configuration's. */
    public Long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Shows header names only: header values may carry secrets. */
    @Override
    public String toString() {
        return "RequestOptions[headers=" + headers.keySet() + ", timeout=" + timeout + ", retry=" + retry
                + ", streamIdleTimeout=" + streamIdleTimeout + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout;
        private HttpRetryPolicy retry;
        private Duration streamIdleTimeout;
        private Long maxResponseBytes;

        private Builder() {}

        /** Adds (or replaces) a header for this call. */
        public Builder header(String name, String value) {
            headers.put(
                    HttpParams.requireHeaderName(name),
                    HttpParams.requireHeaderValue(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** The per-attempt timeout: until the whole body is read (streams: until the headers arrive). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The retry policy for this call. */
        public Builder retry(HttpRetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** The longest wait for the next event of a streamed response. */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = streamIdleTimeout;
            return this;
        }

        /** The largest response body this call reads into memory, in bytes (at least 1). */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = HttpConfig.requirePositive(maxResponseBytes);
            return this;
        }

        /** The immutable options. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
