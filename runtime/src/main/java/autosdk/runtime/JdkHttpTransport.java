package autosdk.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The default {@link HttpTransport}, on the JDK's {@code java.net.http} (no dependency beyond the JDK).
 *
 * <p>The client it creates follows no redirects (the executor does, keeping credentials on the original origin)
 * and verifies certificates and host names as the JDK does by default.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;

    /** A transport over a client created from {@code config}: its connect timeout and executor, no redirects. */
    public JdkHttpTransport(HttpConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.executor() != null) {
            builder.executor(config.executor());
        }
        this.client = builder.build();
    }

    /**
     * A transport over a client the caller configured (its proxy, TLS, executor and connect timeout apply). Give it
     * {@code Redirect.NEVER}: a client that follows redirects itself would bypass the SDK's same-origin rule.
     */
    public JdkHttpTransport(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The underlying client. */
    public HttpClient client() {
        return client;
    }

    @Override
    public Exchange send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri());
        if (request.timeout() != null) {
            b.timeout(request.timeout());
        }
        for (Map.Entry<String, String> h : request.headers()) {
            b.setHeader(h.getKey(), h.getValue());
        }
        b.method(request.method(), publisher(request.body(), request.bodyLength()));
        HttpResponse<HttpResponseBody> response;
        try {
            response = client.send(b.build(), info -> new Subscriber(new HttpResponseBody()));
        } catch (HttpConnectTimeoutException e) {
            throw (ConnectException) new ConnectException(e.getMessage()).initCause(e);
        } catch (HttpTimeoutException e) {
            throw (SocketTimeoutException) new SocketTimeoutException(e.getMessage()).initCause(e);
        }
        return new Exchange(
                response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
    }

    private static BodyPublisher publisher(InputStream body, long length) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        if (body instanceof ByteArrayInputStream bytes) {
            // In memory: a byte-array publisher can be subscribed again if the client re-sends on a fresh connection.
            return BodyPublishers.ofByteArray(bytes.readAllBytes());
        }
        BodyPublisher stream = BodyPublishers.ofInputStream(() -> body);
        return length > 0
                ? BodyPublishers.fromPublisher(stream, length)
                : length == 0 ? BodyPublishers.noBody() : stream;
    }

    /** Hands the JDK's chunks to the {@link HttpResponseBody}, which the call returns as soon as the headers are in. */
    private static final class Subscriber implements HttpResponse.BodySubscriber<HttpResponseBody> {
        private final HttpResponseBody body;
        private final CompletableFuture<HttpResponseBody> ready;

        Subscriber(HttpResponseBody body) {
            this.body = body;
            this.ready = CompletableFuture.completedFuture(body);
        }

        @Override
        public CompletionStage<HttpResponseBody> getBody() {
            return ready;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            body.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            body.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            body.onError(throwable);
        }

        @Override
        public void onComplete() {
            body.onComplete();
        }
    }
}
