package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import org.junit.jupiter.api.Test;

/** Generation-time behaviour: naming per channel, nested envelope discriminators, replies, shape matching, warnings. */
class WsGenerationTest {

    @Test
    void nestedEnvelopeDiscriminatorRepliesAndShapeMatchingWithOneClientPerChannel() throws Throwable {
        WsGenerated gen = WsGenerated.build(WsGenerated.fixture("envelope.yaml"), "test.envelope", WsGenerated.workDir("envelope"), null,
                GenerationRequest.Perspective.CLIENT);
        String feed = gen.source("EnvelopeFixtureFeedClient");
        // the discriminator sits inside the "header" envelope; the reply (Pong) is received on the same channel
        assertThat(feed).contains("WsFrames.peek(text, \"header\", \"type\")").contains("case \"pong\"").contains("case \"tick\"")
                .contains("public CompletableFuture<Void> sendPing(").contains("onPong(");
        assertThat(gen.source("EnvelopeFixtureFeedClientEvent")).contains("record Tick(").contains("record Trade(").contains("record Pong(");
        String plain = gen.source("EnvelopeFixturePlainClient");
        assertThat(plain).contains("WsFrames.match(text, SHAPES)").contains("List.of(\"alpha\")");
        assertThat(gen.result.warnings().toString()).contains("the messages received on channel 'plain' have no common discriminating property");
    }
}
