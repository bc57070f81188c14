package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.testing.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients generated from real corpus specs, driven against a real WebSocket server on 127.0.0.1. */
class CorpusClientsTest {

    @Test
    void elevenLabsSendsTypedAudioAndReceivesByMessageType() throws Throwable {
        WsGenerated gen = WsGenerated.build(
                Corpus.file("tryAGI-ElevenLabs/asyncapi.json"),
                "test.elevenlabs",
                WsGenerated.workDir("elevenlabs"),
                "ElevenLabsDriver",
                GenerationRequest.Perspective.CLIENT);
        try (WsTestServer server = WsTestServer.begin()) {
            server.onText((c, t) -> {
                c.send("{\"message_type\":\"partial_transcript\",\"text\":\"hel\"}");
                WsTestServer.sendFragmented(c, "{\"text\":\"hello\",\"message_type\":\"committed_transcript\"}", 3);
                c.send("{\"message_type\":\"x.unknown.type\"}");
            });
            List<String> seen = gen.call("ElevenLabsDriver", "run", server.url(), 3);
            assertThat(seen).containsExactly("partial:hel", "committed:hello", "unknown");
            assertThat(server.texts)
                    .containsExactly("{\"message_type\":\"input_audio_chunk\",\"audio_base_64\":\"AAAA\","
                            + "\"commit\":false,\"sample_rate\":16000}");
            assertThat(server.handshakes.get(0).resource()).isEqualTo("/v1/speech-to-text/realtime");
            assertThat(server.handshakes.get(0).headers()).containsEntry("xi-api-key", "xi-key");
        }
    }

    @Test
    void xaiTypedQueryEnumBearerAndBase64Convenience() throws Throwable {
        WsGenerated gen = WsGenerated.build(
                Corpus.file("tryAGI-Xai/asyncapi.json"),
                "test.xai",
                WsGenerated.workDir("xai"),
                "XaiDriver",
                GenerationRequest.Perspective.CLIENT);
        assertThat((String) gen.call("XaiDriver", "uri"))
                .isEqualTo("wss://api.x.ai/v1/realtime?model=grok-voice-latest");
        try (WsTestServer server = WsTestServer.begin()) {
            server.onText((c, t) -> {
                if (t.contains("session.update")) c.send("{\"type\":\"session.updated\",\"session\":{}}");
                else c.send("{\"type\":\"response.output_audio.delta\",\"delta\":\"AQID\"}");
            });
            List<String> seen = gen.call("XaiDriver", "run", server.url(), 2);
            assertThat(seen).containsExactly("session.updated", "audio.delta:AQID");
            assertThat(server.texts)
                    .containsExactly(
                            "{\"type\":\"session.update\",\"session\":{\"instructions\":\"hi\"}}",
                            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"/wAB\"}");
            assertThat(server.handshakes.get(0).resource()).isEqualTo("/v1/realtime?model=grok-voice-latest");
            assertThat(server.handshakes.get(0).headers()).containsEntry("Authorization", "Bearer xai-key");
        }
    }

    @Test
    void asyncApi26SlackPublishIsSentSubscribeIsReceivedSharedTypesByShape() throws Throwable {
        WsGenerated gen = WsGenerated.build(
                Corpus.file("asyncapi-spec-v2.6.0/slack-rtm.yml"),
                "test.slack",
                WsGenerated.workDir("slack"),
                "SlackDriver",
                GenerationRequest.Perspective.CLIENT);
        assertThat(gen.result.warnings().toString()).contains("share type=emoji_changed");
        try (WsTestServer server = WsTestServer.begin()) {
            server.onOpen(c -> c.send("{\"type\":\"hello\"}")).onText((c, t) -> {
                c.send("{\"type\":\"emoji_changed\",\"subtype\":\"add\",\"name\":\"x\",\"value\":\"y\","
                        + "\"event_ts\":\"1\"}");
                c.send("{\"type\":\"emoji_changed\",\"subtype\":\"remove\",\"names\":[\"x\"],\"event_ts\":\"1\"}");
            });
            List<String> seen = gen.call("SlackDriver", "run", server.url(), 3);
            assertThat(seen).containsExactly("Hello", "EmojiAdded", "EmojiRemoved");
            // "type" is a fixed value the builder pre-filled; properties are written in schema order
            assertThat(server.texts)
                    .containsExactly("{\"id\":1,\"type\":\"message\",\"channel\":\"C1\",\"text\":\"hello slack\"}");
            // https://slack.com/api/rtm.connect + channel "/" → ws over TLS mapped from https; overridden here
            assertThat(server.handshakes.get(0).resource()).isEqualTo("/?token=xoxb");
        }
    }
}
