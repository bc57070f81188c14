package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpSseEnvelopeTest {
    private static final Set<String> ALL = Set.of("event", "id", "retry");

    @Test
    void theEnvelopeTakesDataFromTheDataLinesAndTheRestFromTheSseFields() throws Exception {
        HttpSseEvent event = new HttpSseEvent("delta", "{\"text\":\"Hel\"}", "7", Duration.ofMillis(1500));
        assertThat(HttpSseEnvelope.toJson(event, false, ALL))
                .isEqualTo("{\"event\":\"delta\",\"id\":\"7\",\"retry\":\"1500\",\"data\":{\"text\":\"Hel\"}}");
    }

    @Test
    void onlyTheSchemasFieldsAreFilledAndAnUnsetIdOrRetryIsLeftOut() throws Exception {
        HttpSseEvent event = new HttpSseEvent("message", "[1,2]", "", null);
        assertThat(HttpSseEnvelope.toJson(event, false, ALL)).isEqualTo("{\"event\":\"message\",\"data\":[1,2]}");
        assertThat(HttpSseEnvelope.toJson(event, false, Set.of())).isEqualTo("{\"data\":[1,2]}");
    }

    @Test
    void stringDataStaysTheRawTextAndDataThatIsNotJsonIsNeverEmbeddedRaw() throws Exception {
        assertThat(HttpSseEnvelope.toJson(new HttpSseEvent("m", "{\"a\":1}", "", null), true, Set.of()))
                .isEqualTo("{\"data\":\"{\\\"a\\\":1}\"}");
        assertThat(HttpSseEnvelope.toJson(new HttpSseEvent("m", "1, \"x\":2", "", null), false, Set.of()))
                .isEqualTo("{\"data\":\"1, \\\"x\\\":2\"}");
        assertThat(HttpSseEnvelope.toJson(new HttpSseEvent("m", "{\"a\":1} {\"b\":2}", "", null), false, Set.of()))
                .isEqualTo("{\"data\":\"{\\\"a\\\":1} {\\\"b\\\":2}\"}");
    }
}
