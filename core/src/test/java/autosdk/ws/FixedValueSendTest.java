package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import org.junit.jupiter.api.Test;

/**
 * Fixed values ({@code const}, one-value {@code enum}) that the schema leaves optional are on the wire in every send
 * path: the {@code send…(byte[])} convenience overload writes exactly what the typed send writes.
 */
class FixedValueSendTest {
    private static final String DRIVER = "FixedSendDriver";

    @Test
    void theBytesSendWritesTheFixedTypeLikeTheTypedSend() throws Throwable {
        WsGenerated gen = WsGenerated.build(
                WsGenerated.fixture("fixed-send.yaml"),
                "test.fixed",
                WsGenerated.workDir("fixed-send"),
                DRIVER,
                GenerationRequest.Perspective.CLIENT);
        try (WsTestServer server = WsTestServer.begin()) {
            gen.call(DRIVER, "sendBoth", server.url());
            assertThat(server.await(() -> server.texts.size() >= 2, 10_000)).isTrue();
            String expected = "{\"type\":\"input_audio.append\",\"audio\":\"aGk=\",\"final\":false}";
            assertThat(server.texts).containsExactly(expected, expected);
        }
    }
}
