package autosdk.runtime;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content of one file part of a {@code multipart/form-data} request: where the bytes come from (a
 * {@link Path} read while sending, an {@link InputStream} read once, or a {@code byte[]}), the file name sent in
 * {@code Content-Disposition}, and the part's content type.
 */
public final class HttpFile {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final String fileName;
    private final String contentType;
    private final boolean repeatable;
    private final HttpBody.Content content;

    private HttpFile(String fileName, String contentType, boolean repeatable, HttpBody.Content content) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.contentType = contentType == null ? OCTET_STREAM : HttpParams.requireHeaderValue(contentType);
        this.repeatable = repeatable;
        this.content = content;
    }

    /** A file streamed from disk, named after it, as {@code application/octet-stream}. */
    public static HttpFile of(Path file) {
        return of(file, OCTET_STREAM);
    }

    /** A file streamed from disk, named after it. */
    public static HttpFile of(Path file, String contentType) {
        Objects.requireNonNull(file, "file");
        return of(file, file.getFileName().toString(), contentType);
    }

    /** A file streamed from disk (re-read on every attempt) under another name. */
    public static HttpFile of(Path file, String fileName, String contentType) {
        Objects.requireNonNull(file, "file");
        return new HttpFile(fileName, contentType, true, HttpBody.Content.of(file));
    }

    /** In-memory content. */
    public static HttpFile of(byte[] content, String fileName, String contentType) {
        byte[] copy = Objects.requireNonNull(content, "content").clone();
        return new HttpFile(fileName, contentType, true, HttpBody.Content.of(copy));
    }

    /** Content read from a stream while sending; a request carrying it is sent once and never retried. */
    public static HttpFile of(InputStream content, String fileName, String contentType) {
        Objects.requireNonNull(content, "content");
        return new HttpFile(fileName, contentType, false, HttpBody.Content.of(() -> content));
    }

    /** The file name sent with the part. */
    public String fileName() {
        return fileName;
    }

    /** The part's content type ({@code application/octet-stream} unless given). */
    public String contentType() {
        return contentType;
    }

    /** Whether the content can be sent again (false for an InputStream). */
    public boolean repeatable() {
        return repeatable;
    }

    HttpBody.Content content() {
        return content;
    }

    @Override
    public String toString() {
        return "HttpFile[" + fileName + ", " + contentType + (repeatable ? "" : ", one-shot") + "]";
    }
}
