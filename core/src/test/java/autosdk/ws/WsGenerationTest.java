package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generation-time decisions of fixtures/ws/envelope.yaml, each proven by running its client against a real server on
 * 127.0.0.1: one client per channel, a discriminator nested in an envelope, a reply on the send's channel, and shape
 * matching (with a warning) where the messages share no discriminating property.
 */
class WsGenerationTest {
    private static final long WAIT_MS = 60_000;
    private static final String DRIVER = "EnvelopeDriver";
    private static WsGenerated gen;
    private WsTestServer server;

    @BeforeAll
    static void generate() throws Exception {
        gen = WsGenerated.build(
                WsGenerated.fixture("envelope.yaml"),
                "test.envelope",
                WsGenerated.workDir("envelope"),
                DRIVER,
                GenerationRequest.Perspective.CLIENT);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    private Object open(String channel) throws Throwable {
        server = WsTestServer.begin();
        return gen.call(DRIVER, "open" + channel, server.url());
    }

    private List<String> events(Object session, int atLeast) throws Throwable {
        assertThat(server.await(() -> eventsNow(session).size() >= atLeast, WAIT_MS))
                .isTrue();
        return eventsNow(session);
    }

    private static List<String> eventsNow(Object session) {
        try {
            return gen.call(DRIVER, "events", session);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachChannelGetsAClientOfItsOwn() throws Exception {
        assertThat(gen.loader.loadClass("test.envelope.EnvelopeFixtureFeedClient"))
                .isNotNull();
        assertThat(gen.loader.loadClass("test.envelope.EnvelopeFixturePlainClient"))
                .isNotNull();
    }

    @Test
    void aDiscriminatorInsideAnEnvelopeSelectsTheMessage() throws Throwable {
        Object s = open("Feed");
        WebSocket c = server.getConnections().iterator().next();
        c.send("{\"header\":{\"type\":\"trade\"},\"qty\":2}");
        c.send("{\"header\":{\"type\":\"tick\",\"seq\":1},\"price\":3.5}");
        c.send("{\"type\":\"tick\"}"); // the discriminator is in the header, not at the top
        assertThat(events(s, 3)).containsExactly("Trade", "Tick", "Unknown");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void aReplyIsReceivedOnTheChannelOfItsRequest() throws Throwable {
        Object s = open("Feed");
        server.onText((conn, text) -> {
            if (text.contains("\"ping\"")) conn.send("{\"header\":{\"type\":\"pong\"}}");
        });
        assertThat((String) gen.call(DRIVER, "ping", s)).isEqualTo("Pong");
        assertThat(server.texts).containsExactly("{\"op\":\"ping\"}");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void messagesWithoutADiscriminatorAreMatchedByShape() throws Throwable {
        Object s = open("Plain");
        WebSocket c = server.getConnections().iterator().next();
        c.send("{\"beta\":1}");
        c.send("{\"alpha\":\"x\"}");
        c.send("{\"gamma\":true}");
        assertThat(events(s, 3)).containsExactly("B", "A", "Unknown:{\"gamma\":true}");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void shapeMatchingIsWarnedAbout() {
        assertThat(gen.result.warnings().toString())
                .contains("the messages received on channel 'plain' have no common discriminating property");
    }
}
