package dev.autosdk.bench.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * Baseline (b): hand-written classes equivalent to the three generated server events, read and written by
 * Jackson databind the idiomatic way (public fields, snake_case naming, {@code @JsonTypeInfo} for the unions that
 * have a {@code type} discriminator). They are simpler than the generated models (no presence tracking, no
 * unknown-property capture, fewer unions), which favours databind.
 */
public final class DatabindEvents {
    private DatabindEvents() {}

    /** Fails on unknown properties so that the fixture test proves these classes cover every field. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    // ---- response.output_audio.delta ------------------------------------------------------------

    public static final class AudioDelta {
        public String eventId;
        public String type;
        public String responseId;
        public String itemId;
        public Long outputIndex;
        public Long contentIndex;
        public String delta;
    }

    // ---- session.created ------------------------------------------------------------------------

    public static final class SessionCreated {
        public String eventId;
        public String type;
        public Session session;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true)
    @JsonSubTypes({@JsonSubTypes.Type(value = RealtimeSession.class, name = "realtime")})
    public abstract static class Session {
        public String type;
    }

    public static final class RealtimeSession extends Session {
        public String object;
        public String id;
        public String model;
        public List<String> outputModalities;
        public String instructions;
        public List<Tool> tools;
        public JsonNode toolChoice;
        public JsonNode maxOutputTokens;
        public JsonNode tracing;
        public JsonNode prompt;
        public Long expiresAt;
        public SessionAudio audio;
        public List<String> include;
    }

    public static final class Tool {
        public String type;
        public String name;
        public String description;
        public Map<String, Object> parameters;
    }

    public static final class SessionAudio {
        public AudioInput input;
        public AudioOutput output;
    }

    public static final class AudioInput {
        public AudioFormat format;
        public Transcription transcription;
        public NoiseReduction noiseReduction;
        public TurnDetection turnDetection;
    }

    public static final class AudioFormat {
        public String type;
        public Long rate;
    }

    public static final class Transcription {
        public String model;
        public String language;
        public String prompt;
    }

    public static final class NoiseReduction {
        public String type;
    }

    public static final class TurnDetection {
        public String type;
        public Double threshold;
        public Long prefixPaddingMs;
        public Long silenceDurationMs;
        public Long idleTimeoutMs;
        public Boolean createResponse;
        public Boolean interruptResponse;
    }

    public static final class AudioOutput {
        public AudioFormat format;
        public String voice;
        public Double speed;
    }

    // ---- response.done --------------------------------------------------------------------------

    public static final class ResponseDone {
        public String eventId;
        public String type;
        public Response response;
    }

    public static final class Response {
        public String object;
        public String id;
        public String status;
        public JsonNode statusDetails;
        public List<Item> output;
        public String conversationId;
        public List<String> outputModalities;
        public JsonNode maxOutputTokens;
        public ResponseAudio audio;
        public Usage usage;
        public Map<String, String> metadata;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = MessageItem.class, name = "message"),
        @JsonSubTypes.Type(value = FunctionCallItem.class, name = "function_call")
    })
    public abstract static class Item {
        public String id;
        public String object;
        public String type;
        public String status;
    }

    public static final class MessageItem extends Item {
        public String role;
        public List<ContentPart> content;
    }

    public static final class ContentPart {
        public String type;
        public String text;
        public String audio;
        public String transcript;
    }

    public static final class FunctionCallItem extends Item {
        public String callId;
        public String name;
        public String arguments;
    }

    public static final class ResponseAudio {
        public AudioOutput output;
    }

    public static final class Usage {
        public Long totalTokens;
        public Long inputTokens;
        public Long outputTokens;
        public InputTokenDetails inputTokenDetails;
        public OutputTokenDetails outputTokenDetails;
    }

    public static final class InputTokenDetails {
        public Long textTokens;
        public Long audioTokens;
        public Long imageTokens;
        public Long cachedTokens;
        public CachedTokenDetails cachedTokensDetails;
    }

    public static final class CachedTokenDetails {
        public Long textTokens;
        public Long audioTokens;
        public Long imageTokens;
    }

    public static final class OutputTokenDetails {
        public Long textTokens;
        public Long audioTokens;
    }
}
