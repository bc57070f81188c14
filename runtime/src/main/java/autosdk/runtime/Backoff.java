package autosdk.runtime;

import java.time.Duration;
import java.util.Random;

/**
 * The one exponential backoff with jitter, and the rules of its settings, shared by HTTP retries
 * ({@code HttpRetryPolicy}) and WebSocket reconnects ({@code WsReconnectPolicy}); plain names, as an SDK may carry only
 * one.
 *
 * <p>The delay before step {@code n} (1-based) is {@code base = min(maxDelay, initialDelay * multiplier^(n-1))},
 * shortened by a random share of at most {@code jitter}: {@code base * (1 - jitter * r)}, {@code r} uniform in [0, 1).
 * It never exceeds {@code maxDelay}, so clients spread out without ever waiting longer than planned.
 */
final class Backoff {
    private Backoff() {}

    /**
     * The delay before step {@code step} (1-based); computed in double nanoseconds so large steps saturate at the cap.
     */
    static Duration delay(
            int step, Duration initialDelay, Duration maxDelay, double multiplier, double jitter, Random random) {
        if (step < 1) {
            throw new IllegalArgumentException("the backoff step is 1-based: " + step);
        }
        double base = Math.min(initialDelay.toNanos() * Math.pow(multiplier, step - 1), (double) maxDelay.toNanos());
        return Duration.ofNanos((long) (base * (1.0 - jitter * random.nextDouble())));
    }

    /** A count of attempts of at least {@code min} (1 for HTTP, which counts the first attempt; 0 for reconnects). */
    static int requireAttempts(int maxAttempts, int min) {
        if (maxAttempts < min) {
            throw new IllegalArgumentException("maxAttempts must be >= " + min + ": " + maxAttempts);
        }
        return maxAttempts;
    }

    /** A delay: present and not negative. */
    static Duration requireDelay(Duration delay, String name) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException(name + " must be a non-negative duration: " + delay);
        }
        return delay;
    }

    /** The growth factor: a finite number of at least 1 (NaN fails too). */
    static double requireMultiplier(double multiplier) {
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
        }
        return multiplier;
    }

    /** The share of a delay jitter may remove: 0 (none) to 1 (full jitter); NaN fails. */
    static double requireJitter(double jitter) {
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
        }
        return jitter;
    }
}
