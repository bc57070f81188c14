package dev.autosdk.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosdk.bench.ws.WsThroughput.Contender;
import dev.autosdk.bench.ws.WsThroughput.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every contender of the WebSocket benchmark receives a short stream from the loopback server to the end, and the
 * generated clients (JDK and OkHttp) decode every event as a typed record: so {@code bench/ws-bench.sh} does not rot
 * between the runs that measure it. No speed is asserted.
 */
class WsContendersTest {
    private static final int EVENTS = 2_000; // two cycles of the stream, so response.done is decoded twice

    @Test
    void everyContenderReceivesTheWholeStream() throws Exception {
        List<Contender> contenders =
                List.of(WsThroughput::raw, WsThroughput::typed, OkHttpReceive::raw, OkHttpReceive::typed);
        try (LoopbackWsServer server = new LoopbackWsServer()) {
            server.stream(WsThroughput.stream(), EVENTS);
            for (Contender contender : contenders) {
                // A run returns only once its listener has seen EVENTS messages; it fails if the server's close comes
                // first, and the typed runs also fail if an event was not decoded as a typed record.
                Run run = contender.run(server.uri(), EVENTS);
                assertThat(run.typed()).as(run.kind()).isEqualTo(EVENTS);
            }
        }
    }
}
