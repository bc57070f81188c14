package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Wire rules of generated WebSocket clients (issue 11), each from its repro spec under {@code fixtures/ws/wire}:
 * generated, compiled, and run against a real server on 127.0.0.1.
 */
class WsWireRulesTest {
    private static final long WAIT_MS = 60_000;
    private WsTestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /** The transport the clients are generated for; the OkHttp subclass runs every test here again on OkHttp. */
    autosdk.Transport transport() {
        return autosdk.Transport.JDK;
    }

    private WsGenerated generate(String fixture, String driver) throws Exception {
        return WsGenerated.build(
                WsGenerated.fixture("wire/" + fixture + ".yaml"),
                "test.wire." + fixture.replace("-", ""),
                WsGenerated.workDir("wire-" + fixture + "-" + transport().optionValue()),
                driver,
                GenerationRequest.Perspective.CLIENT,
                null,
                transport());
    }

    @Test
    void freeFormConnectValuesGoOutAsTheirJsonTextInQueryAndHeaders() throws Throwable {
        WsGenerated gen = generate("untyped-params", "UntypedParamsDriver");
        server = WsTestServer.begin();
        gen.call("UntypedParamsDriver", "connect", server.url());
        assertThat(server.await(() -> !server.handshakes.isEmpty(), WAIT_MS)).isTrue();
        WsTestServer.Handshake h = server.handshakes.get(0);
        // a string raw, a number as its digits, a boolean as true, an array or object as compact JSON, bytes as base64
        // (all percent-encoded); a typed date-time keeps its seconds and an integral number has no .0, as in REST
        // parameters
        assertThat(h.resource())
                .isEqualTo("/live?language=en&sample_rate=16000&punctuate=true&keywords=%5B%22a%20b%22%2C2%5D"
                        + "&filter=%7B%22min%22%3A3%7D&key=AQL7&since=2024-01-01T00%3A00%3A00Z&ratio=2");
        assertThat(h.headers()).containsEntry("X-Mode", "fast").containsEntry("X-Level", "1.50");
    }

    @Test
    void aCredentialTheBindingsAlsoDescribeIsOneOptionAndGoesOutOnce() throws Throwable {
        WsGenerated gen = generate("credential-bindings", "CredentialBindingsDriver");
        List<String> options = Arrays.stream(
                        gen.loader.loadClass(gen.pkg + ".CredsClient$Builder").getMethods())
                .map(Method::getName)
                .toList();
        assertThat(options).contains("apiKey", "token", "model", "xTrace").doesNotContain("authorization2", "token2");
        server = WsTestServer.begin();
        gen.call("CredentialBindingsDriver", "connect", server.url());
        assertThat(server.await(() -> !server.handshakes.isEmpty(), WAIT_MS)).isTrue();
        WsTestServer.Handshake h = server.handshakes.get(0);
        assertThat(h.resource()).isEqualTo("/live?model=m1&token=tok-1");
        // the test server joins repeated header lines, so an exact value also proves the header went out once
        assertThat(h.headers()).containsEntry("Authorization", "key-1").containsEntry("X-Trace", "t1");
    }

    @Test
    void aUnionPayloadMatchesOnlyThroughItsBranches() throws Throwable {
        WsGenerated gen = generate("union-payload", "UnionPayloadDriver");
        server = WsTestServer.begin();
        Object s = gen.call("UnionPayloadDriver", "open", server.url());
        WebSocket c = server.getConnections().iterator().next();
        c.send("{\"type\":\"other\"}");
        c.send("{\"type\":\"Welcome\"}");
        c.send("{\"type\":\"History\",\"role\":\"user\"}");
        c.send("{\"type\":\"History\",\"calls\":[\"a\"]}");
        c.send("{\"type\":\"History\"}"); // neither branch: no role, no calls
        c.send("{\"role\":\"user\"}"); // both branches require type
        assertThat(server.await(() -> events(gen, s).size() >= 6, WAIT_MS)).isTrue();
        assertThat(events(gen, s))
                .containsExactly(
                        "Unknown:{\"type\":\"other\"}",
                        "Welcome",
                        "History:OfHistoryOption1",
                        "History:OfHistoryOption2",
                        "Unknown:{\"type\":\"History\"}",
                        "Unknown:{\"role\":\"user\"}");
        gen.call("UnionPayloadDriver", "close", s);
    }

