package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket wire log against a raw server on 127.0.0.1: connect, frames (cut at 4 KiB), drop, reconnect, close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WsLoggingTest {

    /** The WebSocket library under test; the OkHttp subclass runs every test again on {@link OkHttpWsTransport}. */
    WsTransport wsTransport() {
        return new JdkWsTransport();
    }

    @Test
    void logsConnectionEventsAndTruncatedFramesWithTheQueryKeyRedacted() throws Exception {
        String big = "z".repeat(5000);
        AtomicInteger accepted = new AtomicInteger();
        try (RawWsServer server = new RawWsServer(peer -> {
            peer.handshake();
            if (accepted.incrementAndGet() == 1) {
                peer.readMessageFrame();
                peer.sendText(big);
                peer.dropWithFin();
            } else {
                peer.sendClose(1000);
                peer.drain();
            }
        })) {
            HttpLoggingTest.Recorder recorder = new HttpLoggingTest.Recorder();
            URI uri = URI.create(server.uri() + "?api_key=sk-ws-secret&model=m1");
            WsReconnectPolicy policy = WsReconnectPolicy.builder()
                    .maxAttempts(3)
                    .initialDelay(Duration.ofMillis(1))
                    .jitter(0)
                    .healthyAfter(Duration.ZERO)
                    .build();
            CountDownLatch closed = new CountDownLatch(1);
            WsConnection conn = WsConnection.connect(
                            WsConfig.builder()
                                    .transport(wsTransport())
                                    .uri(uri)
                                    .reconnect(policy)
                                    .logging(LogLevel.DEBUG)
                                    .logger(recorder)
                                    .build(),
                            new WsListener() {
                                @Override
                                public void onClose(WsConnection c, int code, String reason) {
                                    closed.countDown();
                                }
                            })
                    .get(120, TimeUnit.SECONDS);
            conn.sendText("hello");
            assertThat(closed.await(120, TimeUnit.SECONDS))
                    .as("closed by the second server connection")
                    .isTrue();

            String shown = "ws://127.0.0.1:" + server.uri().getPort() + "/?api_key=***&model=***";
            String log = recorder.all();
            assertThat(log).doesNotContain("sk-ws-secret");
            assertThat(recorder.lines.get(0)).isEqualTo("INFO WebSocket " + shown + " connected");
            assertThat(log)
                    .contains("DEBUG WebSocket " + shown + " send: hello")
                    .contains("DEBUG WebSocket " + shown + " received: " + "z".repeat(4096)
                            + "… (5000 bytes, first 4096 shown)")
                    .contains("INFO WebSocket " + shown + " reconnected (attempt 1)")
                    .contains("INFO WebSocket " + shown + " closed: 1000");
            assertThat(log).containsPattern("INFO WebSocket \\S+ dropped \\(.*\\); reconnect attempt 1 in \\d+ ms");
        }
    }

    @Test
    void offByDefaultWhenTheEnvironmentSaysNothing() {
        WsConfig config = WsConfig.builder()
                .transport(wsTransport())
                .uri(URI.create("ws://127.0.0.1:1/"))
                .environment(name -> null)
                .build();
        assertThat(config.logLevel()).isEqualTo(LogLevel.OFF);
        assertThat(config.logger().getName()).isEqualTo("autosdk.runtime.ws");
        assertThat(WsConfig.builder()
                        .transport(wsTransport())
                        .uri(URI.create("ws://127.0.0.1:1/"))
                        .environment(name -> "debug")
                        .build()
                        .logLevel())
                .isEqualTo(LogLevel.DEBUG);
    }
}
