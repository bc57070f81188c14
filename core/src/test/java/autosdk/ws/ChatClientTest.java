package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** End to end: the client generated from our own fixture against a real WebSocket server on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatClientTest {
    private static final String DRIVER = "ChatDriver";
    /** The SDK of the class running now (test classes run one after another). */
    static WsGenerated gen;

    WsTestServer server;

    /** The transport the client is generated for; the OkHttp subclass runs every test here again on OkHttp. */
    autosdk.Transport transport() {
        return autosdk.Transport.JDK;
    }

    @BeforeAll
    void generate() throws Exception {
        gen = WsGenerated.build(
                WsGenerated.fixture("chat.yaml"),
                "test.chat",
                WsGenerated.workDir("chat-" + transport().optionValue()),
                DRIVER,
                GenerationRequest.Perspective.CLIENT,
                null,
                transport());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /** A server that greets, and echoes every chat as chat.echo. */
    private WsTestServer echoServer() throws Exception {
        return WsTestServer.begin("chat.v1")
                .onOpen(c -> c.send("{\"kind\":\"welcome\",\"room\":\"lobby\"}"))
                .onText((c, t) -> {
                    if (t.contains("\"kind\":\"chat\"")) {
                        c.send(t.replace("\"kind\":\"chat\"", "\"kind\":\"chat.echo\""));
                    }
                });
    }

    @Test
    void buildsTheUrlFromServerAndChannelWithEncodedParametersAndCredentials() throws Throwable {
        String uri = gen.call(DRIVER, "uri", "ws://h:1/api");
        // server path /api + address /api/rooms/{roomId}: the repeated /api appears once
        assertThat(uri).isEqualTo("ws://h:1/api/rooms/r1?format=compact&limit=5&api_key=k%261");
        String spaced = gen.call(DRIVER, "uri", "http://h:1");
        assertThat(spaced).startsWith("ws://h:1/api/rooms/r1?");
    }

    @Test
    void reliabilityLimitsSetOnTheGeneratedBuilderReachTheConnection() throws Throwable {
        server = echoServer();
        assertThat((String) gen.call(DRIVER, "limits", server.url())).isEqualTo("PT3S 4096 2048");
    }

    @Test
    void typedRoundTripWithAuthSetupAndTypedHandlers() throws Throwable {
        server = echoServer();
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        gen.call(DRIVER, "chat", s, 1, 7, "hi \"there\" ✓");
        assertThat(server.await(() -> ((List<?>) call("typed", s)).size() >= 2, 5000))
                .isTrue();
        assertThat((List<String>) gen.call(DRIVER, "typed", s))
                .containsExactly("welcome:lobby", "echo:1:7:hi \"there\" ✓");
        assertThat((List<String>) gen.call(DRIVER, "events", s))
                .containsExactly("Welcome:lobby", "ChatEcho:1:7:hi \"there\" ✓");
        // the setup message went first, then the chat; const/one-value-enum "kind" were filled by builder()
        assertThat(server.texts.get(0)).isEqualTo("{\"kind\":\"hello\",\"user\":\"ada\"}");
        assertThat(server.texts.get(1))
                .isEqualTo("{\"kind\":\"chat\",\"seq\":7,\"thread\":1,\"text\":\"hi \\\"there\\\" ✓\"}");
        WsTestServer.Handshake h = server.handshakes.get(0);
        assertThat(h.resource()).isEqualTo("/api/rooms/r1?format=compact&limit=5&api_key=k%261");
        assertThat(h.headers())
                .containsEntry("Authorization", "Bearer secret-token")
                .containsEntry("X-Client", "driver");
        assertThat(h.headers().get("Sec-WebSocket-Protocol")).isEqualTo("chat.v1, token.abc");
        gen.call(DRIVER, "close", s);
        assertThat((String) gen.call(DRIVER, "state", s)).isEqualTo("CLOSED");
        assertThat((List<String>) gen.call(DRIVER, "closes", s)).containsExactly("1000:");
        assertThat((String) gen.call(DRIVER, "sendAfterClose", s)).isEqualTo("WsClosedException");
    }

    @Test
    void fragmentedUnknownMalformedAndSharedDiscriminatorFrames() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        WebSocket c = server.getConnections().iterator().next();
        WsTestServer.sendFragmented(
                c,
                "{\"kind\":\"chat.echo\",\"seq\":1,\"thread\":2,\"text\":\"" + "ünïcødé ✓ 😀 ".repeat(20) + "\"}",
                7);
        c.send("{\"kind\":\"x.unknown.type\",\"a\":1}");
        c.send("{\"kind\":\"welcome\",\"room\":"); // malformed JSON
        c.send("{\"kind\":\"chat.echo\",\"seq\":\"not a number\"}"); // well-formed, undecodable
        c.send("{\"kind\":\"notice\",\"level\":\"warn\",\"warning\":\"careful\"}");
        c.send("{\"kind\":\"notice\",\"level\":\"info\",\"info\":\"fyi\"}");
        c.send("{\"kind\":\"welcome\",\"room\":\"still alive\"}");
        assertThat(server.await(() -> ((List<?>) call("events", s)).size() >= 7, 5000))
                .isTrue();
        List<String> events = gen.call(DRIVER, "events", s);
        assertThat(events.get(0)).isEqualTo("ChatEcho:2:1:" + "ünïcødé ✓ 😀 ".repeat(20));
        assertThat(events.subList(1, 7))
                .containsExactly(
                        "Unknown:{\"kind\":\"x.unknown.type\",\"a\":1}",
                        "Unknown:{\"kind\":\"welcome\",\"room\": (error)",
                        "Unknown:{\"kind\":\"chat.echo\",\"seq\":\"not a number\"} (error)",
                        "NoticeWarn:careful",
                        "NoticeInfo:fyi",
                        "Welcome:still alive");
        assertThat((List<String>) gen.call(DRIVER, "errors", s)).hasSize(2);
        assertThat((String) gen.call(DRIVER, "state", s)).isEqualTo("OPEN");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void throwingHandlerNeverStopsTheReader() throws Throwable {
        server = echoServer();
        Object s = gen.call(DRIVER, "open", server.url(), 0, true);
        gen.call(DRIVER, "chat", s, 0, 1, "a");
        gen.call(DRIVER, "chat", s, 0, 2, "b");
        assertThat(server.await(() -> ((List<?>) call("events", s)).size() >= 3, 5000))
                .isTrue();
        assertThat((List<String>) gen.call(DRIVER, "typed", s))
                .containsExactly("welcome:lobby", "echo:0:1:a", "echo:0:2:b");
        assertThat((List<String>) gen.call(DRIVER, "errors", s))
                .containsExactly("IllegalStateException: handler bug 1", "IllegalStateException: handler bug 2");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void eightThreadsSendingAThousandEachArriveWholeAndInPerThreadOrder() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        gen.call(DRIVER, "flood", s, 8, 1000);
        assertThat(server.await(() -> server.texts.size() >= 8001, 10000)).isTrue();
        List<String> texts = List.copyOf(server.texts);
        assertThat(texts.get(0)).contains("\"kind\":\"hello\"");
        int[] next = new int[8];
        for (String t : texts.subList(1, texts.size())) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "\\{\"kind\":\"chat\",\"seq\":(\\d+),\"thread\":(\\d),\"text\":\"t(\\d)-m(\\d+)-ünïcödé\"}")
                    .matcher(t);
            assertThat(m.matches()).as(t).isTrue();
            int thread = Integer.parseInt(m.group(2));
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(next[thread]).isEqualTo(Integer.parseInt(m.group(4)));
            assertThat(m.group(3)).isEqualTo(m.group(2));
            next[thread]++;
        }
        assertThat(next).containsOnly(1000);
        gen.call(DRIVER, "close", s);
    }

    @Test
    void serverCloseCodeAndReasonReachTheClient() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        server.getConnections().iterator().next().close(4001, "bye");
        gen.call(DRIVER, "awaitClosed", s);
        assertThat((List<String>) gen.call(DRIVER, "closes", s)).containsExactly("4001:bye");
        assertThat((String) gen.call(DRIVER, "state", s)).isEqualTo("CLOSED");
    }

    @Test
    void clientCloseWithCodeAndReason() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        gen.call(DRIVER, "closeWith", s, 4100, "done here");
        assertThat(server.await(() -> !server.closes.isEmpty(), 3000)).isTrue();
        assertThat(server.closes.get(0)).isEqualTo("4100:done here:client");
    }

    @Test
    void reconnectsAfterADropAndResendsSetupMessages() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 5, false);
        assertThat(server.await(() -> server.texts.size() >= 1, 3000)).isTrue();
        server.dropAll();
        assertThat(server.await(() -> server.handshakes.size() >= 2 && server.texts.size() >= 2, 5000))
                .isTrue();
        gen.call(DRIVER, "chat", s, 3, 1, "after");
        assertThat(server.await(() -> server.texts.size() >= 3, 3000)).isTrue();
        assertThat(server.texts)
                .containsExactly(
                        "{\"kind\":\"hello\",\"user\":\"ada\"}",
                        "{\"kind\":\"hello\",\"user\":\"ada\"}",
                        "{\"kind\":\"chat\",\"seq\":1,\"thread\":3,\"text\":\"after\"}");
        assertThat((List<String>) gen.call(DRIVER, "lifecycle", s))
                .containsSubsequence("open", "reconnecting:1", "reconnected");
        gen.call(DRIVER, "close", s);
        assertThat((List<String>) gen.call(DRIVER, "closes", s)).containsExactly("1000:");
    }

    @Test
    void abruptDropWithoutReconnectIsOneClose1006() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        server.dropAll();
        gen.call(DRIVER, "awaitClosed", s);
        List<String> closes = gen.call(DRIVER, "closes", s);
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0)).startsWith("1006:");
    }

    @Test
    void binaryFramesBothWaysAndBase64Convenience() throws Throwable {
        server = WsTestServer.begin("chat.v1");
        Object s = gen.call(DRIVER, "open", server.url(), 0, false);
        gen.call(DRIVER, "blob", s, new byte[300]);
        gen.call(DRIVER, "audio", s, "pcm".getBytes(StandardCharsets.UTF_8));
        WebSocket c = server.getConnections().iterator().next();
        c.sendFragmentedFrame(org.java_websocket.enums.Opcode.BINARY, java.nio.ByteBuffer.wrap(new byte[100]), false);
        c.sendFragmentedFrame(org.java_websocket.enums.Opcode.BINARY, java.nio.ByteBuffer.wrap(new byte[28]), true);
        assertThat(server.await(() -> ((List<?>) call("events", s)).size() >= 1 && server.texts.size() >= 2, 5000))
                .isTrue();
        assertThat(server.binarySizes).containsExactly(300);
        assertThat(server.texts.get(1)).isEqualTo("{\"kind\":\"audio.append\",\"audio\":\"cGNt\"}");
        assertThat((List<String>) gen.call(DRIVER, "events", s)).containsExactly("Audio:128");
        assertThat((List<String>) gen.call(DRIVER, "typed", s)).containsExactly("audio:128");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void pullStyleIteratesEventsUntilClosed() throws Throwable {
        server = WsTestServer.begin("chat.v1").onOpen(c -> {
            for (int i = 0; i < 10; i++) c.send("{\"kind\":\"welcome\",\"room\":\"r" + i + "\"}");
        });
        Object s = gen.call(DRIVER, "openForPull", server.url());
        List<String> pulled = gen.call(DRIVER, "pull", s, 10);
        assertThat(pulled).hasSize(10).first().isEqualTo("Welcome:r0");
        assertThat(pulled.get(9)).isEqualTo("Welcome:r9");
        gen.call(DRIVER, "close", s);
    }

    @Test
    void javadocAndDeprecationComeFromTheSpecSafely() {
        String event = gen.source("ChatFixtureClientEvent");
        assertThat(event).contains("@Deprecated").contains("Old messages &#42;&#47; that nobody should use.");
        String client = gen.source("ChatFixtureClient");
        assertThat(client).contains("@Deprecated\n    public ChatFixtureClient onOldStuff(");
        assertThat(gen.result.warnings().toString())
                .contains("messages NoticeInfo, NoticeWarn received on channel 'room' share kind=notice");
    }

    private static Object call(String method, Object s) {
        try {
            return gen.call(DRIVER, method, s);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
