package autosdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a successful response body into a value; generated code supplies one per operation (typically a
 * jackson-core streaming reader), and ready ones exist for void, bytes, String and raw InputStream.
 *
 * <p>The executor closes the body after {@link #decode} returns, unless {@link #keepsBodyOpen()} is true:
 * then the returned value (a stream, an InputStream) owns the body and the caller must close it.
 */
@FunctionalInterface
public interface HttpResponseDecoder<T> {

    /** Reads {@code body} and returns the value. */
    T decode(InputStream body, HttpHeaders headers) throws IOException;

    /** Whether the returned value owns the body, so the executor must not close it. */
    default boolean keepsBodyOpen() {
        return false;
    }

    /** Discards the body (for operations without a response model); reads it to the end so the connection is reused. */
    static HttpResponseDecoder<Void> discard() {
        return (body, headers) -> {
            body.transferTo(OutputStream.nullOutputStream());
            return null;
        };
    }

    /** The whole body as bytes. */
    static HttpResponseDecoder<byte[]> bytes() {
        return (body, headers) -> body.readAllBytes();
    }

    /** The whole body as text, in the charset of {@code Content-Type} (UTF-8 when none is given). */
    static HttpResponseDecoder<String> string() {
        return (body, headers) -> new String(body.readAllBytes(), charsetOf(headers));
    }

    /** The raw body as it arrives; the caller must close it to release the connection. */
    static HttpResponseDecoder<InputStream> inputStream() {
        return keepingBodyOpen((body, headers) -> body);
    }

    /** Marks {@code decoder} as owning the body: the executor will not close it after decoding. */
    static <T> HttpResponseDecoder<T> keepingBodyOpen(HttpResponseDecoder<T> decoder) {
        return new HttpResponseDecoder<>() {
            @Override
            public T decode(InputStream body, HttpHeaders headers) throws IOException {
                return decoder.decode(body, headers);
            }

            @Override
            public boolean keepsBodyOpen() {
                return true;
            }
        };
    }

    /** The charset parameter of the {@code Content-Type} header, or UTF-8. */
    static Charset charsetOf(HttpHeaders headers) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        for (String param : contentType.split(";", -1)) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8; // an unknown charset is no reason to fail the call
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
