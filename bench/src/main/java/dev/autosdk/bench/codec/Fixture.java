package dev.autosdk.bench.codec;

import com.openai.models.realtime.ResponseAudioDeltaEvent;
import com.openai.models.realtime.ResponseDoneEvent;
import com.openai.models.realtime.SessionCreatedEvent;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventResponseAudioDelta;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventResponseDone;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventSessionCreated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The three OpenAI realtime server events of the codec benchmark, as compact JSON resources shaped like the
 * spec's examples (property order included), with the generated class, the databind class and the official
 * OpenAI Java SDK's class of each.
 */
public enum Fixture {
    /** {@code response.output_audio.delta}: 75 ms of 24 kHz PCM16 as 4,800 base64 characters. */
    AUDIO_DELTA(
            "response-output-audio-delta.json",
            RealtimeServerEventResponseAudioDelta.class,
            DatabindEvents.AudioDelta.class,
            ResponseAudioDeltaEvent.class),
    /** {@code session.created}: the nested session configuration, with two function tools. */
    SESSION_CREATED(
            "session-created.json",
            RealtimeServerEventSessionCreated.class,
            DatabindEvents.SessionCreated.class,
            SessionCreatedEvent.class),
    /** {@code response.done}: twelve output items (messages with transcripts, function calls) and usage. */
    RESPONSE_DONE(
            "response-done.json",
            RealtimeServerEventResponseDone.class,
            DatabindEvents.ResponseDone.class,
            ResponseDoneEvent.class);

    public final String resource;
    public final Class<?> generatedType;
    public final Class<?> databindType;
    /** The event class of the official OpenAI Java SDK, contender (d). */
    public final Class<?> openaiType;

    Fixture(String resource, Class<?> generatedType, Class<?> databindType, Class<?> openaiType) {
        this.resource = resource;
        this.generatedType = generatedType;
        this.databindType = databindType;
        this.openaiType = openaiType;
    }

    /** The fixture's bytes, without the trailing newline of the file. */
    public byte[] bytes() {
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource /fixtures/" + resource);
            byte[] all = in.readAllBytes();
            int n = all.length;
            while (n > 0 && (all[n - 1] == '\n' || all[n - 1] == '\r')) n--;
            return Arrays.copyOf(all, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
