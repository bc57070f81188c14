package autosdk.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public face of a package's generated codecs: read and write any generated type from and to
 * {@code String}, {@code byte[]} and streams, with no reflection. A generated subclass registers
 * one codec per type; clients of other packages (de)serialize through it.
 */
public abstract class JsonContext {
    private final Map<Class<?>, JsonCodec<?>> codecs = new HashMap<>();

    protected JsonContext() {
        register(new Registry());
    }

    /** Receives the generated codecs. */
    public final class Registry {
        private Registry() {}

        public <T> void add(Class<T> type, JsonCodec.Reader<T> reader, JsonCodec.Writer<T> writer) {
            codecs.put(type, JsonCodec.of(reader, writer));
        }
    }

    /** Called once by the constructor; the generated subclass adds every type's codec. */
    protected abstract void register(Registry registry);

    @SuppressWarnings("unchecked")
    public <T> JsonCodec<T> codec(Class<T> type) {
        JsonCodec<T> codec = (JsonCodec<T>) codecs.get(type);
        if (codec == null) {
            throw new IllegalArgumentException(
                    type.getName() + " is not a type of " + getClass().getName());
        }
        return codec;
    }

    public boolean supports(Class<?> type) {
        return codecs.containsKey(type);
    }

    // ---- reading ---------------------------------------------------------------------------

    public <T> T read(String json, Class<T> type) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            return readDocument(p, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(byte[] json, Class<T> type) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            return readDocument(p, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one document from a stream; the stream is not closed. */
    public <T> T read(InputStream json, Class<T> type) throws IOException {
        try (JsonParser p = Json.STREAMS.createParser(json)) {
            return readDocument(p, type);
        }
    }

    /** Reads the value at the parser's current token (advancing first if there is none). */
    public <T> T read(JsonParser parser, Class<T> type) throws IOException {
        if (parser.currentToken() == null) parser.nextToken();
        if (parser.currentToken() == JsonToken.VALUE_NULL) return null;
        return codec(type).read(parser);
    }

    public <T> List<T> readList(String json, Class<T> itemType) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            p.nextToken();
            return Json.readList(p, codec(itemType)::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T readDocument(JsonParser p, Class<T> type) throws IOException {
        p.nextToken();
        if (p.currentToken() == null) throw new JsonDecodeException("empty JSON document");
        T value = p.currentToken() == JsonToken.VALUE_NULL ? null : codec(type).read(p);
        if (p.nextToken() != null) throw new JsonDecodeException("trailing content after the JSON value");
        return value;
    }

    // ---- writing ---------------------------------------------------------------------------

    public String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public byte[] writeBytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes to a stream as UTF-8; the stream is flushed, not closed. */
    public void write(Object value, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.STREAMS.createGenerator(out)) {
            write(g, value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof JsonValue v) {
            Json.writeValue(generator, v);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) write(generator, item);
            generator.writeEndArray();
        } else {
            ((JsonCodec) codecFor(value.getClass())).write(generator, value);
        }
    }

    /** Finds the codec for a value's class, or for the sealed union interface it implements. */
    private JsonCodec<?> codecFor(Class<?> type) {
        JsonCodec<?> direct = codecs.get(type);
        if (direct != null) return direct;
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (codecs.containsKey(i)) return codecs.get(i);
            }
        }
        throw new IllegalArgumentException(
                type.getName() + " is not a type of " + getClass().getName());
    }
}