    @Test
    void shapeMatchingHonoursAdditionalPropertiesFalse() throws Throwable {
        WsGenerated gen = generate("closed-shape", "ClosedShapeDriver");
        server = WsTestServer.begin();
        Object s = gen.call("ClosedShapeDriver", "open", server.url());
        WebSocket c = server.getConnections().iterator().next();
        c.send("{\"x\":\"1\"}");
        c.send("{\"x\":\"1\",\"z\":\"2\"}"); // tick allows no z, quote needs y
        c.send("{\"x\":\"1\",\"y\":\"2\"}"); // tick allows no y: quote
        assertThat(server.await(() -> events(gen, s, "ClosedShapeDriver").size() >= 3, WAIT_MS))
                .isTrue();
        assertThat(events(gen, s, "ClosedShapeDriver"))
                .containsExactly("Tick", "Unknown:{\"x\":\"1\",\"z\":\"2\"}", "Quote");
        gen.call("ClosedShapeDriver", "close", s);
    }

    @Test
    void aRefWithAnUnescapedSlashResolvesWithALocatedWarning() throws Throwable {
        WsGenerated gen = generate("unescaped-refs", "UnescapedRefsDriver");
        List<String> warnings = gen.result.warnings().stream()
                .map(Object::toString)
                .filter(w -> w.contains("without escaping"))
                .toList();
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0))
                .matches(".*unescaped-refs\\.yaml:4:57: warning: \\$ref "
                        + "'#/components/messages/group/one' names a key that contains '/' without escaping it; .*"
                        + "'#/components/messages/group~1one' \\(at "
                        + "/channels/~1live/subscribe/message/oneOf/0/\\$ref\\)");
        // a longer pointer continues inside the joined key
        assertThat(warnings.get(2))
                .contains("'#/components/schemas/shared~1ids/properties/body' (at "
                        + "/components/messages/group~1two/payload/$ref)");
        server = WsTestServer.begin();
        Object s = gen.call("UnescapedRefsDriver", "open", server.url());
        WebSocket c = server.getConnections().iterator().next();
        c.send("{\"a\":1}");
        c.send("{\"id\":\"x\"}");
        assertThat(server.await(() -> events(gen, s, "UnescapedRefsDriver").size() >= 2, WAIT_MS))
                .isTrue();
        assertThat(events(gen, s, "UnescapedRefsDriver")).containsExactly("GroupOne:[a]", "GroupTwo:x");
        gen.call("UnescapedRefsDriver", "close", s);
    }

    @Test
    void anAnyJsonPayloadMatchesScalarsAndAnEmptyMessagesListCarriesNothing() throws Throwable {
        WsGenerated gen = generate("any-payload", "AnyPayloadDriver");
        List<String> sends = Arrays.stream(
                        gen.loader.loadClass(gen.pkg + ".R3Client").getDeclaredMethods())
                .map(Method::getName)
                .filter(n -> n.startsWith("send"))
                .toList();
        assertThat(sends)
                .as("operation noMessage has messages: [] and so no send method")
                .isEmpty();
        server = WsTestServer.begin();
        Object s = gen.call("AnyPayloadDriver", "open", server.url());
        WebSocket c = server.getConnections().iterator().next();
        c.send("-998.47");
        c.send("\"hi\"");
        c.send("{\"x\":1}");
        c.send("{\"y\":2}"); // not a tick (no x), but any JSON is an echo
        c.send("{oops"); // malformed stays Unknown
        assertThat(server.await(() -> events(gen, s, "AnyPayloadDriver").size() >= 5, WAIT_MS))
                .isTrue();
        assertThat(events(gen, s, "AnyPayloadDriver")).containsExactly("Echo", "Echo", "Tick", "Echo", "Unknown:{oops");
        gen.call("AnyPayloadDriver", "close", s);
    }

    private static List<String> events(WsGenerated gen, Object session) {
        return events(gen, session, "UnionPayloadDriver");
    }

    private static List<String> events(WsGenerated gen, Object session, String driver) {
        try {
            return gen.call(driver, "events", session);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
