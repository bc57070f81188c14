package autosdk.runtime;

import java.io.IOException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/** A reflection-free reader and writer of one type on jackson-core's streaming API. */
public interface JsonCodec<T> {

    /** Reads a value; the parser is on the value's first token and is left on its last token. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Writes a non-null value. */
    @FunctionalInterface
    interface Writer<T> {
        void write(JsonGenerator generator, T value) throws IOException;
    }

    T read(JsonParser parser) throws IOException;

    void write(JsonGenerator generator, T value) throws IOException;

    static <T> JsonCodec<T> of(Reader<T> reader, Writer<T> writer) {
        return new JsonCodec<>() {
            @Override
            public T read(JsonParser parser) throws IOException {
                return reader.read(parser);
            }

            @Override
            public void write(JsonGenerator generator, T value) throws IOException {
                writer.write(generator, value);
            }
        };
    }
}
