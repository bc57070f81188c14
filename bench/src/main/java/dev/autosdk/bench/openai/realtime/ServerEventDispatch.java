package dev.autosdk.bench.openai.realtime;

import java.net.URI;

/**
 * The generated WebSocket client's own decoding of a server message into the sealed event type
 * ({@link OpenAiRealtimeApiClientEvent}): peek the {@code type}, then the specific codec. It sits in the generated
 * package only because that decoding is the client's protected {@code decodeText}; nothing connects.
 */
public final class ServerEventDispatch {
    private static final OpenAiRealtimeApiClient CLIENT = OpenAiRealtimeApiClient.builder("gpt-realtime")
            .uri(URI.create("ws://127.0.0.1:9/unused"))
            .build();

    private ServerEventDispatch() {}

    /** Decodes one text message exactly as the client does before handing it to {@code onEvent}. */
    public static OpenAiRealtimeApiClientEvent decode(String text) {
        return CLIENT.decodeText(text);
    }
}
