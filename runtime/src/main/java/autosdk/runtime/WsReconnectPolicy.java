package autosdk.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Immutable exponential-backoff-with-jitter policy that decides how often and how late a dropped
 * {@link WsConnection} tries to reconnect.
 *
 * <p>The delay before attempt {@code n} (1-based) follows {@link Backoff}. {@code jitter = 1} is "full jitter" (uniform
 * in [0, base]), {@code jitter = 0.2} keeps at least 80% of
 * the base, {@code jitter = 0} is deterministic. Jitter spreads reconnecting clients so a restarted server is not hit
 * by all of them at the same instant.
 *
 * <p>Attempts count across drops until a connection proves healthy: only a connection that stayed open for
 * {@link #healthyAfter()} resets the count (and the delay) to attempt 1. A server that accepts the handshake and drops
 * at once therefore meets the growing backoff and, after {@link #maxAttempts()}, the end of reconnecting, instead of
 * being hammered at the initial delay forever.
 */
public final class WsReconnectPolicy {

    private static final WsReconnectPolicy NONE = builder().maxAttempts(0).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final double jitter;
    private final Duration healthyAfter;

    private WsReconnectPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.healthyAfter = b.healthyAfter;
    }

    /** The policy that never reconnects (the default of {@link WsConfig}). */
    public static WsReconnectPolicy none() {
        return NONE;
    }

    /**
     * A builder with defaults: 5 attempts, 500 ms initial delay, 30 s max delay, multiplier 2, jitter 0.5, healthy
     * after 10 s.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many reconnect attempts are made, counted since the last healthy connection, before giving up; 0 disables
     * reconnecting.
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The base delay before the first attempt. */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** The cap on the base delay. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** The factor the base delay grows by per attempt. */
    public double multiplier() {
        return multiplier;
    }

    /** The largest share (0..1) of the base delay that jitter may remove. */
    public double jitter() {
        return jitter;
    }

    /** How long a connection must stay open before its drop starts counting at attempt 1 again. */
    public Duration healthyAfter() {
        return healthyAfter;
    }

    /** Whether this policy reconnects at all. */
    public boolean enabled() {
        return maxAttempts > 0;
    }

    /** The delay before attempt {@code attempt} (1-based), using a thread-local random source for jitter. */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current());
    }

    /** The delay before attempt {@code attempt} (1-based); deterministic for a seeded {@code random}. */
    public Duration delay(int attempt, Random random) {
        return Backoff.delay(
                attempt, initialDelay, maxDelay, multiplier, jitter, Objects.requireNonNull(random, "random"));
    }

    @Override
    public String toString() {
        return "WsReconnectPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay
                + ", maxDelay=" + maxDelay + ", multiplier=" + multiplier + ", jitter=" + jitter
                + ", healthyAfter=" + healthyAfter + "]";
    }

    /** Mutable builder for {@link WsReconnectPolicy}; validates on each setter. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration healthyAfter = Duration.ofSeconds(10);

        private Builder() {}

        /** Attempts since the last healthy connection before giving up (>= 0). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Backoff.requireAttempts(maxAttempts, 0);
            return this;
        }

        /** Base delay before the first attempt (>= 0). */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = Backoff.requireDelay(initialDelay, "initialDelay");
            return this;
        }

        /** Cap on the base delay (>= 0). */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Backoff.requireDelay(maxDelay, "maxDelay");
            return this;
        }

        /** Growth factor per attempt (>= 1). */
        public Builder multiplier(double multiplier) {
            this.multiplier = Backoff.requireMultiplier(multiplier);
            return this;
        }

        /** Largest share of the delay removed at random, 0 (none) to 1 (full jitter). */
        public Builder jitter(double jitter) {
            this.jitter = Backoff.requireJitter(jitter);
            return this;
        }

        /**
         * How long a connection must stay open to count as healthy (>= 0): only then does its drop start again at
         * attempt 1 with the initial delay. Until then attempts keep counting toward {@link #maxAttempts}.
         */
        public Builder healthyAfter(Duration healthyAfter) {
            this.healthyAfter = Backoff.requireDelay(healthyAfter, "healthyAfter");
            return this;
        }

        /** Builds the immutable policy. */
        public WsReconnectPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException(
                        "maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
            }
            return new WsReconnectPolicy(this);
        }
    }
}
