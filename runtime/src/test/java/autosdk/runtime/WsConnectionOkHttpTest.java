package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Every test of {@link WsConnectionTest} again, on the OkHttp WebSocket transport. */
class WsConnectionOkHttpTest extends WsConnectionTest {
    @Override
    WsTransport wsTransport() {
        return new OkHttpWsTransport();
    }

    /**
     * OkHttp's ping interval is also its pong deadline, so it pings every pongTimeout (see OkHttpWsTransport): the
     * same checks as on the JDK, with the keep-alive cadence set by pongTimeout.
     */
    @Override
    @Test
    void serverPingsAreAnsweredAndKeepAlivePingsAreSent() throws Exception {
        server.onText = (c, m) -> c.sendPing();
        WsConnection conn = connect(
                config().pingInterval(Duration.ofMillis(50)).pongTimeout(Duration.ofMillis(100)),
                new WsConnectionTest.Recorder());

        conn.sendText("ping me");

        assertThat(server.pongs.tryAcquire(1, 5, TimeUnit.SECONDS))
                .as("pong for the server's ping")
                .isTrue();
        assertThat(server.pings.tryAcquire(2, 5, TimeUnit.SECONDS))
                .as("keep-alive pings")
                .isTrue();
        conn.close();
        server.pings.drainPermits();
        Thread.sleep(400); // checking for absence needs a window: four ping intervals
        assertThat(server.pings.availablePermits())
                .as("keep-alive stops on close")
                .isZero();
    }

    @Test
    void theCallersOkHttpClientCarriesTheHandshake() throws Exception {
        OkHttpClient own = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("X-Own-Client", "yes")
                        .build()))
                .build();
        WsConnection conn = connect(
                WsConfig.builder().transport(new OkHttpWsTransport(own)).uri(server.uri()),
                new WsConnectionTest.Recorder());

        eventually(() -> !server.handshakes.isEmpty()); // recorded in the server's onOpen, which may run after ours
        assertThat(server.handshakes.get(0).getFieldValue("X-Own-Client")).isEqualTo("yes");
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
        conn.close();
    }
}
