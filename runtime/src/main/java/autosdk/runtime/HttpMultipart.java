package autosdk.runtime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@code multipart/form-data} body (RFC 7578) whose parts are streamed: file parts are read from
 * disk or from their stream while sending, never copied into memory.
 *
 * <p>The body is a concatenation of the small part headers and one stream per part, so its length is known (and
 * sent as {@code Content-Length}) unless a part is an InputStream.
 */
public final class HttpMultipart {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    private static final class Part {
        final String headers;
        final HttpBody.Content content;
        final boolean repeatable;

        Part(String headers, HttpBody.Content content, boolean repeatable) {
            this.headers = headers;
            this.content = content;
            this.repeatable = repeatable;
        }
    }

    HttpMultipart() {
        // Random so that file content cannot contain the boundary by accident or by design.
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder("autosdk-");
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        this.boundary = sb.toString();
    }

    /** The boundary between parts. */
    public String boundary() {
        return boundary;
    }

    /** A text field (sent as UTF-8 without a part Content-Type, i.e. {@code text/plain}). */
    public HttpMultipart text(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return add(name, null, null, HttpBody.Content.of(bytes), true);
    }

    /** A non-file part with its own content type, e.g. a JSON document. */
    public HttpMultipart part(String name, byte[] content, String contentType) {
        byte[] copy = content.clone();
        return add(name, null, contentType, HttpBody.Content.of(copy), true);
    }

    /** A file part from bytes. */
    public HttpMultipart file(String name, byte[] content, String fileName, String contentType) {
        byte[] copy = content.clone();
        return add(name, Objects.requireNonNull(fileName, "fileName"), contentType, HttpBody.Content.of(copy), true);
    }

    /** A file part streamed from disk, re-read on every attempt. */
    public HttpMultipart file(String name, Path file, String fileName, String contentType) {
        Objects.requireNonNull(file, "file");
        return add(name, Objects.requireNonNull(fileName, "fileName"), contentType, HttpBody.Content.of(file), true);
    }

    /** A file part streamed from disk, named after the file. */
    public HttpMultipart file(String name, Path file, String contentType) {
        return file(name, file, file.getFileName().toString(), contentType);
    }

    /** A file part read from a stream while sending; makes the whole body one-shot (never retried). */
    public HttpMultipart file(String name, InputStream content, String fileName, String contentType) {
        Objects.requireNonNull(content, "content");
        return add(
                name,
                Objects.requireNonNull(fileName, "fileName"),
                contentType,
                HttpBody.Content.of(() -> content),
                false);
    }

    /** A file part from an {@link HttpFile} (its name, content type and content). */
    public HttpMultipart file(String name, HttpFile file) {
        Objects.requireNonNull(file, "file");
        return add(name, file.fileName(), file.contentType(), file.content(), file.repeatable());
    }

    /** The finished body. */
    public HttpBody build() {
        List<Part> snapshot = List.copyOf(parts);
        boolean repeatable = snapshot.stream().allMatch(p -> p.repeatable);
        byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpBody.of("multipart/form-data; boundary=" + boundary, repeatable, new HttpBody.Content() {
            @Override
            public InputStream open() {
                List<InputStream> streams = new ArrayList<>();
                for (Part part : snapshot) {
                    streams.add(new ByteArrayInputStream(part.headers.getBytes(StandardCharsets.UTF_8)));
                    streams.add(part.content.open());
                    streams.add(new ByteArrayInputStream(CRLF));
                }
                streams.add(new ByteArrayInputStream(end));
                return new SequenceInputStream(Collections.enumeration(streams));
            }

            @Override
            public long length() {
                long total = end.length;
                for (Part part : snapshot) {
                    long content = part.content.length();
                    if (content < 0) {
                        return -1;
                    }
                    total += part.headers.getBytes(StandardCharsets.UTF_8).length + content + CRLF.length;
                }
                return total;
            }
        });
    }

    private HttpMultipart add(
            String name, String fileName, String contentType, HttpBody.Content content, boolean repeatable) {
        StringBuilder h = new StringBuilder();
        h.append("--").append(boundary).append("\r\n");
        h.append("Content-Disposition: form-data; name=\"")
                .append(quote(Objects.requireNonNull(name, "name")))
                .append('"');
        if (fileName != null) {
            h.append("; filename=\"").append(quote(fileName)).append('"');
        }
        h.append("\r\n");
        if (contentType != null) {
            h.append("Content-Type: ")
                    .append(HttpParams.requireHeaderValue(contentType))
                    .append("\r\n");
        }
        h.append("\r\n");
        parts.add(new Part(h.toString(), content, repeatable));
        return this;
    }

    /** Escapes a quoted-string value the way browsers do (WHATWG): {@code " CR LF} become %22 %0D %0A. */
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
