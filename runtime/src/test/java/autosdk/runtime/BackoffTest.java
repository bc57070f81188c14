package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One rule per test: the backoff HTTP retries and WebSocket reconnects share. */
class BackoffTest {
    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(1000);

    private static Duration noJitter(int step) {
        return Backoff.delay(step, INITIAL, MAX, 2.0, 0.0, new Random(1));
    }

    @Test
    void theFirstStepWaitsTheInitialDelay() {
        assertThat(noJitter(1)).isEqualTo(INITIAL);
    }

    @Test
    void eachStepMultipliesTheDelay() {
        assertThat(noJitter(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void theDelayIsCappedAtMaxDelay() {
        assertThat(noJitter(5)).isEqualTo(MAX);
    }

    @Test
    void hugeStepsSaturateAtTheCapInsteadOfOverflowing() {
        assertThat(noJitter(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void jitterOnlyShortensTheDelayByAtMostItsShare() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            assertThat(Backoff.delay(1, INITIAL, MAX, 2.0, 0.25, random)).isBetween(Duration.ofMillis(75), INITIAL);
        }
    }

    @Test
    void aSeededRandomGivesTheSameDelays() {
        assertThat(Backoff.delay(2, INITIAL, MAX, 2.0, 1.0, new Random(42)))
                .isEqualTo(Backoff.delay(2, INITIAL, MAX, 2.0, 1.0, new Random(42)));
    }

    @Test
    void stepsAreOneBased() {
        assertThatThrownBy(() -> noJitter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-based");
    }

    @Test
    void attemptsBelowTheMinimumFail() {
        assertThatThrownBy(() -> Backoff.requireAttempts(0, 1)).hasMessage("maxAttempts must be >= 1: 0");
    }

    @Test
    void attemptsAtTheMinimumPass() {
        assertThat(Backoff.requireAttempts(0, 0)).isZero();
    }

    @Test
    void aNegativeDelayFails() {
        assertThatThrownBy(() -> Backoff.requireDelay(Duration.ofMillis(-1), "maxDelay"))
                .hasMessageStartingWith("maxDelay must be a non-negative");
    }

    @Test
    void aMissingDelayFails() {
        assertThatThrownBy(() -> Backoff.requireDelay(null, "initialDelay"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMultiplierBelowOneFails() {
        assertThatThrownBy(() -> Backoff.requireMultiplier(0.5))
                .hasMessage("multiplier must be a finite number >= 1: 0.5");
    }

    @Test
    void anInfiniteMultiplierFails() {
        assertThatThrownBy(() -> Backoff.requireMultiplier(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNaNMultiplierFails() {
        assertThatThrownBy(() -> Backoff.requireMultiplier(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jitterAboveOneFails() {
        assertThatThrownBy(() -> Backoff.requireJitter(1.5)).hasMessage("jitter must be within 0..1: 1.5");
    }

    @Test
    void aNaNJitterFails() {
        assertThatThrownBy(() -> Backoff.requireJitter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothPoliciesApplyTheSameMultiplierRule() {
        assertThatThrownBy(() -> HttpRetryPolicy.builder().multiplier(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothPoliciesComputeTheSameDelay() {
        HttpRetryPolicy http = HttpRetryPolicy.builder()
                .initialDelay(INITIAL)
                .maxDelay(MAX)
                .jitter(0)
                .build();
        WsReconnectPolicy ws = WsReconnectPolicy.builder()
                .initialDelay(INITIAL)
                .maxDelay(MAX)
                .jitter(0)
                .build();
        assertThat(http.backoff(3)).isEqualTo(ws.delay(3));
    }
}
