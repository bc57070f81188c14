package autosdk.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * An {@link HttpTransport} on OkHttp 5 (selected with {@code --transport okhttp}): for Android, where
 * the JDK's HTTP client does not exist, and for teams whose proxies, TLS, interceptors and pools live on an
 * {@link OkHttpClient}.
 *
 * <p>OkHttp never follows redirects here (the executor does, keeping credentials on the original origin), and
 * its own timeouts are not what bounds a call: the executor's request timeout covers the wait for the headers
 * (enforced by cancelling the call) and the {@link HttpResponseBody} bounds the body in time and size, exactly
 * as on the JDK transport. The body is read one chunk at a time, only as the reader asks for it.
 */
public final class OkHttpTransport implements HttpTransport {

    private static final Set<String> NEEDS_BODY = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");
    private static final int CHUNK = 16 * 1024;

    private final OkHttpClient client;

    /**
     * A transport over a client created from {@code config}: its connect timeout, no redirects, no silent retries
     * (the SDK's retry policy decides), and no read/write/call timeouts of OkHttp's own (the SDK's apply).
     */
    public OkHttpTransport(HttpConfig config) {
        this(new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .build());
    }

    /**
     * A transport over a client the caller configured: its proxy, TLS, interceptors, connection pool and timeouts
     * apply (its read timeout too, per read, on top of the SDK's stream idle timeout). Redirects are always left to
     * the SDK: a client derived from it (sharing its pool and dispatcher) with redirects off is used.
     */
    public OkHttpTransport(OkHttpClient client) {
        this.client = Objects.requireNonNull(client, "client")
                .newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /** The client in use. */
    public OkHttpClient client() {
        return client;
    }

    @Override
    public Exchange send(HttpTransport.Request request) throws IOException, InterruptedException {
        okhttp3.Request.Builder b =
                new okhttp3.Request.Builder().url(request.uri().toString());
        for (Map.Entry<String, String> h : request.headers()) {
            b.header(h.getKey(), h.getValue());
        }
        // An in-memory body is not one-shot: OkHttp may then re-send it on a fresh connection when a pooled one was
        // stale.
        RequestBody body = request.body() instanceof ByteArrayInputStream bytes
                ? RequestBody.create(bytes.readAllBytes(), (MediaType) null)
                : request.body() != null
                        ? new StreamBody(request.body(), request.bodyLength())
                        : NEEDS_BODY.contains(request.method().toUpperCase(Locale.ROOT))
                                ? RequestBody.create(new byte[0], (MediaType) null)
                                : null;
        Call call = client.newCall(b.method(request.method(), body).build());
        Deadline deadline = Deadline.start(call, request.timeout());
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw deadline.passed()
                    ? timeout(e)
                    : connectFailure(e) ? (ConnectException) new ConnectException(e.getMessage()).initCause(e) : e;
        }
        if (!deadline.stop()) {
            response.close();
            throw timeout(new InterruptedIOException("timeout"));
        }
        HttpResponseBody received = new HttpResponseBody();
        received.onSubscribe(new Pump(call, response, received));
        return new Exchange(response.code(), headers(response), received);
    }

    private static SocketTimeoutException timeout(IOException cause) {
        return (SocketTimeoutException) new SocketTimeoutException("request timed out").initCause(cause);
    }

    /** A connect refused (OkHttp: ConnectException) or timed out (the socket's "Connect timed out"). */
    private static boolean connectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SocketTimeoutException
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out")) {
                return true;
            }
        }
        return false;
    }

    private static HttpHeaders headers(Response response) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            map.computeIfAbsent(headers.name(i), k -> new ArrayList<>()).add(headers.value(i));
        }
        return HttpHeaders.of(map);
    }

    /** The request body: the attempt's stream, sent once, with its length when known (else chunked). */
    private static final class StreamBody extends RequestBody {
        private final InputStream in;
        private final long length;

        StreamBody(InputStream in, long length) {
            this.in = in;
            this.length = length;
        }

        @Override
        public MediaType contentType() {
            return null; // the Content-Type header is set by the executor
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (Source source = Okio.source(in)) {
                sink.writeAll(source);
            }
        }
    }

    /** Cancels the call when the wait for the headers outlasts the timeout; {@link #stop} and the timer race fairly. */
    private static final class Deadline {
        private static final ScheduledExecutorService TIMER =
                Executors.newSingleThreadScheduledExecutor(daemon("autosdk-okhttp-timer"));
        private final AtomicInteger state = new AtomicInteger(); // 0 waiting, 1 answered, 2 timed out
        private ScheduledFuture<?> task;

        static Deadline start(Call call, Duration timeout) {
            Deadline d = new Deadline();
            if (timeout != null) {
                d.task = TIMER.schedule(
                        () -> {
                            if (d.state.compareAndSet(0, 2)) {
                                call.cancel();
                            }
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            return d;
        }

        /** True when the headers came in time (the timer is then off); false when the timeout won. */
        boolean stop() {
            if (task != null) {
                task.cancel(false);
            }
            return state.compareAndSet(0, 1);
        }

        boolean passed() {
            stop();
            return state.get() == 2;
        }
    }

    /**
     * Reads the body for the {@link HttpResponseBody}: each request(1) reads one chunk on a pool thread (the reader
     * asks for the next only after taking one, so reads never overlap); cancel aborts the call.
     */
    private static final class Pump implements Flow.Subscription {
        private static final ExecutorService READERS = Executors.newCachedThreadPool(daemon("autosdk-okhttp-body"));
        private final Call call;
        private final Response response;
        private final InputStream in;
        private final HttpResponseBody target;
        private volatile boolean done;

        Pump(Call call, Response response, HttpResponseBody target) {
            this.call = call;
            this.response = response;
            this.in = response.body().byteStream();
            this.target = target;
        }

        @Override
        public void request(long n) {
            if (!done) {
                READERS.execute(this::readOne);
            }
        }

        private void readOne() {
            if (done) {
                return;
            }
            try {
                byte[] buffer = new byte[CHUNK];
                int read = in.read(buffer);
                if (read < 0) {
                    finish();
                    target.onComplete();
                } else {
                    target.onNext(List.of(ByteBuffer.wrap(buffer, 0, read)));
                }
            } catch (IOException | RuntimeException e) {
                boolean cancelled = done;
                finish();
                if (!cancelled) {
                    target.onError(e); // after a cancel no more signals: the reader was already woken with the end
                }
            }
        }

        @Override
        public void cancel() {
            if (!done) {
                done = true;
                call.cancel(); // unblocks a read in progress; the reader thread then closes the response
                READERS.execute(response::close);
            }
        }

        private void finish() {
            done = true;
            response.close(); // returns the connection to the pool once the body was read to its end
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
