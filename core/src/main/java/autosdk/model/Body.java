package autosdk.model;

import java.util.Locale;

/**
 * A request or response body of one media type; {@code type} is null when the body has no schema.
 * {@code sseData} is set when a {@code text/event-stream} schema describes the event itself ({@code {event, data,
 * id, retry}}): it is the type of the envelope's {@code data}, which the SSE data lines carry.
 */
public record Body(String mediaType, TypeRef type, boolean required, TypeRef sseData) {

    /** Whether events are SSE envelopes built from the SSE fields rather than the decoded data itself. */
    public boolean isSseEnvelope() {
        return sseData != null;
    }

    public boolean isJson() {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.equals("application/json")
                || m.endsWith("+json")
                || m.startsWith("application/json;")
                || (m.equals("*/*") && type != null);
    }

    public boolean isEventStream() {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    public boolean isJsonLines() {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.contains("ndjson") || m.contains("jsonl") || m.contains("json-seq") || m.contains("jsonlines");
    }

    public boolean isMultipart() {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    public boolean isForm() {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Text media types that are read as a String (XML included: no XML codec is generated). */
    public boolean isText() {
        String m = mediaType.toLowerCase(Locale.ROOT);
        if (type instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.BINARY) return false;
        return m.startsWith("text/")
                || m.endsWith("/xml")
                || m.endsWith("+xml")
                || m.equals("application/sdp")
                || m.equals("application/x-www-form-urlencoded")
                || m.equals("application/javascript");
    }

    /** Raw bytes: a non-text media type, or a structured one whose schema says {@code format: binary}. */
    public boolean isBinary() {
        if (isJson() || isEventStream() || isJsonLines() || isMultipart()) {
            return type instanceof TypeRef.Scalar s
                    && s.kind() == TypeRef.ScalarKind.BINARY
                    && !isEventStream()
                    && !isJsonLines();
        }
        return !isText();
    }
}
