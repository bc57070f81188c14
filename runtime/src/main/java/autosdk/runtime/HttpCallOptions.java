package autosdk.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-call overrides a user can pass to any generated operation: extra headers, a timeout and a retry policy.
 */
public final class HttpCallOptions {

    private static final HttpCallOptions NONE = builder().build();

    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpRetryPolicy retry;

    private HttpCallOptions(Builder b) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.timeout = b.timeout;
        this.retry = b.retry;
    }

    /** No overrides. */
    public static HttpCallOptions none() {
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

    /** The per-attempt timeout for this call, or {@code null} to use the configuration's. */
    public Duration timeout() {
        return timeout;
    }

    /** The retry policy for this call, or {@code null} to use the configuration's. */
    public HttpRetryPolicy retry() {
        return retry;
    }

    /** Shows header names only: header values may carry secrets. */
    @Override
    public String toString() {
        return "HttpCallOptions[headers=" + headers.keySet() + ", timeout=" + timeout + ", retry=" + retry + "]";
    }

    /** Builds {@link HttpCallOptions}. */
    public static final class Builder {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout;
        private HttpRetryPolicy retry;

        private Builder() {
        }

        /** Adds (or replaces) a header for this call. */
        public Builder header(String name, String value) {
            headers.put(HttpParams.requireHeaderName(name), HttpParams.requireHeaderValue(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** The per-attempt timeout until response headers arrive. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The retry policy for this call. */
        public Builder retry(HttpRetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** The immutable options. */
        public HttpCallOptions build() {
            return new HttpCallOptions(this);
        }
    }
}
