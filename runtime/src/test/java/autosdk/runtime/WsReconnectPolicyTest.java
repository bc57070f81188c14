package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WsReconnectPolicyTest {

    private static WsReconnectPolicy.Builder policy() {
        return WsReconnectPolicy.builder()
                .initialDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(500))
                .multiplier(2);
    }

    @Test
    void withoutJitterTheDelayGrowsExponentiallyUpToTheCap() {
        WsReconnectPolicy p = policy().jitter(0).build();
        Random random = new Random(1);

        assertThat(List.of(p.delay(1, random), p.delay(2, random), p.delay(3, random), p.delay(4, random)))
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500));
    }

    @Test
    void largeAttemptNumbersSaturateInsteadOfOverflowing() {
        WsReconnectPolicy p = policy().jitter(0).build();

        assertThat(p.delay(10_000, new Random(1))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheBaseAndIsDeterministicForASeed() {
        WsReconnectPolicy p = policy().jitter(1).build();
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        Random a = new Random(42);
        Random b = new Random(42);
        for (int attempt = 1; attempt <= 50; attempt++) {
            Duration d = p.delay(attempt, a);
            Duration base = Duration.ofMillis(Math.min(500, 100L << Math.min(attempt - 1, 20)));
            assertThat(d).isBetween(Duration.ZERO, base);
            first.add(d);
            second.add(p.delay(attempt, b));
        }
        assertThat(first).isEqualTo(second);
        assertThat(first).as("jitter actually varies the delay").doesNotHaveDuplicates();
    }

    @Test
    void proportionalJitterKeepsAtLeastTheRestOfTheBase() {
        WsReconnectPolicy p = policy().jitter(0.2).build();
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            assertThat(p.delay(2, random)).isBetween(Duration.ofMillis(160), Duration.ofMillis(200));
        }
    }

    @Test
    void noneIsDisabledAndDefaultsAreSensible() {
        assertThat(WsReconnectPolicy.none().enabled()).isFalse();
        WsReconnectPolicy defaults = WsReconnectPolicy.builder().build();
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.toString()).contains("maxAttempts=5");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> WsReconnectPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsReconnectPolicy.builder().multiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsReconnectPolicy.builder().maxAttempts(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsReconnectPolicy.builder().initialDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsReconnectPolicy.builder()
                        .initialDelay(Duration.ofSeconds(2))
                        .maxDelay(Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy().build().delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
