package autosdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily splits an {@code application/x-ndjson} / JSON Lines body into its lines as they arrive, skipping
 * blank lines; closing the stream (or reaching its end) closes the body. On a body from {@link HttpExecutor},
 * each line must arrive within the stream idle timeout.
 */
public final class HttpNdjson {

    private HttpNdjson() {}

    /** The non-blank lines of {@code body}, read lazily. */
    public static Stream<String> lines(InputStream body) {
        HttpLineReader reader = new HttpLineReader(body);
        Iterator<String> it = new Iterator<>() {
            private String next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    HttpResponseBody.startItem(body, "NDJSON line");
                }
                while (next == null && !done) {
                    try {
                        String line = reader.readLine();
                        if (line == null) {
                            done = true;
                            reader.close();
                        } else if (!line.isBlank()) {
                            next = line;
                        }
                    } catch (IOException e) {
                        done = true;
                        closeQuietly(reader);
                        throw new UncheckedIOException("cannot read NDJSON stream", e);
                    }
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> closeQuietly(reader));
    }

    /** Each line mapped to a value; an {@link IOException} from the mapper surfaces as UncheckedIOException. */
    public static <T> Stream<T> stream(InputStream body, HttpDataMapper<T> mapper) {
        return lines(body).map(line -> {
            try {
                return mapper.map(line);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode NDJSON line", e);
            }
        });
    }

    /** A response decoder giving each line mapped to a value (the stream owns the body). */
    public static <T> HttpResponseDecoder<Stream<T>> decoder(HttpDataMapper<T> mapper) {
        return HttpResponseDecoder.keepingBodyOpen((body, headers) -> stream(body, mapper));
    }

    private static void closeQuietly(HttpLineReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // abandoning the stream; nothing else to do
        }
    }
}
