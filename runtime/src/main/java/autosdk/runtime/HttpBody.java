package autosdk.runtime;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A request body: its content type and a fresh {@link BodyPublisher} per attempt, so retries re-send it.
 *
 * <p>Bodies over an {@link InputStream} can be sent once only ({@link #repeatable()} is false); the executor
 * never retries them, and a second {@link #publisher()} call fails instead of sending a truncated body.
 * File bodies are read from disk while sending, never buffered whole.
 */
public final class HttpBody {

    private final String contentType;
    private final boolean repeatable;
    private final Supplier<BodyPublisher> publisher;
    private final AtomicBoolean used = new AtomicBoolean();
    /** The bytes of an in-memory body (for the DEBUG wire log); {@code null} for files, streams and custom publishers. */
    private final byte[] inMemory;

    private HttpBody(String contentType, boolean repeatable, Supplier<BodyPublisher> publisher) {
        this(contentType, repeatable, publisher, null);
    }

    private HttpBody(String contentType, boolean repeatable, Supplier<BodyPublisher> publisher, byte[] inMemory) {
        this.contentType = contentType == null ? null : HttpParams.requireHeaderValue(contentType);
        this.repeatable = repeatable;
        this.publisher = publisher;
        this.inMemory = inMemory;
    }

    /** The in-memory bytes, or {@code null} when the body is read while sending (never read for logging). */
    byte[] inMemory() {
        return inMemory;
    }

    /** A custom body; {@code publisher} is called once per attempt. */
    public static HttpBody of(String contentType, boolean repeatable, Supplier<BodyPublisher> publisher) {
        return new HttpBody(contentType, repeatable, Objects.requireNonNull(publisher, "publisher"));
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
        return new HttpBody(contentType, true, () -> BodyPublishers.ofByteArray(copy), copy);
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
        return new HttpBody(contentType, true, () -> ofFile(file));
    }

    /** A one-shot stream (sent chunked, read while sending); not repeatable, so never retried. */
    public static HttpBody stream(InputStream in, String contentType) {
        Objects.requireNonNull(in, "in");
        return new HttpBody(contentType, false, () -> BodyPublishers.ofInputStream(() -> in));
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

    /** A publisher for one attempt; fails on a second call for a body that is not repeatable. */
    public BodyPublisher publisher() {
        if (!repeatable && used.getAndSet(true)) {
            throw new IllegalStateException("this request body reads an InputStream and can be sent only once");
        }
        return publisher.get();
    }

    static BodyPublisher ofFile(Path file) {
        try {
            return BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot read request body file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "HttpBody[" + contentType + (repeatable ? "" : ", one-shot") + "]";
    }
}
