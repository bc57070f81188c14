package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Waiting for one event ({@code next}, {@code receive}), removable handlers ({@code subscribe}) and AsyncAPI 3
 * request/reply methods, generated from the Kraken request/reply example and run against a real local server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedReceiveTest {
    private static final String DRIVER = "KrakenDriver";
    /** The SDK of the class running now (test classes run one after another). */
    static WsGenerated gen;

    WsTestServer server;

    /** The transport the client is generated for; the OkHttp subclass runs every test here again on OkHttp. */
    autosdk.Transport transport() {
        return autosdk.Transport.JDK;
    }

    @BeforeAll
    void generate() throws Exception {
        Path spec =
                Corpus.file("asyncapi-spec-v3.0.0/kraken-websocket-request-reply-message-filter-in-reply-asyncapi.yml");
        try {
            gen = WsGenerated.build(
                    spec,
                    "test.kraken",
                    WsGenerated.workDir(
                            transport() == autosdk.Transport.JDK
                                    ? "kraken"
                                    : "kraken-" + transport().optionValue()),
                    DRIVER,
                    GenerationRequest.Perspective.SERVER,
                    null,
                    transport());
        } catch (autosdk.diag.SpecException e) {
            throw new AssertionError(e.diagnostics().toString(), e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /**
     * burst: heartbeat, systemStatus, then a pong with reqid 99. bye: a close frame. Pings are held until three with a
     * reqid arrived, then answered in reverse order after a pong for an id nobody asked; a ping without reqid is
     * answered at once with reqid 1001, 1002, ... (the k-th such ping).
     */
    private WsTestServer krakenServer() throws Exception {
        List<String> held = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger plain = new java.util.concurrent.atomic.AtomicInteger(1000);
        return WsTestServer.begin().onText((c, t) -> {
            if (t.equals("{\"event\":\"burst\"}")) {
                c.send("{\"event\":\"heartbeat\"}");
                c.send("{\"event\":\"systemStatus\",\"connectionID\":1,\"status\":\"online\",\"version\":\"1.0\"}");
                c.send("{\"event\":\"pong\",\"reqid\":99}");
            } else if (t.equals("{\"event\":\"bye\"}")) {
                c.close(1000, "bye");
            } else if (t.startsWith("{\"event\":\"ping\"")) {
                pings(c, t, held, plain);
            }
        });
    }

    private static void pings(
            WebSocket c, String ping, List<String> held, java.util.concurrent.atomic.AtomicInteger plain) {
        String id = ping.replaceAll(".*\"reqid\":(\\d+).*", "$1");
        if (!ping.contains("\"reqid\"")) {
            c.send("{\"event\":\"pong\",\"reqid\":" + plain.incrementAndGet() + "}");
            return;
        }
        if (id.equals("404")) return; // never answered: the request times out
        synchronized (held) {
            held.add(id);
            if (held.size() < 3) return;
            c.send("{\"event\":\"pong\",\"reqid\":77}");
            for (int i = held.size() - 1; i >= 0; i--) c.send("{\"event\":\"pong\",\"reqid\":" + held.get(i) + "}");
            held.clear();
        }
    }

    @Test
    void nextAndReceiveReturnTheRequestedTypeWhileOtherEventsArriveFirst() throws Throwable {
        server = krakenServer();
        assertThat((String) gen.call(DRIVER, "nextAndReceive", server.url()))
                .isEqualTo("pending=1 first=99 second=99 seen=[heartbeat, systemStatus, heartbeat, systemStatus] "
                        + "after=0/0");
    }

    @Test
    void deadlinesFailWithTimeoutExceptionAndLeaveNoWaiterBehind() throws Throwable {
        server = krakenServer();
        assertThat((String) gen.call(DRIVER, "timeouts", server.url()))
                .isEqualTo("TimeoutException TimeoutException waiters=0");
    }

    @Test
    void closeBeforeTheEventFailsPendingAndLaterWaitsWithWsClosedException() throws Throwable {
        server = krakenServer();
        assertThat((String) gen.call(DRIVER, "closeBeforeEvent", server.url()))
                .isEqualTo("WsClosedException:1000 WsClosedException:1000 WsClosedException:1000 "
                        + "WsClosedException:1000 waiters=0");
    }

    @Test
    void aRemovedHandlerGetsNoMoreEvents() throws Throwable {
        server = krakenServer();
        assertThat((String) gen.call(DRIVER, "removal", server.url()))
                .isEqualTo("kept=2 removed=1 once=1 active=false/false");
    }

    @Test
    void requestReplyCorrelatesByReqidWhenRepliesComeOutOfOrder() throws Throwable {
        server = krakenServer();
        assertThat((String) gen.call(DRIVER, "requestReply", server.url()))
                .isEqualTo("1 2 3 plain=1001,1002 TimeoutException waiters=0");
        // the requests on the wire carry their ids; the generated method does not invent one
        assertThat(server.texts)
                .contains(
                        "{\"event\":\"ping\",\"reqid\":1}", "{\"event\":\"ping\",\"reqid\":3}", "{\"event\":\"ping\"}");
    }

    @Test
    void aReplyOfSeveralMessagesCompletesWithTheEventTypeAndUncorrelatedRepliesAreAnsweredInOrder() {
        String client = gen.source("KrakenWebsocketsApiClient").replaceAll("\\s+", " ");
        assertThat(client)
                .contains("public CompletableFuture<KrakenWebsocketsApiClientEvent.Pong> sendPingAndAwaitReply( "
                        + "Ping payload, Duration timeout)");
        assertThat(client)
                .contains("public CompletableFuture<KrakenWebsocketsApiClientEvent> sendSubscribeAndAwaitReply( "
                        + "Subscribe payload, Duration timeout)");
        // no reply of unsubscribe declares where it carries the id: answered in order, the request's reqid is not used
        assertThat(client)
                .contains("public CompletableFuture<KrakenWebsocketsApiClientEvent.SubscriptionStatus> "
                        + "sendUnsubscribeAndAwaitReply(")
                .contains("request(() -> SourceGenerationContext.DEFAULT.write(payload), null, "
                        + "KrakenWebsocketsApiClientEvent.SubscriptionStatus.class");
        // one method per operation with a reply whose request the client sends: ping, subscribe, unsubscribe
        assertThat(client.split("AndAwaitReply\\(", -1)).hasSize(4);
    }
}
