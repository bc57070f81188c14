package dev.autosdk.bench.codec;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.models.realtime.RealtimeServerEvent;
import com.openai.models.realtime.ResponseAudioDeltaEvent;
import com.openai.models.realtime.ResponseDoneEvent;
import com.openai.models.realtime.SessionCreatedEvent;
import java.io.IOException;

/**
 * Contender (d): the official OpenAI Java SDK ({@code com.openai:openai-java-core}) on the same events, with its own
 * Jackson mapper (aligned to our jackson-core version by the bench POM). Decoding calls {@code validate()} so that
 * every field is materialized and checked, as using the values would; the union decode reads a server message as
 * its realtime WebSocket connection does ({@code jsonMapper().readerFor(RealtimeServerEvent.class)}, then validate).
 */
public final class OpenAiJavaEvents {
    private OpenAiJavaEvents() {}

    public static final JsonMapper MAPPER = ObjectMappers.jsonMapper();
    private static final ObjectReader SERVER_EVENT = MAPPER.readerFor(RealtimeServerEvent.class);

    /** Decodes {@code json} as the specific event class and validates it. */
    public static Object decode(byte[] json, Class<?> type) throws IOException {
        Object value = MAPPER.readValue(json, type);
        if (value instanceof ResponseAudioDeltaEvent e) return e.validate();
        if (value instanceof SessionCreatedEvent e) return e.validate();
        if (value instanceof ResponseDoneEvent e) return e.validate();
        throw new IllegalArgumentException("not a benchmark event: " + type);
    }

    /** Decodes a server message through the SDK's server-event union, as its WebSocket code does. */
    public static RealtimeServerEvent decodeServerEvent(String text) throws IOException {
        RealtimeServerEvent event = SERVER_EVENT.readValue(text);
        return event.validate();
    }

    public static byte[] encode(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }
}
