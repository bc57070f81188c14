package autosdk.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Decides whether a failed attempt is retried and how long to wait: bounded attempts, exponential backoff
 * with jitter, and the server's {@code Retry-After} (seconds or HTTP-date) capped by {@code maxDelay}.
 *
 * <p>Retried: connection failures, 408, 429 and 5xx (except 501 and 505, which do not change on retry).
 * A request that never reached the server (connect refused or connect timeout) is retried for every method;
 * any other failure only for idempotent methods, unless the server sent {@code Retry-After} or the caller
 * opted in with {@link Builder#retryNonIdempotent(boolean)}. A body that cannot be re-sent
 * ({@link HttpBody#repeatable()} false) is never retried.
 */
public final class HttpRetryPolicy {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final boolean retryNonIdempotent;
    private final Random random;

    private HttpRetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.random = b.random != null ? b.random : new Random();
    }

    /** 3 attempts in total, 0.5 s initial delay doubling up to 30 s, up to 50% jitter. */
    public static HttpRetryPolicy defaults() {
        return builder().build();
    }

    /** A single attempt: never retries. */
    public static HttpRetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** Retries without backoff (for tests); {@code Retry-After} is still honoured up to 5 s. */
    public static HttpRetryPolicy immediate(int maxAttempts) {
        return builder()
                .maxAttempts(maxAttempts)
                .initialDelay(Duration.ZERO)
                .maxDelay(Duration.ofSeconds(5))
                .jitter(0)
                .build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The total number of attempts, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether non-idempotent methods (POST, PATCH) are retried like idempotent ones. */
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    /**
     * The wait before the next attempt after a response with {@code status}, or empty when it must not be retried.
     *
     * @param attemptsSoFar attempts already made, the failed one included (1 after the first attempt)
     */
    public Optional<Duration> delayAfterStatus(
            String method, int status, HttpHeaders headers, int attemptsSoFar, boolean bodyRepeatable) {
        if (attemptsSoFar >= maxAttempts || !bodyRepeatable || !isRetryableStatus(status)) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = retryAfter(headers, Instant.now());
        // Retry-After is the server telling us the request was not processed and may be repeated.
        if (!isIdempotent(method) && !retryNonIdempotent && retryAfter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.map(this::cap).orElseGet(() -> backoff(attemptsSoFar)));
    }

    /** The wait before the next attempt after an I/O failure (no response), or empty when it must not be retried. */
    public Optional<Duration> delayAfterFailure(
            String method, IOException failure, int attemptsSoFar, boolean bodyRepeatable) {
        if (attemptsSoFar >= maxAttempts || !bodyRepeatable) {
            return Optional.empty();
        }
        // A request that was never sent cannot have had an effect, so it is safe to repeat for any method.
        if (!isConnectFailure(failure) && !isIdempotent(method) && !retryNonIdempotent) {
            return Optional.empty();
        }
        return Optional.of(backoff(attemptsSoFar));
    }

    /**
     * The exponential backoff before retry number {@code retry} (1-based), jittered and capped (see {@link Backoff}).
     */
    public Duration backoff(int retry) {
        return Backoff.delay(Math.max(1, retry), initialDelay, maxDelay, multiplier, jitter, random);
    }

    /** Whether {@code status} is worth another attempt: 408, 429, or 5xx other than 501 and 505. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /** Whether the HTTP method is idempotent per RFC 9110 (GET, HEAD, PUT, DELETE, OPTIONS, TRACE). */
    public static boolean isIdempotent(String method) {
        return IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the failure happened before the request was sent (connect refused or connect timeout): every
     * {@link HttpTransport} reports both as a {@link ConnectException}.
     */
    public static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The {@code Retry-After} header as a wait from {@code now}; empty when absent or unparseable. */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, now));
    }

    /** Parses a {@code Retry-After} value: delay-seconds or an HTTP-date (a past date means "now"). */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Duration cap(Duration d) {
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    @Override
    public String toString() {
        return "HttpRetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay="
                + maxDelay + ", multiplier=" + multiplier + ", jitter=" + jitter + ", retryNonIdempotent="
                + retryNonIdempotent + "]";
    }

    /** Builds an {@link HttpRetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private boolean retryNonIdempotent;
        private Random random;

        private Builder() {}

        /** Total attempts including the first; 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Backoff.requireAttempts(maxAttempts, 1);
            return this;
        }

        /** The delay before the first retry. */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = Backoff.requireDelay(initialDelay, "initialDelay");
            return this;
        }

        /** The cap for backoff and for {@code Retry-After}. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Backoff.requireDelay(maxDelay, "maxDelay");
            return this;
        }

        /** The growth factor between consecutive backoff delays (>= 1). */
        public Builder multiplier(double multiplier) {
            this.multiplier = Backoff.requireMultiplier(multiplier);
            return this;
        }

        /** The fraction (0..1) by which a backoff delay may be randomly shortened. */
        public Builder jitter(double jitter) {
            this.jitter = Backoff.requireJitter(jitter);
            return this;
        }

        /** Opt in to retrying POST/PATCH (only safe when the API deduplicates, e.g. with idempotency keys). */
        public Builder retryNonIdempotent(boolean retryNonIdempotent) {
            this.retryNonIdempotent = retryNonIdempotent;
            return this;
        }

        /** The source of jitter; pass a seeded {@code Random} for deterministic delays. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Shorthand for {@code random(new Random(seed))}. */
        public Builder seed(long seed) {
            return random(new Random(seed));
        }

        /** The immutable policy. */
        public HttpRetryPolicy build() {
            return new HttpRetryPolicy(this);
        }
    }
}
