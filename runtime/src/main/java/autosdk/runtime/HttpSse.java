package autosdk.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily parses a {@code text/event-stream} body into events as bytes arrive, following the WHATWG HTML
 * "Parsing an event stream" / "Interpreting an event stream" rules.
 *
 * <p>Rules applied: lines end at CRLF, LF or CR; a leading BOM is dropped; lines starting with {@code :} are
 * comments; {@code field:value} drops one space after the colon, a line without a colon is a field with an
 * empty value; {@code data} lines are joined with LF; {@code id} is ignored if it contains NUL and otherwise
 * sticks to later events; {@code retry} must be ASCII digits; unknown fields are ignored; a blank line
 * dispatches the event unless its data buffer is empty; an unterminated event at end of stream is discarded.
 * In addition, an event whose data is exactly {@value #DONE} (OpenAI-style sentinel) ends the stream.
 *
 * <p>Closing the returned stream closes the body; reaching the end closes it too. One event's data may hold at
 * most {@value #MAX_EVENT_CHARS} characters (a longer one fails the stream instead of filling memory); on a body
 * from {@link HttpExecutor}, each event must arrive within the stream idle timeout.
 */
public final class HttpSse {

    /** The sentinel data that ends a stream. */
    public static final String DONE = "[DONE]";

    /** Longest data of one event, in characters: the same bound as one line. */
    public static final int MAX_EVENT_CHARS = HttpLineReader.MAX_LINE_BYTES;

    private HttpSse() {}

    /** All events of {@code body}, read lazily; close the stream to release the connection early. */
    public static Stream<HttpSseEvent> events(InputStream body) {
        EventReader reader = new EventReader(body);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(reader::closeQuietly);
    }

    /** Each event's data mapped to a value; an {@link IOException} from the mapper surfaces as UncheckedIOException. */
    public static <T> Stream<T> stream(InputStream body, HttpDataMapper<T> mapper) {
        return events(body).map(event -> {
            try {
                return mapper.map(event.data());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode server-sent event data", e);
            }
        });
    }

    /** A response decoder giving the lazy event stream (the stream owns the body). */
    public static HttpResponseDecoder<Stream<HttpSseEvent>> eventDecoder() {
        return HttpResponseDecoder.keepingBodyOpen((body, headers) -> events(body));
    }

    /** A response decoder giving each event's data mapped to a value (the stream owns the body). */
    public static <T> HttpResponseDecoder<Stream<T>> decoder(HttpDataMapper<T> mapper) {
        return HttpResponseDecoder.keepingBodyOpen((body, headers) -> stream(body, mapper));
    }

    /** Iterator over the events of one stream; also usable directly where a Stream is not wanted. */
    public static final class EventReader implements Iterator<HttpSseEvent>, Closeable {
        private final InputStream body;
        private final HttpLineReader lines;
        private final StringBuilder data = new StringBuilder();
        private String eventType = "";
        private String lastEventId = "";
        private Duration retry;
        private boolean hasData;
        private HttpSseEvent next;
        private boolean finished;

        /** Reads events from {@code body}, which this reader owns. */
        public EventReader(InputStream body) {
            this.body = body;
            this.lines = new HttpLineReader(body);
        }

        @Override
        public boolean hasNext() {
            if (next == null && !finished) {
                try {
                    next = readEvent();
                } catch (IOException e) {
                    closeQuietly();
                    throw new UncheckedIOException("cannot read server-sent events", e);
                }
                if (next == null) {
                    closeQuietly(); // release the connection as soon as the stream is over
                }
            }
            return next != null;
        }

        @Override
        public HttpSseEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            HttpSseEvent event = next;
            next = null;
            return event;
        }

        private HttpSseEvent readEvent() throws IOException {
            HttpResponseBody.startItem(body, "server-sent event");
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    HttpSseEvent event = dispatch();
                    if (event == null) {
                        continue;
                    }
                    if (DONE.equals(event.data())) {
                        return null;
                    }
                    return event;
                }
                if (line.charAt(0) == ':') {
                    continue; // comment, e.g. a keep-alive
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                field(field, value);
            }
            return null; // end of stream: a pending, undispatched event is discarded per spec
        }

        private void field(String field, String value) throws IOException {
            switch (field) {
                case "event" -> eventType = value;
                case "data" -> {
                    if (data.length() + value.length() + 1 > MAX_EVENT_CHARS) {
                        throw new IOException("server-sent event data longer than " + MAX_EVENT_CHARS + " characters");
                    }
                    data.append(value).append('\n');
                    hasData = true;
                }
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value;
                    }
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        try {
                            retry = Duration.ofMillis(Long.parseLong(value));
                        } catch (NumberFormatException ignored) {
                            // more digits than a long holds: ignored like any invalid retry value
                        }
                    }
                }
                default -> {
                    // unknown fields are ignored
                }
            }
        }

        private HttpSseEvent dispatch() {
            if (!hasData) {
                eventType = "";
                return null;
            }
            data.setLength(data.length() - 1); // drop the trailing LF
            HttpSseEvent event =
                    new HttpSseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId, retry);
            data.setLength(0);
            hasData = false;
            eventType = "";
            retry = null;
            return event;
        }

        /** Stops reading and closes the body. */
        @Override
        public void close() throws IOException {
            finished = true;
            lines.close();
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // nothing useful to do: the stream is being abandoned
            }
        }
    }
}
