package autosdk.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A request body: its content type and a fresh stream of its bytes per attempt, so retries re-send it. Transports
 * send that stream as it is read (with its length when known, else chunked), so nothing is buffered twice.
 *
 * <p>Bodies over an {@link InputStream} can be sent once only ({@link #repeatable()} is false); the executor
 * never retries them, and a second {@link #open()} call fails instead of sending a truncated body.
 * File bodies are read from disk while sending, never buffered whole.
 */
public final class HttpBody {

    private final String contentType;
    private final boolean repeatable;
    private final Content content;
    private final AtomicBoolean used = new AtomicBoolean();
    /**
     * The bytes of an in-memory body (for the DEBUG wire log); {@code null} for files, streams and custom publishers.
     */
    private final byte[] inMemory;

    /** The bytes of one attempt, opened when it starts; {@link #length()} is -1 when unknown. */
    interface Content {
        InputStream open();

        long length();

        static Content of(byte[] bytes) {
            return new Content() {
                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public long length() {
                    return bytes.length;
                }
            };
        }

        static Content of(Supplier<InputStream> stream) {
            return new Content() {
                @Override
                public InputStream open() {
                    return Objects.requireNonNull(stream.get(), "body stream");
                }

                @Override
                public long length() {
                    return -1;
                }
            };
        }

        /** A file read from disk while sending; a missing file fails here, before anything is sent. */
        static Content of(Path file) {
            return new Content() {
                @Override
                public InputStream open() {
                    try {
                        return Files.newInputStream(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read request body file " + file, e);
                    }
                }

                @Override
                public long length() {
                    try {
                        return Files.size(file);
                    } catch (IOException e) {
                        return -1;
                    }
                }
            };
        }
    }

    private HttpBody(String contentType, boolean repeatable, Content content) {
        this(contentType, repeatable, content, null);
    }

    private HttpBody(String contentType, boolean repeatable, Content content, byte[] inMemory) {
        this.contentType = contentType == null ? null : HttpParams.requireHeaderValue(contentType);
        this.repeatable = repeatable;
        this.content = content;
        this.inMemory = inMemory;
    }

    static HttpBody of(String contentType, boolean repeatable, Content content) {
        return new HttpBody(contentType, repeatable, content);
    }

    /** The in-memory bytes, or {@code null} when the body is read while sending (never read for logging). */
    byte[] inMemory() {
        return inMemory;
    }

    /** A custom body of unknown length (sent chunked); {@code content} is called once per attempt. */
    public static HttpBody of(String contentType, boolean repeatable, Supplier<InputStream> content) {
        return new HttpBody(contentType, repeatable, Content.of(Objects.requireNonNull(content, "content")));
    }

    /** Serialized JSON as {@code application/json}. */
    public static HttpBody json(byte[] json) {
        return bytes(json, "application/json");
    }

    /** Serialized JSON with another JSON media type (e.g. {@code application/merge-patch+json}). */
    public static HttpBody json(byte[] json, String contentType) {
        return bytes(json, contentType);
    }

    /** Bytes with the given content type. */
    public static HttpBody bytes(byte[] data, String contentType) {
        byte[] copy = Objects.requireNonNull(data, "data").clone();
        return new HttpBody(contentType, true, Content.of(copy), copy);
    }

    /** Text encoded as UTF-8 (add {@code ; charset=utf-8} to the content type if the server needs it). */
    public static HttpBody text(String text, String contentType) {
        return bytes(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Raw bytes as {@code application/octet-stream}. */
    public static HttpBody octetStream(byte[] data) {
        return bytes(data, "application/octet-stream");
    }

    /** A file streamed from disk as {@code application/octet-stream}. */
    public static HttpBody octetStream(Path file) {
        return file(file, "application/octet-stream");
    }

    /** A one-shot stream as {@code application/octet-stream}; not repeatable, so never retried. */
    public static HttpBody octetStream(InputStream in) {
        return stream(in, "application/octet-stream");
    }

    /** A file streamed from disk, re-read on every attempt. */
    public static HttpBody file(Path file, String contentType) {
        Objects.requireNonNull(file, "file");
        return new HttpBody(contentType, true, Content.of(file));
    }

    /** A one-shot stream (sent chunked, read while sending); not repeatable, so never retried. */
    public static HttpBody stream(InputStream in, String contentType) {
        Objects.requireNonNull(in, "in");
        return new HttpBody(contentType, false, Content.of(() -> in));
    }

    /**
     * {@code application/x-www-form-urlencoded} from a map; list values repeat the key, {@code null}s are left out.
     * Names and values are percent-encoded per RFC 3986 (a space becomes {@code %20}, which every form parser reads).
     */
    public static HttpBody form(Map<String, ?> fields) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            Object value = HttpParams.normalize(e.getValue());
            if (value == null) {
                continue;
            }
            String name = HttpParams.encode(e.getKey());
            if (value instanceof List) {
                for (Object item : (List<?>) value) {
                    pairs.add(name + "=" + HttpParams.encode(HttpParams.toText(item)));
                }
            } else {
                pairs.add(name + "=" + HttpParams.encode(HttpParams.toText(value)));
            }
        }
        return text(String.join("&", pairs), "application/x-www-form-urlencoded");
    }

    /** Starts a streamed {@code multipart/form-data} body. */
    public static HttpMultipart multipart() {
        return new HttpMultipart();
    }

    /** The {@code Content-Type} header value, or {@code null} to send none. */
    public String contentType() {
        return contentType;
    }

    /** Whether the body can be sent again (false for bodies over an InputStream). */
    public boolean repeatable() {
        return repeatable;
    }

    /** The bytes for one attempt; fails on a second call for a body that is not repeatable. */
    public InputStream open() {
        if (!repeatable && used.getAndSet(true)) {
            throw new IllegalStateException("this request body reads an InputStream and can be sent only once");
        }
        return content.open();
    }

    /** The length in bytes, or -1 when unknown (the body is then sent chunked). */
    public long length() {
        return content.length();
    }

    @Override
    public String toString() {
        return "HttpBody[" + contentType + (repeatable ? "" : ", one-shot") + "]";
    }
}
