package autosdk.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Thrown for HTTP 429 Too Many Requests once retries are exhausted; carries the server's {@code Retry-After}. */
public class ApiRateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** Created by the executor for a 429 response. */
    public ApiRateLimitException(String message, ApiException.Details details) {
        super(message, details, null);
        // Resolved now: an HTTP-date Retry-After means less and less as time passes.
        this.retryAfter = HttpRetryPolicy.retryAfter(headers(), Instant.now()).orElse(null);
    }

    /** How long the server asked to wait, if it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
