package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WsConfigTest {

    private static final URI URI_OK = URI.create("wss://api.example.com/realtime?model=x");

    @Test
    void toStringShowsHeaderNamesButNeverValues() {
        WsConfig config = WsConfig.builder()
                .uri(URI_OK)
                .header("Authorization", "Bearer sk-very-secret")
                .header("X-Api-Key", "key-12345")
                .build();

        String text = config.toString();

        assertThat(text).contains("Authorization", "X-Api-Key", "wss://api.example.com/realtime");
        assertThat(text).doesNotContain("sk-very-secret", "key-12345", "Bearer");
    }

    @Test
    void repeatedHeadersAreKeptInOrder() {
        WsConfig config = WsConfig.builder()
                .uri(URI_OK)
                .header("X-A", "1")
                .header("X-A", "2")
                .header("X-B", "3")
                .build();

        assertThat(config.headers())
                .containsExactly(Map.entry("X-A", "1"), Map.entry("X-A", "2"), Map.entry("X-B", "3"));
        assertThatThrownBy(() -> config.headers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaultsAreOffOrSafe() {
        WsConfig config = WsConfig.builder().uri(URI_OK).build();

        assertThat(config.reconnect().enabled()).isFalse();
        assertThat(config.pingInterval()).isNull();
        assertThat(config.transport()).isNull();
        assertThat(config.subprotocols()).isEmpty();
        assertThat(config.setupMessages().get()).isEmpty();
        assertThat(config.closeTimeout()).isPositive();
        assertThat(config.connectTimeout()).isPositive();
        assertThat(config.inboundBufferCapacity()).isPositive();
    }

    @Test
    void settingsAreKept() {
        WsReconnectPolicy policy = WsReconnectPolicy.builder().maxAttempts(3).build();
        WsConfig config = WsConfig.builder()
                .uri(URI_OK)
                .subprotocols(List.of("a", "b"))
                .connectTimeout(Duration.ofSeconds(3))
                .pingInterval(Duration.ofSeconds(20))
                .reconnect(policy)
                .inboundBufferCapacity(16)
                .setupMessages(() -> List.of("{\"type\":\"session.update\"}"))
                .build();

        assertThat(config.subprotocols()).containsExactly("a", "b");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.reconnect()).isSameAs(policy);
        assertThat(config.inboundBufferCapacity()).isEqualTo(16);
        assertThat(config.setupMessages().get()).containsExactly("{\"type\":\"session.update\"}");
    }

    @Test
    void limitsHaveRealtimeSafeDefaultsAndCanBeChanged() {
        WsConfig defaults = WsConfig.builder().uri(URI_OK).build();
        assertThat(defaults.maxQueuedBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(defaults.maxMessageSize()).isEqualTo(16 * 1024 * 1024);
        assertThat(defaults.pongTimeout()).as("no keep-alive, no pong timeout").isNull();
        assertThat(defaults.reconnect().healthyAfter()).isEqualTo(Duration.ofSeconds(10));

        WsConfig config = WsConfig.builder()
                .uri(URI_OK)
                .maxQueuedBytes(1024)
                .maxMessageSize(2048)
                .pingInterval(Duration.ofSeconds(1))
                .pongTimeout(Duration.ofSeconds(3))
                .build();
        assertThat(config.maxQueuedBytes()).isEqualTo(1024);
        assertThat(config.maxMessageSize()).isEqualTo(2048);
        assertThat(config.pongTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.toString()).contains("maxQueuedBytes=1024", "maxMessageSize=2048", "pongTimeout=PT3S");
    }

    @Test
    void defaultPongTimeoutIsTheLargerOfThePingIntervalAndTenSeconds() {
        assertThat(WsConfig.builder()
                        .uri(URI_OK)
                        .pingInterval(Duration.ofSeconds(2))
                        .build()
                        .pongTimeout())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(WsConfig.builder()
                        .uri(URI_OK)
                        .pingInterval(Duration.ofSeconds(30))
                        .build()
                        .pongTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void textIsWeighedInUtf8Bytes() {
        assertThat(WsConnection.utf8Length("a")).isEqualTo(1);
        assertThat(WsConnection.utf8Length("ä€😀"))
                .isEqualTo("ä€😀".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(WsConnection.utf8Length("\uD800x"))
                .as("a lone surrogate is encoded as 3 bytes at most")
                .isEqualTo(4);
    }

    @Test
    void zeroPingIntervalMeansOff() {
        assertThat(WsConfig.builder()
                        .uri(URI_OK)
                        .pingInterval(Duration.ZERO)
                        .build()
                        .pingInterval())
                .isNull();
        assertThat(WsConfig.builder().uri(URI_OK).pingInterval(null).build().pingInterval())
                .isNull();
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> WsConfig.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uri");
        assertThatThrownBy(() -> WsConfig.builder().uri(URI.create("https://example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsConfig.builder().inboundBufferCapacity(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsConfig.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsConfig.builder().pingInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsConfig.builder().pongTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsConfig.builder().maxQueuedBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsConfig.builder().maxMessageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsReconnectPolicy.builder().healthyAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
