package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRetryPolicyTest {

    static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map);
    }

    static final HttpHeaders NONE = headers(Map.of());

    @Test
    void backoffIsExponentialCappedAndDeterministicWithASeed() {
        HttpRetryPolicy a = HttpRetryPolicy.builder()
                .initialDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(350))
                .seed(7)
                .build();
        HttpRetryPolicy b = HttpRetryPolicy.builder()
                .initialDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(350))
                .seed(7)
                .build();
        for (int retry = 1; retry <= 5; retry++) {
            Duration da = a.backoff(retry);
            assertThat(da).isEqualTo(b.backoff(retry));
            long ceiling = Math.min(100L << (retry - 1), 350);
            assertThat(da.toMillis()).isBetween(ceiling / 2, ceiling);
        }
        HttpRetryPolicy noJitter = HttpRetryPolicy.builder()
                .initialDelay(Duration.ofMillis(100))
                .jitter(0)
                .build();
        assertThat(List.of(noJitter.backoff(1), noJitter.backoff(2), noJitter.backoff(3)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void statusesRetriedOnIdempotentMethodsOnly() {
        HttpRetryPolicy p = HttpRetryPolicy.immediate(3);
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(p.delayAfterStatus("GET", status, NONE, 1, true))
                    .as("GET %s", status)
                    .contains(Duration.ZERO);
            assertThat(p.delayAfterStatus("POST", status, NONE, 1, true))
                    .as("POST %s", status)
                    .isEmpty();
        }
        for (int status : new int[] {400, 401, 404, 409, 422, 501, 505}) {
            assertThat(p.delayAfterStatus("GET", status, NONE, 1, true))
                    .as("GET %s", status)
                    .isEmpty();
        }
        assertThat(p.delayAfterStatus("GET", 503, NONE, 3, true))
                .as("attempts exhausted")
                .isEmpty();
        assertThat(p.delayAfterStatus("PUT", 503, NONE, 1, false))
                .as("one-shot body")
                .isEmpty();
        assertThat(HttpRetryPolicy.none().delayAfterStatus("GET", 503, NONE, 1, true))
                .isEmpty();
    }

    @Test
    void retryAfterAllowsAnyMethodAndIsCapped() {
        HttpRetryPolicy p =
                HttpRetryPolicy.builder().maxDelay(Duration.ofSeconds(2)).build();
        assertThat(p.delayAfterStatus("POST", 503, headers(Map.of("Retry-After", List.of("1"))), 1, true))
                .contains(Duration.ofSeconds(1));
        assertThat(p.delayAfterStatus("POST", 429, headers(Map.of("Retry-After", List.of("120"))), 1, true))
                .contains(Duration.ofSeconds(2));
        HttpRetryPolicy optIn = HttpRetryPolicy.builder()
                .retryNonIdempotent(true)
                .initialDelay(Duration.ZERO)
                .build();
        assertThat(optIn.delayAfterStatus("POST", 500, NONE, 1, true)).contains(Duration.ZERO);
        assertThat(optIn.retryNonIdempotent()).isTrue();
    }

    @Test
    void connectFailuresRetryForEveryMethodOtherFailuresOnlyWhenIdempotent() {
        HttpRetryPolicy p = HttpRetryPolicy.immediate(2);
        assertThat(p.delayAfterFailure("POST", new ConnectException("refused"), 1, true))
                .isPresent();
        assertThat(p.delayAfterFailure("POST", new java.net.ConnectException("connect timed out"), 1, true))
                .isPresent();
        assertThat(p.delayAfterFailure("POST", new IOException("wrapped", new ConnectException("x")), 1, true))
                .isPresent();
        assertThat(p.delayAfterFailure("POST", new SocketTimeoutException("request timed out"), 1, true))
                .isEmpty();
        assertThat(p.delayAfterFailure("GET", new SocketTimeoutException("request timed out"), 1, true))
                .isPresent();
        assertThat(p.delayAfterFailure("GET", new IOException("reset"), 2, true))
                .isEmpty();
        assertThat(p.delayAfterFailure("GET", new ConnectException("refused"), 1, false))
                .isEmpty();
    }

    @Test
    void parsesRetryAfterSecondsAndHttpDate() {
        Instant now = Instant.parse("2015-10-21T07:28:00Z");
        assertThat(HttpRetryPolicy.parseRetryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(HttpRetryPolicy.parseRetryAfter(" 0 ", now)).contains(Duration.ZERO);
        assertThat(HttpRetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now))
                .contains(Duration.ofSeconds(30));
        assertThat(HttpRetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now))
                .contains(Duration.ZERO);
        assertThat(HttpRetryPolicy.parseRetryAfter("soon", now)).isEqualTo(Optional.empty());
        assertThat(HttpRetryPolicy.parseRetryAfter("-5", now)).isEmpty();
    }

    @Test
    void idempotentMethods() {
        assertThat(List.of("GET", "head", "PUT", "DELETE", "OPTIONS")).allMatch(HttpRetryPolicy::isIdempotent);
        assertThat(List.of("POST", "PATCH")).noneMatch(HttpRetryPolicy::isIdempotent);
    }
}
