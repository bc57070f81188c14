package autosdk.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One client WebSocket connection on a {@link WsTransport} (the JDK's WebSocket client or OkHttp) that
 * adds what the library leaves to the caller: serialized sends, message reassembly, a single terminal notification,
 * keep-alive and opt-in reconnect.
 *
 * <p><b>Sending.</b> The JDK allows one outstanding text/binary send at a time. Every send here goes through one FIFO
 * queue and is written whole, in submission order, whatever thread submitted it; the returned future completes when
 * the frame has been written. Sends submitted while {@link WsState#CONNECTING} or {@link WsState#RECONNECTING} wait in
 * the queue. Sends after {@link #close} was called, or once {@link WsState#CLOSED}, fail with
 * {@link WsClosedException}.
 * A send that was being written when the connection dropped fails too (it is not retried: it may have been delivered).
 * If reconnecting gives up, every queued send fails with {@link WsClosedException}. The bytes of unsent messages are
 * limited by {@link WsConfig#maxQueuedBytes()}: a send that would exceed it fails at once with
 * {@link WsLimitExceededException} (the connection stays open), so a server that stops reading cannot exhaust the heap.
 *
 * <p><b>Receiving.</b> Fragments are reassembled and each complete message is passed to the {@link WsListener} on this
 * connection's own event thread. On a transport that reads on a thread of its own (OkHttp), reading runs ahead of
 * the callbacks, so it overlaps with them, but only within a small window: once 16 received messages or 256 Ki
 * characters (bytes, for binary) wait for the event thread, nothing more is read until the callbacks have worked that
 * down to half. On the JDK the next message is requested when the callback returns (the JDK then reads it on the
 * event thread). Either way a slow consumer applies TCP backpressure, and what the connection holds is bounded (on
 * OkHttp: that window plus one message, or two messages). Pings are answered with pongs by the JDK. A throwing
 * callback is reported to {@link WsListener#onError} and reading continues. A message larger than
 * {@link WsConfig#maxMessageSize()} is discarded while it arrives and closes the connection, reported as
 * {@code onClose(1009, "message too big: …")} with a {@link WsLimitExceededException} as {@link #closeCause()} (the
 * close frame on the wire says 1008, see {@code messageTooBig}).
 *
 * <p><b>Dead peers.</b> With a {@link WsConfig#pingInterval()}, a server that sends nothing at all (no pong, no other
 * frame) for {@link WsConfig#pongTimeout()} after a ping counts as gone: the connection is dropped as with 1006 and
 * reconnects if configured. Time spent waiting for a slow listener callback does not count.
 *
 * <p><b>Termination.</b> Once open, the connection ends with exactly one {@link WsListener#onClose}: with the peer's
 * close code and reason, or with 1006 when the connection ended without a close frame (abrupt disconnect, close
 * timeout, reconnect giving up; {@link #closeCause()} then holds the exception). {@code onError} is never called for
 * the disconnect itself. If the initial {@link #connect} fails, only the returned future fails; no callback runs.
 *
 * <p><b>Reconnect.</b> With an enabled {@link WsReconnectPolicy}, a connection that drops without a close frame (and
 * without {@link #close} having been called) reconnects with backoff, then sends the setup messages ahead of the
 * queued user sends. A close frame from the server is respected: no reconnect. Attempts count until a connection
 * stays open for {@link WsReconnectPolicy#healthyAfter()}, so a server that drops every connection at once meets the
 * backoff and the attempt limit.
 */
public final class WsConnection implements AutoCloseable {

    /** Quiet time after a received frame before the lost-EOF probe pings (see {@link #scheduleProbe}). */
    private static final long PROBE_DELAY_MILLIS = 200;
    /** Pings one probe sends at most while the server stays silent. */
    private static final int PROBES = 4;

    /**
     * Received messages that may wait for the event thread before reading stops, on a transport that
     * {@link WsTransport.Socket#readsAhead reads ahead} (the message whose callback runs counts too); reading resumes
     * once they are down to half. Bounds, with {@link #READ_AHEAD_SIZE}, what a slow consumer makes the connection
     * hold: reading always goes on while at most one message is held, so that is at most two messages, or
     * {@code READ_AHEAD_SIZE} plus one message.
     */
    static final int READ_AHEAD_MESSAGES = 16;

    /** Characters (text) or bytes (binary) of held messages that stop reading; see {@link #READ_AHEAD_MESSAGES}. */
    static final long READ_AHEAD_SIZE = 256 * 1024;

    private static final System.Logger LOG = System.getLogger(WsConnection.class.getName());
    private static final AtomicInteger IDS = new AtomicInteger();

    /**
     * One shared daemon timer for keep-alive pings and reconnect delays; its tasks never block, so one thread is
     * enough.
     */
    private static final ScheduledExecutorService TIMER = newTimer();

    private final WsConfig config;
    private final WsListener listener;
    private final WsTransport transport;
    private final Random random = new Random();
    private final HttpLog log;
    /** The URI as logs show it (query values redacted). */
    private final String shownUri;

    private final ExecutorService events;
    private volatile Thread eventThread;
    private volatile Supplier<List<String>> setupMessages;
    /** Completes when the state becomes CLOSED. */
    private final CompletableFuture<Void> closedSignal = new CompletableFuture<>();
    /** Completes after {@link WsListener#onClose} has returned (or immediately if the connection never opened). */
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private WsState state = WsState.CONNECTING;
    private Session current;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private Outgoing inFlight;
    /** Bytes of the queued and in-flight messages, bounded by {@link WsConfig#maxQueuedBytes()}. */
    private long queuedBytes;
    /** The reconnect attempt that opened the current socket (0 for the first connect) and when it opened. */
    private int openedByAttempt;

    private long openedAtNanos;
    /**
     * Set when this side closes because the peer broke a limit; the connection then ends with this, whatever the echo.
     */
    private Ending localEnding;

    private int closeCode = -1;
    private String closeReason;
    private Throwable closeCause;
    private ScheduledFuture<?> pingTask;
    private ScheduledFuture<?> reconnectTask;

    private WsConnection(WsConfig config, WsListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.transport =
                Objects.requireNonNull(config.transport(), "WsConfig.transport: no WebSocket transport configured");
        this.setupMessages = config.setupMessages();
        this.log = new HttpLog(config.logLevel(), config.logger());
        this.shownUri = HttpLog.withoutSecrets(config.uri());
        String name = "autosdk-ws-events-" + IDS.incrementAndGet();
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true); // never keep the JVM alive just because a connection was not closed
            eventThread = t;
            return t;
        });
    }

    /** Opens a connection; the future completes once the handshake succeeded, or fails with the handshake error. */
    public static CompletableFuture<WsConnection> connect(WsConfig config, WsListener listener) {
        WsConnection connection = new WsConnection(config, listener);
        return connection.openSocket(connection.new Session(0)).handle((ws, error) -> {
            if (error == null) {
                return connection;
            }
            Throwable cause = unwrap(error);
            connection.connectFailed(cause);
            throw new CompletionException(cause);
        });
    }

    /** Blocking form of {@link #connect}: returns the open connection or throws the handshake failure. */
    public static WsConnection connectBlocking(WsConfig config, WsListener listener)
            throws IOException, InterruptedException {
        try {
            return connect(config, listener).get();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof IOException iOException) {
                throw iOException;
            }
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new IOException("WebSocket connect to " + config.uri() + " failed", cause);
        }
    }

    /** Queues a text message; the future completes when it is written, or fails (see class doc). */
    public CompletableFuture<Void> sendText(String text) {
        if (log.debug() && text != null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            log.detail("WebSocket " + shownUri + " send: " + HttpLog.body(bytes, bytes.length, s -> s));
        }
        return enqueue(Outgoing.text(Objects.requireNonNull(text, "text")));
    }

    /** Queues a binary message; the remaining bytes are copied, so the buffer may be reused at once. */
    public CompletableFuture<Void> sendBinary(ByteBuffer data) {
        CompletableFuture<Void> refused = refuseOverLimit(data.remaining());
        if (refused != null) {
            return refused; // checked before copying, so a flood of refused sends does not churn the heap either
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return enqueue(Outgoing.binary(copy));
    }

    /** Queues a binary message; the array is copied, so it may be reused at once. */
    public CompletableFuture<Void> sendBinary(byte[] data) {
        return sendBinary(ByteBuffer.wrap(data));
    }

    /** Replaces the supplier of messages re-sent after every reconnect (initially {@link WsConfig#setupMessages()}). */
    public void setupMessages(Supplier<List<String>> supplier) {
        this.setupMessages = Objects.requireNonNull(supplier, "supplier");
    }

    /** The current lifecycle state. */
    public WsState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The close code once {@link WsState#CLOSED} (1006 when no close frame was received), otherwise -1. */
    public int closeCode() {
        synchronized (lock) {
            return closeCode;
        }
    }

    /** The close reason once {@link WsState#CLOSED} (empty if the peer gave none), otherwise {@code null}. */
    public String closeReason() {
        synchronized (lock) {
            return closeReason;
        }
    }

    /** The exception that ended the connection without a close frame, or {@code null}. */
    public Throwable closeCause() {
        synchronized (lock) {
            return closeCause;
        }
    }

    /** The subprotocol the server selected on the current socket; empty if none or not open. */
    public String subprotocol() {
        synchronized (lock) {
            return current == null || current.socket == null ? "" : current.socket.subprotocol();
        }
    }

    /** The configuration this connection was opened with. */
    public WsConfig config() {
        return config;
    }

    /** A future that completes after the terminal {@link WsListener#onClose} callback has returned. */
    public CompletableFuture<Void> closeFuture() {
        return terminated.copy(); // a copy, so callers cannot complete ours
    }

    /**
     * Closes normally (1000) and waits up to {@link WsConfig#closeTimeout()}; see
     * {@link #close(int, String, Duration)}.
     */
    @Override
    public void close() {
        close(1000, "", config.closeTimeout());
    }

    /**
     * Closes the connection: sends already queued are written first, then the close frame; waits up to
     * {@code timeout} for the server's close frame (and for {@code onClose} to run), then aborts the socket.
     * Idempotent: later calls just wait. Called from a listener callback, it waits only for the handshake. Messages
     * that arrive before the server's close frame are still delivered. When no socket is open (reconnecting), the
     * connection ends at once and {@code onClose} reports {@code code} and {@code reason}.
     *
     * @throws IllegalArgumentException if {@code code} may not be sent by a client (the JDK allows 1000, 1001,
     *     1008, 1011 and 3000-4999) or {@code reason} exceeds 123 UTF-8 bytes
     */
    public void close(int code, String reason, Duration timeout) {
        String why = reason == null ? "" : reason;
        checkCloseArguments(code, why);
        WsTransport.Socket closing = null;
        boolean noSocket = false;
        synchronized (lock) {
            if (state == WsState.OPEN) {
                state = WsState.CLOSING;
                queue.add(Outgoing.close(code, why)); // after the queued sends, so they are flushed first
                closing = current.socket;
            } else if (state == WsState.CONNECTING || state == WsState.RECONNECTING) {
                noSocket = true; // nobody to shake hands with: end right here
            }
        }
        if (noSocket) {
            finish(code, why, null);
        }
        if (closing != null) {
            // The server's close reply is a frame like any other and needs demand. Lift backpressure now, or a
            // close() called from inside onText (before its request(1)) would wait for a reply it never reads.
            closing.request(Long.MAX_VALUE);
            pump();
        }
        awaitClosed(timeout);
    }

    /** Drops the connection at once without a close handshake; reported as onClose(1006, "aborted"). */
    public void abort() {
        WsTransport.Socket socket;
        synchronized (lock) {
            socket = current == null ? null : current.socket;
        }
        if (socket != null) {
            socket.abort();
        }
        finish(1006, "aborted", null);
    }

    @Override
    public String toString() {
        return "WsConnection[" + config.uri() + ", " + state() + "]";
    }

    // ---------------------------------------------------------------- sending

    private CompletableFuture<Void> enqueue(Outgoing message) {
        synchronized (lock) {
            if (state == WsState.CLOSING || state == WsState.CLOSED) {
                return CompletableFuture.failedFuture(closedExceptionLocked());
            }
            if (queuedBytes + message.size > config.maxQueuedBytes()) {
                return CompletableFuture.failedFuture(queueFullLocked(message.size));
            }
            queue.add(message);
            queuedBytes += message.size;
        }
        pump();
        return message.done;
    }

    /** A failed future if a message of {@code size} bytes would not fit the send queue now, else {@code null}. */
    private CompletableFuture<Void> refuseOverLimit(long size) {
        synchronized (lock) {
            if (state != WsState.CLOSING && state != WsState.CLOSED && queuedBytes + size > config.maxQueuedBytes()) {
                return CompletableFuture.failedFuture(queueFullLocked(size));
            }
        }
        return null;
    }

    private WsLimitExceededException queueFullLocked(long size) {
        return new WsLimitExceededException(
                "send queue full: " + queuedBytes + " bytes wait to be written and "
                        + size + " more would exceed maxQueuedBytes " + config.maxQueuedBytes()
                        + " (is the server reading?); the message was not queued",
                config.maxQueuedBytes());
    }

    /** Writes queued messages one at a time; whoever finds the writer idle becomes the writer. */
    private void pump() {
        while (true) {
            Outgoing next;
            Session session;
            synchronized (lock) {
                boolean writable = state == WsState.OPEN || state == WsState.CLOSING;
                if (inFlight != null || !writable || current == null || queue.isEmpty()) {
                    return;
                }
                next = queue.poll();
                inFlight = next;
                session = current;
            }
            WsTransport.Socket socket = session.socket;
            CompletableFuture<?> write;
            try {
                write = next.writeTo(socket);
            } catch (RuntimeException e) {
                write = CompletableFuture.failedFuture(e);
            }
            if (!write.isDone()) {
                whenDone(write, (ws, error) -> {
                    written(session, next, error);
                    pump();
                });
                return;
            }
            // Completed synchronously: loop instead of recursing, so a long queue cannot overflow the stack.
            written(session, next, failureOf(write));
        }
    }

    private void written(Session session, Outgoing message, Throwable error) {
        synchronized (lock) {
            if (inFlight != message) {
                return; // a drop or close already failed this message; ignore the late completion
            }
            inFlight = null;
            queuedBytes -= message.size;
        }
        if (error == null) {
            message.done.complete(null);
            return;
        }
        Throwable cause = unwrap(error);
        if (isLinkFailure(cause)) {
            // The JDK reports a write cut off by a drop as a plain IOException ("closed output"); callers are promised
            // WsClosedException for every send lost to a closed connection.
            WsClosedException closed = new WsClosedException(1006, "connection lost while sending: " + describe(cause));
            closed.initCause(cause);
            message.done.completeExceptionally(closed);
            if (message.kind != Kind.CLOSE) {
                dropped(session, cause); // a failed write proves the link is gone, even if the reader never noticed
            }
        } else {
            message.done.completeExceptionally(cause);
        }
        if (message.kind == Kind.CLOSE) {
            // The close frame could not be written, so the socket is unusable: end now instead of waiting.
            abortSocket();
            finish(1006, "close frame could not be sent: " + describe(cause), cause);
        }
    }

    private WsClosedException closedExceptionLocked() {
        return state == WsState.CLOSED
                ? new WsClosedException(closeCode, closeReason)
                : new WsClosedException("WebSocket connection is closing: close() was called");
    }

    // ---------------------------------------------------------------- lifecycle

    private CompletableFuture<WsTransport.Socket> openSocket(Session session) {
        try {
            return transport.open(config, session);
        } catch (RuntimeException e) { // report through the future like other failures
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Called by the transport once a socket's handshake succeeded, before any frame of it is delivered. */
    private void opened(Session session, WsTransport.Socket socket) {
        // Ask the supplier before taking the lock: it is user code and may be slow or call back into us.
        List<String> setup = session.attempt > 0 ? setupMessagesSafely() : List.of();
        synchronized (lock) {
            if (state == WsState.CLOSING || state == WsState.CLOSED) {
                socket.abort(); // the user closed while this reconnect attempt was in flight
                return;
            }
            current = session;
            state = WsState.OPEN;
            reconnectTask = null;
            openedByAttempt = session.attempt;
            openedAtNanos = System.nanoTime();
            for (int i = setup.size() - 1; i >= 0; i--) {
                Outgoing message = Outgoing.text(setup.get(i));
                queue.addFirst(message); // ahead of the sends that waited for the reconnect; never refused by the limit
                queuedBytes += message.size;
            }
            startKeepAliveLocked();
        }
        log.line("WebSocket " + shownUri
                + (session.attempt > 0 ? " reconnected (attempt " + session.attempt + ")" : " connected"));
        dispatch(() -> {
            if (session.attempt > 0) {
                listener.onReconnected(this);
            } else {
                listener.onOpen(this);
            }
        });
        socket.request(1);
        pump();
    }

    private void connectFailed(Throwable cause) {
        log.line("WebSocket " + shownUri + " connect failed: " + describe(cause));
        List<Outgoing> failed;
        synchronized (lock) {
            state = WsState.CLOSED;
            closeCode = 1006;
            closeReason = "connect failed: " + describe(cause);
            closeCause = cause;
            failed = failAllLocked(); // normally empty: nobody holds the connection before connect completes
        }
        WsClosedException closed = new WsClosedException(closeCode(), closeReason());
        failed.forEach(message -> message.done.completeExceptionally(closed));
        closedSignal.complete(null);
        terminated.complete(null);
        events.shutdown();
    }

    /** The peer sent a close frame (or echoed ours). */
    private void closedByPeer(Session session, int code, String reason) {
        if (code == 1006) { // never sent on the wire; if a runtime reports it, it means the link broke
            dropped(session, new IOException("connection closed abnormally" + (reason.isEmpty() ? "" : ": " + reason)));
            return;
        }
        Ending local;
        synchronized (lock) {
            if (session != current) {
                return;
            }
            local = localEnding;
        }
        // Returning from the JDK's onClose lets the JDK echo the close frame, completing the handshake.
        if (local != null) {
            finish(local.code, local.reason, local.cause);
        } else {
            finish(code, reason, null);
        }
    }

    /** The socket failed or ended without a close frame. */
    private void dropped(Session session, Throwable error) {
        boolean retry;
        Outgoing lost = null;
        Ending local;
        int attempt = 1;
        synchronized (lock) {
            if (session != current || state == WsState.CLOSED) {
                return;
            }
            local = localEnding;
            retry = state == WsState.OPEN && config.reconnect().enabled();
            if (retry) {
                state = WsState.RECONNECTING;
                current = null;
                lost = inFlight;
                if (lost != null) {
                    queuedBytes -= lost.size;
                }
                inFlight = null;
                // Only a connection that stayed up for a while resets the count; otherwise this drop continues it.
                boolean healthy = System.nanoTime() - openedAtNanos
                        >= config.reconnect().healthyAfter().toNanos();
                attempt = healthy ? 1 : openedByAttempt + 1;
            }
        }
        if (session.socket != null) {
            session.socket.abort(); // release the TCP connection whatever state the JDK thinks it is in
        }
        if (local != null) {
            finish(local.code, local.reason, local.cause);
            return;
        }
        if (!retry) {
            finish(1006, "connection lost: " + describe(error), error);
            return;
        }
        if (lost != null) {
            WsClosedException e = new WsClosedException(1006, "connection lost while sending: " + describe(error));
            e.initCause(error);
            lost.done.completeExceptionally(e);
        }
        scheduleReconnect(attempt, error);
    }

    private void scheduleReconnect(int attempt, Throwable lastError) {
        WsReconnectPolicy policy = config.reconnect();
        if (attempt > policy.maxAttempts()) {
            finish(
                    1006,
                    "reconnect gave up after " + policy.maxAttempts() + " attempts: " + describe(lastError),
                    lastError);
            return;
        }
        Duration delay = policy.delay(attempt, random);
        synchronized (lock) {
            if (state != WsState.RECONNECTING) {
                return;
            }
            // Dispatch before scheduling so onReconnecting always precedes the onReconnected it may lead to.
            log.line("WebSocket " + shownUri + " dropped (" + describe(lastError) + "); reconnect attempt " + attempt
                    + " in " + delay.toMillis() + " ms");
            dispatch(() -> listener.onReconnecting(attempt, delay));
            reconnectTask = TIMER.schedule(() -> reconnect(attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void reconnect(int attempt) {
        synchronized (lock) {
            if (state != WsState.RECONNECTING) {
                return;
            }
        }
        whenDone(openSocket(new Session(attempt)), (ws, error) -> {
            if (error != null) {
                scheduleReconnect(attempt + 1, unwrap(error));
            }
        });
    }

    /** Moves to CLOSED exactly once: fails pending sends, stops timers, delivers the single onClose. */
    private void finish(int code, String reason, Throwable cause) {
        List<Outgoing> failed;
        ScheduledFuture<?> ping;
        ScheduledFuture<?> retry;
        synchronized (lock) {
            if (state == WsState.CLOSED) {
                return;
            }
            state = WsState.CLOSED;
            closeCode = code;
            closeReason = reason == null ? "" : reason;
            closeCause = cause;
            log.line("WebSocket " + shownUri + " closed: " + code + (closeReason.isEmpty() ? "" : " " + closeReason));
            failed = failAllLocked();
            ping = pingTask;
            retry = reconnectTask;
            pingTask = null;
            reconnectTask = null;
            // Under the lock, so no message callback can be queued behind onClose (see deliverThenRequest).
            String why = closeReason;
            if (!dispatch(() -> listener.onClose(this, code, why), () -> terminated.complete(null))) {
                terminated.complete(null);
            }
            events.shutdown(); // callbacks already queued still run, in order, before the thread exits
        }
        if (ping != null) {
            ping.cancel(false);
        }
        if (retry != null) {
            retry.cancel(false);
        }
        WsClosedException closed = new WsClosedException(code, reason);
        for (Outgoing message : failed) {
            message.done.completeExceptionally(closed);
        }
        closedSignal.complete(null);
    }

    private List<Outgoing> failAllLocked() {
        List<Outgoing> failed = new ArrayList<>(queue);
        if (inFlight != null) {
            failed.add(inFlight);
            inFlight = null;
        }
        queue.clear();
        queuedBytes = 0;
        return failed;
    }

    private void awaitClosed(Duration timeout) {
        // On the event thread onClose cannot run until this callback returns, so wait only for the handshake.
        CompletableFuture<Void> done = Thread.currentThread() == eventThread ? closedSignal : terminated;
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abortSocket();
            finish(1006, "close handshake timed out after " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the flag; do not leave the socket half-closed
            abortSocket();
            finish(1006, "close interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: close futures never fail", e);
        }
    }

    private void abortSocket() {
        WsTransport.Socket socket;
        synchronized (lock) {
            socket = current == null ? null : current.socket;
        }
        if (socket != null) {
            socket.abort();
        }
    }

    // ---------------------------------------------------------------- keep-alive

    private void startKeepAliveLocked() {
        Duration interval = config.pingInterval();
        if (interval != null && pingTask == null && current.socket.canPing()) { // else the library pings itself
            long nanos = interval.toNanos();
            pingTask = TIMER.scheduleAtFixedRate(this::ping, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void ping() {
        Session session;
        WsTransport.Socket socket;
        synchronized (lock) {
            if (state != WsState.OPEN || current == null) {
                return; // paused while reconnecting; the task is cancelled when the connection closes
            }
            session = current;
            socket = current.socket;
        }
        if (session.silentSince == 0 && !session.consumerBusy()) {
            // Start the dead-peer clock; any frame from the server stops it (Session.heard).
            long now = System.nanoTime();
            session.silentSince = now;
            long timeout = config.pongTimeout().toNanos();
            later(() -> checkAlive(session, now), timeout, TimeUnit.NANOSECONDS);
        }
        sendPing(session, socket);
    }

    /** Sends a ping; a ping that cannot be written means the link is gone (the reader may not have noticed). */
    private void sendPing(Session session, WsTransport.Socket socket) {
        try {
            whenDone(socket.sendPing(), (ws, error) -> {
                if (isLinkFailure(unwrap(error))) {
                    dropped(session, unwrap(error));
                }
            });
        } catch (RuntimeException e) {
            // Typically the previous ping is still pending on a slow link; skip this beat. Catching also keeps the
            // periodic task alive.
        }
    }

    /**
     * Works around a defect of the JDK's WebSocket client (seen on JDK 17, still in the current sources): when the
     * server closes TCP
     * right after a frame, the JDK may read the EOF before it asked for the next frame; its end-of-stream handler then
     * fails an internal demand check and the EOF is dropped silently, so neither onClose nor onError ever comes. Only
     * writing reveals such a dead socket. So once the server has gone quiet after a frame, up to {@link #PROBES} pings
     * {@link #PROBE_DELAY_MILLIS} apart are sent until anything is heard: on a closed socket the first one is answered
     * with a TCP reset and the next one fails, which {@link #sendPing} reports as a drop. A live server answers the
     * first ping, which ends the probe; a server that never answers pings is merely probed {@link #PROBES} times.
     */
    private void scheduleProbe(Session session) {
        if (session.probing || !session.socket.canPing()) {
            return; // a library that pings by itself (OkHttp) has no such defect to work around
        }
        session.probing = true;
        long heard = session.lastHeardNanos;
        later(() -> probe(session, heard, 0), PROBE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void probe(Session session, long heardAtSchedule, int sent) {
        WsTransport.Socket socket;
        synchronized (lock) {
            if (session != current || state != WsState.OPEN) {
                session.probing = false;
                return;
            }
            socket = session.socket;
        }
        long heard = session.lastHeardNanos;
        if (heard != heardAtSchedule && sent > 0) {
            session.probing = false; // the server answered (a pong or anything else): it is alive
            return;
        }
        if (heard != heardAtSchedule || session.consumerBusy()) {
            // Still receiving (or we are not reading on purpose): look again once it has gone quiet.
            later(() -> probe(session, heard, 0), PROBE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        if (sent == PROBES) {
            session.probing = false;
            return;
        }
        sendPing(session, socket);
        later(() -> probe(session, heard, sent + 1), PROBE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Drops the socket if the server stayed silent since the ping that started the clock at {@code since}. */
    private void checkAlive(Session session, long since) {
        if (session.silentSince != since || session.consumerBusy()) {
            return; // heard from the server meanwhile, or we are not reading on purpose (slow listener)
        }
        long millis = config.pongTimeout().toMillis();
        dropped(
                session,
                new SocketTimeoutException(
                        "no pong or other frame from the server within " + millis + " ms after a ping (pongTimeout)"));
    }

    /**
     * The peer sent a message larger than maxMessageSize: close, and end with 1009 ("message too big") whatever the
     * peer answers. On the wire the close frame carries 1008 (policy violation) with the same reason, because
     * the JDK refuses to let a client send 1009.
     */
    private void messageTooBig(Session session, WsTransport.Socket socket) {
        int limit = config.maxMessageSize();
        String reason = "message too big: more than " + limit + " bytes";
        WsLimitExceededException cause = new WsLimitExceededException(
                "the server sent a message larger than maxMessageSize " + limit + " bytes; closing the connection",
                limit);
        List<Outgoing> failed;
        synchronized (lock) {
            if (session != current || state == WsState.CLOSED) {
                return;
            }
            localEnding = new Ending(1009, reason, cause);
            state = WsState.CLOSING;
            failed = new ArrayList<>(queue); // not flushed: the connection is being torn down for a protocol reason
            queue.clear();
            queuedBytes = inFlight == null ? 0 : inFlight.size;
            queue.add(Outgoing.close(1008, reason));
        }
        WsClosedException closed = new WsClosedException(1009, reason);
        failed.forEach(message -> message.done.completeExceptionally(closed));
        socket.request(Long.MAX_VALUE); // read on to the peer's close reply; the rest of the big message is discarded
        pump();
        // Nobody waits in close() here, so a timer bounds the handshake.
        later(
                () -> {
                    abortSocket();
                    finish(1009, reason, cause);
                },
                config.closeTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    // ---------------------------------------------------------------- callbacks

    private boolean dispatch(Runnable callback) {
        return dispatch(callback, null);
    }

    /** Runs {@code callback} (guarded) and then {@code after} on the event thread; false if that thread has ended. */
    private boolean dispatch(Runnable callback, Runnable after) {
        try {
            events.execute(() -> {
                callSafely(callback);
                if (after != null) {
                    after.run();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false; // the connection has already terminated
        }
    }

    private void callSafely(Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // a listener bug must never stop the reader
            try {
                listener.onError(this, e);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable inOnError) {
                inOnError.addSuppressed(e);
                LOG.log(System.Logger.Level.WARNING, "WsListener.onError threw; ignoring", inOnError);
            }
        }
    }

    private boolean isCurrent(Session session) {
        synchronized (lock) {
            return session == current;
        }
    }

    private List<String> setupMessagesSafely() {
        try {
            List<String> messages = setupMessages.get();
            return messages == null ? List.of() : List.copyOf(messages);
        } catch (RuntimeException e) {
            dispatch(() -> listener.onError(this, e));
            return List.of();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void checkCloseArguments(int code, String reason) {
        // The codes the JDK lets a client send (others fail inside the JDK, too late to report well): 1000 normal,
        // 1001 going away, 1008 policy violation, 1011 unexpected condition, and 3000-4999 for applications.
        boolean legal = code == 1000 || code == 1001 || code == 1008 || code == 1011 || (code >= 3000 && code <= 4999);
        if (!legal) {
            throw new IllegalArgumentException("close code " + code + " may not be sent by a client");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("close reason longer than 123 UTF-8 bytes");
        }
    }

    /**
     * Whether a failed write means the connection is gone: an I/O error, except a message the JDK could not encode
     * (an unpaired surrogate fails only that send, as an IOException caused by a CharacterCodingException).
     */
    private static boolean isLinkFailure(Throwable error) {
        if (!(error instanceof IOException) || error instanceof WsClosedException) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return false;
            }
        }
        return true;
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return unwrap(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown cause";
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** The shared timer, for transports that need deadlines or polls of their own (its tasks must not block). */
    static ScheduledExecutorService timer() {
        return TIMER;
    }

    // ---------------------------------------------------------------- fire-and-forget

    /**
     * Runs {@code task} once on the shared timer after {@code delay}, when nobody needs its future: a task that throws
     * (a bug) is logged instead of vanishing into a {@code ScheduledFuture} that nobody reads.
     */
    static void later(Runnable task, long delay, TimeUnit unit) {
        ScheduledFuture<?> unused = TIMER.schedule(() -> logIfThrows(task), delay, unit);
    }

    /**
     * Runs {@code action} when {@code stage} completes, for its effect only: {@code action} handles the outcome itself,
     * so the stage {@code whenComplete} returns is not kept; an action that throws (a bug) is logged, not lost there.
     */
    static <T> void whenDone(CompletionStage<T> stage, BiConsumer<? super T, ? super Throwable> action) {
        CompletionStage<T> unused =
                stage.whenComplete((value, error) -> logIfThrows(() -> action.accept(value, error)));
    }

    private static void logIfThrows(Runnable r) {
        try {
            r.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.WARNING, "WebSocket background task failed", e);
        }
    }

    private static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "autosdk-ws-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // cancelled pings of closed connections must not pile up
        return timer;
    }

    private enum Kind {
        TEXT,
        BINARY,
        CLOSE
    }

    /** How the connection ends when this side closed it because of a local decision (not a user close). */
    private record Ending(int code, String reason, Throwable cause) {}

    /** UTF-8 length of {@code text} without encoding it: what a text frame of it weighs on the wire and in limits. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** One queued frame and the future of whoever submitted it. */
    private static final class Outgoing {
        final Kind kind;
        final String text;
        final ByteBuffer data;
        final int code;
        /** Bytes counted against maxQueuedBytes; 0 for the close frame, which is never refused. */
        final long size;

        final CompletableFuture<Void> done = new CompletableFuture<>();

        private Outgoing(Kind kind, String text, ByteBuffer data, int code) {
            this.kind = kind;
            this.text = text;
            this.data = data;
            this.code = code;
            this.size = kind == Kind.TEXT ? utf8Length(text) : kind == Kind.BINARY ? data.remaining() : 0;
        }

        static Outgoing text(String text) {
            return new Outgoing(Kind.TEXT, text, null, 0);
        }

        static Outgoing binary(ByteBuffer data) {
            return new Outgoing(Kind.BINARY, null, data, 0);
        }

        static Outgoing close(int code, String reason) {
            return new Outgoing(Kind.CLOSE, reason, null, code);
        }

        CompletableFuture<?> writeTo(WsTransport.Socket socket) {
            return switch (kind) {
                case TEXT -> socket.sendText(text);
                case BINARY -> socket.sendBinary(data);
                default -> socket.sendClose(code, text);
            };
        }
    }

    /**
     * Listener of one physical socket; a reconnect creates a new one, and events of a replaced socket are ignored.
     * The transport calls these methods one at a time, so the reassembly buffers need no locking.
     */
    private final class Session implements WsTransport.Listener {
        /** The reconnect attempt that created this socket; 0 for the first connect. */
        final int attempt;

        volatile WsTransport.Socket socket;
        /** When the dead-peer clock started (the first unanswered ping), 0 while the server has been heard since. */
        volatile long silentSince;
        /** Guards the read-ahead window below; taken by the transport's thread and the event thread. */
        private final Object window = new Object();
        /** Messages handed to the event thread whose callback has not returned (see {@link #deliverThenRequest}). */
        private int held; // guarded by window

        /** Their size: characters of text, bytes of binary messages. */
        private long heldSize; // guarded by window

        /** Set while reading waits for the event thread to work the held messages down. */
        private boolean paused; // guarded by window
        /** When the last frame of any kind arrived, and whether a lost-EOF probe is running (see scheduleProbe). */
        volatile long lastHeardNanos;

        volatile boolean probing;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        /** Bytes of the message being reassembled, checked against maxMessageSize. */
        private long messageBytes;
        /** Set once a message broke maxMessageSize: everything after it is discarded while the close runs. */
        private boolean overLimit;

        Session(int attempt) {
            this.attempt = attempt;
        }

        /** Whether a listener callback runs or waits: the dead-peer clock does not count such time. */
        boolean consumerBusy() {
            synchronized (window) {
                return held > 0;
            }
        }

        /** Any frame proves the peer alive. */
        private void heard() {
            silentSince = 0;
            lastHeardNanos = System.nanoTime();
        }

        /** Adds {@code bytes} to the current message; false (and the 1009 close started) if that breaks the limit. */
        private boolean withinLimit(WsTransport.Socket webSocket, long bytes) {
            messageBytes += bytes;
            if (messageBytes <= config.maxMessageSize()) {
                return true;
            }
            refuseMessage(webSocket);
            return false;
        }

        /** Drops what was reassembled and starts the 1009 close; everything after it is discarded. */
        private void refuseMessage(WsTransport.Socket webSocket) {
            overLimit = true;
            text.setLength(0);
            text.trimToSize();
            binary.reset();
            messageTooBig(this, webSocket);
        }

        /**
         * What a text frame adds to {@link #messageBytes}. Counting its UTF-8 bytes is a pass over every character of
         * every message, so while the frame cannot break the limit even at 3 bytes a character that bound is added
         * instead; only near the limit is the whole message counted exactly (which also corrects the bounds before).
         */
        private long textBytes(CharSequence data) {
            long bound = 3L * data.length();
            if (messageBytes + bound <= config.maxMessageSize()) return bound;
            return utf8Length(text) + utf8Length(data) - messageBytes;
        }

        @Override
        public void onOpen(WsTransport.Socket webSocket) {
            socket = webSocket;
            opened(this, webSocket);
        }

        @Override
        public void onText(WsTransport.Socket webSocket, CharSequence data, boolean last) {
            heard();
            if (!isCurrent(this)) {
                return;
            }
            if (overLimit || !withinLimit(webSocket, textBytes(data))) {
                return; // demand was lifted by the 1009 close
            }
            if (last && text.length() == 0) {
                // A whole message in one call (OkHttp always, the JDK for unfragmented frames): no copy through the
                // builder; the message is the transport's String itself when it handed one over.
                deliverText(webSocket, data.toString());
                return;
            }
            // The JDK decodes UTF-8 across frame boundaries; at worst a surrogate pair is split between two calls,
            // which appending to one builder repairs.
            text.append(data);
            if (!last) {
                webSocket.request(1);
                scheduleProbe(this);
                return;
            }
            String message = text.toString();
            text.setLength(0);
            deliverText(webSocket, message);
        }

        private void deliverText(WsTransport.Socket webSocket, String message) {
            messageBytes = 0;
            if (log.debug()) {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                log.detail("WebSocket " + shownUri + " received: " + HttpLog.body(bytes, bytes.length, s -> s));
            }
            deliverThenRequest(webSocket, message.length(), () -> listener.onText(WsConnection.this, message));
        }

        @Override
        public void onBinary(WsTransport.Socket webSocket, ByteBuffer data, boolean last) {
            heard();
            if (!isCurrent(this)) {
                return;
            }
            if (overLimit || !withinLimit(webSocket, data.remaining())) {
                return; // demand was lifted by the 1009 close
            }
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.write(chunk, 0, chunk.length);
            if (!last) {
                webSocket.request(1);
                scheduleProbe(this);
                return;
            }
            byte[] message = binary.toByteArray();
            binary.reset();
            messageBytes = 0;
            deliverThenRequest(webSocket, message.length, () -> listener.onBinary(WsConnection.this, message));
        }

        @Override
        public void onMessageTooBig(WsTransport.Socket webSocket) {
            heard();
            if (isCurrent(this) && !overLimit) {
                refuseMessage(webSocket); // the transport found it before reading it
            }
        }

        @Override
        public void onPing(WsTransport.Socket webSocket) {
            heard();
            webSocket.request(1); // the library answers with a pong by itself
        }

        @Override
        public void onPong(WsTransport.Socket webSocket) {
            heard();
            webSocket.request(1);
        }

        @Override
        public void onClose(WsTransport.Socket webSocket, int statusCode, String reason) {
            closedByPeer(this, statusCode, reason == null ? "" : reason);
        }

        @Override
        public void onError(WsTransport.Socket webSocket, Throwable error) {
            dropped(this, error);
        }

        /**
         * Queues the callback of a complete message and decides whether the transport reads on. A transport that
         * {@link WsTransport.Socket#readsAhead reads ahead} (OkHttp) reads on while the event thread works, so its
         * reading (and UTF-8 decoding) overlaps with the callbacks and the event thread finds the next message
         * queued instead of waiting for a hand-off per message; but only while a bounded window of messages waits
         * (see {@link #READ_AHEAD_MESSAGES}), so a slow consumer still stops the reading (TCP backpressure). Once the
         * window is full, reading resumes only after the event thread has worked it down to half: one wake-up of a
         * stopped reader per many messages, not one per message. Any other transport (the JDK) gets the next message
         * requested when the callback returns, from the event thread, which then reads it itself.
         */
        private void deliverThenRequest(WsTransport.Socket webSocket, long size, Runnable callback) {
            boolean readOn = false;
            synchronized (lock) {
                // Checked and queued atomically with finish(), so a message never arrives after onClose.
                if (this == current && state != WsState.CLOSED) {
                    synchronized (window) {
                        held++;
                        heldSize += size;
                        readOn = webSocket.readsAhead()
                                && (held < 2 || (held < READ_AHEAD_MESSAGES && heldSize < READ_AHEAD_SIZE));
                        paused = !readOn;
                    }
                    boolean queued = dispatch(callback, () -> {
                        silentSince = 0; // restart the dead-peer clock: reading may have paused for the callbacks
                        if (handled(size)) {
                            webSocket.request(1);
                        }
                        scheduleProbe(this);
                    });
                    if (!queued) {
                        readOn = false; // the connection has ended: nothing more is read
                    }
                }
            }
            if (readOn) {
                webSocket.request(1);
            }
        }

        /** Counts a returned callback out of the window; true if reading was paused and may now resume. */
        private boolean handled(long size) {
            synchronized (window) {
                held--;
                heldSize -= size;
                boolean resume =
                        paused && (held < 2 || (held <= READ_AHEAD_MESSAGES / 2 && heldSize <= READ_AHEAD_SIZE / 2));
                if (resume) {
                    paused = false;
                }
                return resume;
            }
        }
    }
}
