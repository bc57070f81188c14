package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Parsing rules of the WHATWG event stream format and of NDJSON, on in-memory bodies. */
class HttpSseTest {

    static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<HttpSseEvent> parse(String text) {
        try (Stream<HttpSseEvent> events = HttpSse.events(body(text))) {
            return events.collect(Collectors.toList());
        }
    }

    @Test
    void joinsDataLinesAndDefaultsTheEventType() {
        List<HttpSseEvent> events = parse("data: first\ndata:second\ndata\n\ndata:  two spaces\n\n");
        assertThat(events).extracting(HttpSseEvent::data).containsExactly("first\nsecond\n", " two spaces");
        assertThat(events).extracting(HttpSseEvent::event).containsOnly("message");
    }

    @Test
    void handlesEventIdRetryCommentsAndUnknownFields() {
        List<HttpSseEvent> events = parse(": keep-alive\nevent: add\nid: 7\nretry: 1500\nfoo: bar\ndata: x\n\n"
                + "data: y\n\nid\nretry: soon\ndata: z\n\n");
        assertThat(events)
                .containsExactly(
                        new HttpSseEvent("add", "x", "7", Duration.ofMillis(1500)),
                        new HttpSseEvent("message", "y", "7", null), // the last event ID is sticky
                        new HttpSseEvent("message", "z", "", null)); // "id" with no value resets it; bad retry ignored
    }

    @Test
    void acceptsCrLfCrAndLfLineEndingsAndALeadingBom() {
        String text = "\uFEFFdata: a\r\n\r\ndata: b\r\rdata: c\n\n";
        assertThat(parse(text)).extracting(HttpSseEvent::data).containsExactly("a", "b", "c");
        assertThat(parse("data: \uFEFFkept\n\n")).extracting(HttpSseEvent::data).containsExactly("\uFEFFkept");
    }

    @Test
    void eventsWithoutDataAreNotDispatchedAndAnUnterminatedEventIsDiscarded() {
        assertThat(parse("event: ping\n\nid: 1\n\ndata: done\n\ndata: cut off"))
                .extracting(HttpSseEvent::data)
                .containsExactly("done");
        assertThat(parse("event: ping\n\ndata: after\n\n"))
                .extracting(HttpSseEvent::event)
                .containsExactly("message");
    }

    @Test
    void doneSentinelEndsTheStreamAndClosesTheBody() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in =
                new ByteArrayInputStream(
                        "data: 1\n\ndata: [DONE]\n\ndata: never\n\n".getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public void close() {
                        closed.set(true);
                    }
                };
        assertThat(HttpSse.stream(in, Integer::parseInt).collect(Collectors.toList()))
                .containsExactly(1);
        assertThat(closed).isTrue();
        assertThat(parse("data: [DONE] \n\ndata: x\n\n")).hasSize(2); // only the exact sentinel ends it
    }

    @Test
    void mapperFailuresSurfaceAsUncheckedIoAndClosingTheStreamClosesTheBody() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream("data: x\n\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        Stream<Object> stream = HttpSse.stream(in, data -> {
            throw new IOException("bad json");
        });
        assertThatThrownBy(() -> stream.findFirst())
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("bad json");
        stream.close();
        assertThat(closed).isTrue();
    }

    @Test
    void ndjsonSkipsBlankLinesAndHandlesCrLfAndAMissingFinalNewline() {
        try (Stream<String> lines = HttpNdjson.lines(body("{\"a\":1}\r\n\n  \n{\"a\":2}\n{\"a\":3}"))) {
            assertThat(lines).containsExactly("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
        }
        try (Stream<Integer> values = HttpNdjson.stream(body("1\n2\n"), Integer::parseInt)) {
            assertThat(values).containsExactly(1, 2);
        }
    }

    @Test
    void lineReaderReturnsACrTerminatedLineWithoutWaitingForTheNextByte() throws IOException {
        // A stream that fails if read past the CR proves the reader does not peek for an LF.
        InputStream in = new InputStream() {
            private final byte[] bytes = "abc\r".getBytes(StandardCharsets.UTF_8);
            private int pos;

            @Override
            public int read() {
                if (pos < bytes.length) {
                    return bytes[pos++];
                }
                throw new AssertionError("read past the CR");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    throw new AssertionError("read past the CR");
                }
                int n = Math.min(len, bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        try (HttpLineReader reader = new HttpLineReader(in)) {
            assertThat(reader.readLine()).isEqualTo("abc");
        }
    }
}
