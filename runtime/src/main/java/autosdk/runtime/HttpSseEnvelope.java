package autosdk.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Server-sent events whose schema describes the event itself, {@code {event, data, id, retry}}, rather than the
 * payload of its {@code data} lines. Each event becomes such an envelope: {@code data} is the event's data parsed
 * as its own schema (kept as text when that schema is a string), {@code event}, {@code id} and {@code retry}
 * come from the SSE fields of the same name. The envelope is assembled as JSON and read with the generated codec,
 * so it is checked exactly like any other decoded value.
 */
public final class HttpSseEnvelope {

    private HttpSseEnvelope() {}

    /**
     * A response decoder giving one envelope per event (the stream owns the body).
     *
     * @param reader   the envelope's generated reader
     * @param textData whether the envelope's {@code data} is a string: then the data text is taken as is
     * @param fields   the envelope's SSE properties besides {@code data}: any of {@code event}, {@code id},
     * {@code retry}
     */
    public static <T> HttpResponseDecoder<Stream<T>> decoder(
            JsonCodec.Reader<T> reader, boolean textData, String... fields) {
        Set<String> wanted = Set.of(fields);
        return HttpResponseDecoder.keepingBodyOpen((body, headers) -> HttpSse.events(body)
                .map(event -> {
                    try {
                        return HttpJson.read(toJson(event, textData, wanted), reader);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot decode server-sent event data", e);
                    }
                }));
    }

    /** The envelope of one event as JSON text; {@code retry} is written as text, which number readers accept. */
    static String toJson(HttpSseEvent event, boolean textData, Set<String> fields) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            if (fields.contains("event")) {
                g.writeStringField("event", event.event());
            }
            if (fields.contains("id") && !event.id().isEmpty()) {
                g.writeStringField("id", event.id());
            }
            if (fields.contains("retry") && event.retry() != null) {
                g.writeStringField("retry", Long.toString(event.retry().toMillis()));
            }
            g.writeFieldName("data");
            if (textData || !isJson(event.data())) {
                g.writeString(event.data()); // a typed reader then reports the mismatch; an untyped one keeps the text
            } else {
                g.writeRawValue(event.data());
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** Whether {@code text} is exactly one JSON value (checked before it is embedded raw). */
    private static boolean isJson(String text) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (JacksonException e) { // not JSON (reading a String raises no other IOException)
            return false;
        }
    }
}
