package autosdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} that is bounded in time and size, which the JDK's own
 * {@code ofInputStream()} is not: its reads block for as long as the server likes.
 *
 * <ul>
 *   <li>A <b>deadline</b>: a read that would block past it fails with {@link SocketTimeoutException}. The executor
 *       sets it to the end of the call's timeout, so the timeout covers the body and not only the headers.</li>
 *   <li>An <b>idle timeout</b> for streams: once {@link #startItem} is called (by the SSE and NDJSON readers
 *       before each event), every event must be complete within the idle timeout of being asked for; a raw
 *       {@code InputStream} without items instead fails when no byte arrives within it.</li>
 *   <li>A <b>size limit</b>: reading more than the limit fails with an {@link IOException} naming it.</li>
 * </ul>
 *
 * <p>Bytes are requested from the connection one chunk at a time, only as the reader consumes them, so a fast
 * server cannot fill memory ahead of a slow reader. Closing (or any failure) cancels the exchange.
 *
 * <p>Transports feed it as a {@link Flow.Subscriber}: the JDK's body subscriber hands its chunks on as they come,
 * OkHttp's reads one chunk per request. Cancelling the subscription must abort the exchange.
 */
final class HttpResponseBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final List<ByteBuffer> END = List.of();

    private final LinkedBlockingQueue<List<ByteBuffer>> chunks = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;
    private Iterator<ByteBuffer> pending;
    private ByteBuffer current;
    private boolean ended;
    private volatile boolean closed;

    /** Nanos ({@link System#nanoTime}) after which reads fail; {@code null} for none. */
    private Long deadline;

    private String deadlineText = "";
    private Duration idleTimeout;
    private boolean perItem;
    private long limit = -1;
    private String limitText = "";
    private long read;
    private final byte[] single = new byte[1];

    /** Reads blocking past {@code nanoTime} fail; {@code text} says which timeout that was, for the message. */
    void deadline(long nanoTime, String text) {
        this.deadline = nanoTime;
        this.deadlineText = text;
    }

    /** Switches to stream mode: no whole-body deadline, but no progress within {@code idle} fails (null: never). */
    void idleTimeout(Duration idle) {
        this.idleTimeout = idle;
        this.deadline = idle == null ? null : System.nanoTime() + idle.toNanos();
        this.deadlineText =
                idle == null ? "" : "no data within the stream idle timeout of " + HttpResponseBody.show(idle);
    }

    /** Reading more than {@code maxBytes} fails; {@code text} names the setting, for the message. */
    void limit(long maxBytes, String text) {
        this.limit = maxBytes;
        this.limitText = text;
    }

    /**
     * Called by a stream reader before it waits for its next item (an SSE event, an NDJSON line): from then on the
     * idle timeout counts per item, so a server that trickles bytes without ever completing an event still fails.
     * A no-op for other streams (bodies not from the executor, or without an idle timeout).
     */
    static void startItem(InputStream body, String item) {
        if (body instanceof HttpResponseBody b && b.idleTimeout != null) {
            b.perItem = true;
            b.deadline = System.nanoTime() + b.idleTimeout.toNanos();
            b.deadlineText = "no " + item + " within the stream idle timeout of " + show(b.idleTimeout);
        }
    }

    static String show(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    // ---------------------------------------------------------------- Flow.Subscriber (the transport's threads)

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.offer(item);
    }

    @Override
    public void onError(Throwable t) {
        // Our own cancel() sets closed first; newer JDKs (17.0.21) then report the cancel back as "subscription
        // cancelled", which is the end this reader asked for, not a failure.
        if (!closed) {
            failure = t;
        }
        chunks.offer(END);
    }

    @Override
    public void onComplete() {
        chunks.offer(END);
    }

    // ---------------------------------------------------------------- InputStream (the reader's thread)

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) == -1 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        if (limit >= 0 && read + n > limit) {
            cancel();
            throw new IOException("the response body is larger than " + limitText);
        }
        current.get(b, off, n);
        read += n;
        if (!perItem && idleTimeout != null) {
            deadline = System.nanoTime() + idleTimeout.toNanos(); // raw stream: any progress restarts the clock
        }
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** Makes {@link #current} a buffer with bytes; false at the end of the body. */
    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (closed) {
                throw new IOException("the response body is closed");
            }
            if (pending != null && pending.hasNext()) {
                current = pending.next();
                continue;
            }
            if (ended) {
                return false;
            }
            List<ByteBuffer> next = take();
            if (next == END) {
                ended = true;
                if (failure != null) {
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                return false;
            }
            pending = next.iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1); // the next chunk may come while this one is being read
            }
        }
        return true;
    }

    private List<ByteBuffer> take() throws IOException {
        try {
            if (deadline == null) {
                return chunks.take();
            }
            long wait = deadline - System.nanoTime();
            List<ByteBuffer> next = wait > 0 ? chunks.poll(wait, TimeUnit.NANOSECONDS) : chunks.poll();
            if (next == null) {
                cancel();
                throw new SocketTimeoutException(deadlineText);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException("interrupted while reading the response body");
        }
    }

    private void cancel() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel(); // releases (closes) the connection instead of leaving it to the server
        }
        chunks.clear();
        chunks.offer(END); // wakes a reader blocked in another thread: after a cancel no more signals may come
    }

    /** Cancels the exchange unless the body has already fully arrived (then the connection can be reused). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<ByteBuffer> arrived;
        while (!ended && (arrived = chunks.poll()) != null) {
            ended = arrived == END;
        }
        if (ended) {
            closed = true;
        } else {
            cancel();
        }
    }
}
