package autosdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seam between the {@link HttpExecutor} (credentials, retries, redirects, limits, logging) and the library
 * that moves bytes: {@code JdkHttpTransport} on the JDK's HTTP client or {@code OkHttpTransport} on OkHttp. The
 * generator copies exactly one of them into an SDK, so an OkHttp SDK names no type of the JDK's HTTP client.
 *
 * <p>A transport sends one request and returns as soon as the response headers are in; it never follows
 * redirects or retries on its own (the executor does, under its rules). The body comes as an
 * {@link HttpResponseBody}, which bounds reads in time and size the same way on every transport.
 */
public interface HttpTransport {

    /**
     * Sends {@code request}. Failures before the headers arrive are {@link IOException}s: a
     * {@link java.net.ConnectException} when the server could not be reached (connect refused or timed out: safe to
     * retry), a {@link java.net.SocketTimeoutException} when {@link Request#timeout()} passed first.
     */
    Exchange send(Request request) throws IOException, InterruptedException;

    /**
     * One request. {@code headers} are name/value pairs in sending order (names set once each); {@code body} is
     * {@code null} for none, else a stream opened for this attempt with its length, -1 when unknown (sent chunked).
     * {@code timeout} bounds the wait for the response headers ({@code null}: none).
     */
    record Request(
            String method,
            URI uri,
            List<Map.Entry<String, String>> headers,
            InputStream body,
            long bodyLength,
            Duration timeout) {}

    /** A response whose headers arrived; its body is read (and must be closed) by the caller. */
    record Exchange(int statusCode, HttpHeaders headers, HttpResponseBody body) {}
}
