package autosdk.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The hand-written core of every generated WebSocket client: handler registration and dispatch, the pull-style inbox,
 * setup messages, and the connection lifecycle on top of {@link WsConnection}. A generated client adds typed
 * {@code send…}/{@code on…} methods and the decoding of frames into its sealed event type {@code E}.
 *
 * <p><b>Dispatch.</b> Every received frame becomes exactly one event, delivered on the connection's event thread, in
 * order: first the typed handlers registered for its variant, then {@link #onUnknown} handlers (unknown or undecodable
 * frames only), then {@link #onEvent} handlers, then the {@link #events()} inbox if one was requested. A frame that
 * cannot be decoded also goes to {@link #onError} (with a {@link JsonDecodeException} or the decoder's exception). A
 * handler that throws is reported to {@link #onError}; it never stops the reader or the other handlers.
 *
 * <p><b>Slow consumers.</b> Handlers run on the connection's single event thread, and the next frame is read only after
 * they return, so a slow handler slows reading down (TCP backpressure) instead of buffering without bound. The inbox is
 * bounded by {@link WsConfig#inboundBufferCapacity()}; when it is full its {@link WsInbox.Overflow} policy applies
 * ({@code BLOCK} by default: the reader waits for the consumer, nothing is lost).
 *
 * <p><b>Waiting for one event.</b> {@link #next(Class)} and {@link #receive(Class, Duration)} wait for the next event
 * of a type; generated request/reply methods send and wait for the correlated reply (see {@link #request}). A waiter is
 * offered each event right after the typed handlers; it is unregistered as soon as it completes, is cancelled or times
 * out, and fails with {@link WsClosedException} when the connection ends first. No thread is used per waiter.
 *
 * @param <E> the client's sealed event type
 * @param <C> the generated client type, returned by the fluent registration methods
 */
public abstract class WsClientBase<E, C extends WsClientBase<E, C>> implements AutoCloseable {

    /**
     * Implemented by a client's "unknown" event: a frame no message of the channel matched, or one that failed to
     * decode.
     */
    public interface UnknownFrame {
        /** The frame's text, exactly as received. */
        String raw();

        /** Why decoding failed, or {@code null} when the frame was well-formed JSON of an unknown kind. */
        Throwable error();
    }

    /**
     * What a generated request/reply method accepts as the reply: an event type, and where the reply carries the
     * correlation id (a JSON pointer into the payload, such as {@code /reqid}), or {@code null} when it carries none.
     */
    public record Reply(Class<?> type, String correlationPointer) {
        public Reply {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A typed handler; removable, and checked again before each call so a removed handler gets no further event. */
    private final class Handler implements WsSubscription {
        final Class<?> type;
        final Consumer<Object> consumer;
        volatile boolean active = true;

        Handler(Class<?> type, Consumer<Object> consumer) {
            this.type = type;
            this.consumer = consumer;
        }

        @Override
        public void remove() {
            active = false;
            handlers.remove(this);
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }

    /**
     * One pending {@link #next}, {@link #receive} or request: completes {@code future} with the first event it accepts.
     * An exclusive waiter (an uncorrelated request) takes its event away from later exclusive waiters, so pipelined
     * requests whose replies carry no id are answered in order.
     */
    private record Waiter(
            CompletableFuture<Object> future, List<Reply> accepts, JsonValue correlationId, boolean exclusive) {
        boolean matches(Object event, String raw) {
            for (Reply r : accepts) {
                if (!r.type().isInstance(event)) continue;
                if (correlationId == null || r.correlationPointer() == null) return true;
                return raw != null && sameId(correlationId, WsFrames.at(raw, r.correlationPointer()));
            }
            return false;
        }

        private static boolean sameId(JsonValue expected, JsonValue actual) {
            if (expected instanceof JsonValue.JsonNumber a && actual instanceof JsonValue.JsonNumber b) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0; // 42 and 42.0 are the same id
            }
            return expected.equals(actual);
        }
    }

    private final WsConfig config;
    private final WsInbox.Overflow overflow;
    private final List<String> setupMessages = new CopyOnWriteArrayList<>();
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super E>> eventHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super E>> unknownHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super Throwable>> errorHandlers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Integer, String>> closeHandlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> openHandlers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Integer, Duration>> reconnectingHandlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectedHandlers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // Guarded by lock.
    private WsInbox<E> inbox;
    private CompletableFuture<C> connecting;
    private boolean closedBeforeOpen;
    private boolean connectFailed;
    private WsClosedException ended; // set once the connection ended for good: new waiters fail at once
    private volatile WsConnection connection;

    /**
     * @param config the connection settings without setup messages (the client owns those)
     * @param setupMessages text frames sent first on open and again after every reconnect, in order
     * @param overflow what the {@link #events()} inbox does when full
     */
    protected WsClientBase(WsConfig.Builder config, List<String> setupMessages, WsInbox.Overflow overflow) {
        this.setupMessages.addAll(setupMessages);
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        this.config =
                config.setupMessages(() -> List.copyOf(this.setupMessages)).build();
    }

    /** This client, typed as the generated class. */
    protected abstract C self();

    /** Decodes a text frame into an event; must not throw (failures become the unknown event). */
    protected abstract E decodeText(String text);

    /** The event for a binary frame. */
    protected abstract E decodeBinary(byte[] data);

    // ---------------------------------------------------------------- lifecycle

    /**
     * Opens the connection. The future completes with this client once the handshake succeeded and the setup messages
     * are queued ahead of any other send; it fails with the handshake error otherwise. A client connects once.
     */
    public CompletableFuture<C> connect() {
        synchronized (lock) {
            if (connecting != null) {
                return connecting;
            }
            connecting = WsConnection.connect(config, new Listener()).thenApply(c -> {
                install(c);
                return self();
            });
            WsConnection.whenDone(connecting, (c, error) -> {
                if (error != null) {
                    synchronized (lock) {
                        connectFailed = true; // the handshake failed: state() must say CLOSED, not CONNECTING forever
                    }
                    closeInbox();
                    WsClosedException closed = new WsClosedException("the connection never opened: " + error);
                    closed.initCause(error);
                    failWaiters(closed);
                }
            });
            return connecting;
        }
    }

    /** Blocking form of {@link #connect()}: returns once open, or throws the handshake failure. */
    public C connectBlocking() throws IOException, InterruptedException {
        try {
            return connect().get();
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                            ? e.getCause().getCause()
                            : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("WebSocket connect to " + config.uri() + " failed", cause);
        }
    }

    /** The URI this client connects to. */
    public URI uri() {
        return config.uri();
    }

    /** The underlying connection once open (for advanced use), else {@code null}. */
    public WsConnection connection() {
        return connection;
    }

    /**
     * {@link WsState#CONNECTING} until the handshake completed (also before {@link #connect()}), then the connection's
     * state; {@link WsState#CLOSED} once the handshake failed or {@link #close} was called before it completed.
     */
    public WsState state() {
        WsConnection c = connection;
        synchronized (lock) {
            if (closedBeforeOpen || connectFailed) {
                return c == null || connectFailed ? WsState.CLOSED : c.state();
            }
        }
        return c != null ? c.state() : WsState.CONNECTING;
    }

    /** Closes normally (1000), flushing queued sends, waiting up to the configured close timeout. */
    @Override
    public void close() {
        close(1000, "", config.closeTimeout());
    }

    /** Closes with {@code code} and {@code reason}, waiting up to {@code timeout} for the server's close frame. */
    public void close(int code, String reason, Duration timeout) {
        WsConnection c;
        synchronized (lock) {
            c = connection;
            if (c == null) {
                closedBeforeOpen = true; // a connection that opens later is closed at once (see install)
            }
        }
        if (c != null) {
            c.close(code, reason, timeout);
        } else {
            closeInbox();
            failWaiters(new WsClosedException("closed before the connection opened"));
        }
    }

    /** The close code once closed (1006 when the connection dropped without a close frame), otherwise -1. */
    public int closeCode() {
        WsConnection c = connection;
        return c == null ? -1 : c.closeCode();
    }

    /** The close reason once closed, otherwise {@code null}. */
    public String closeReason() {
        WsConnection c = connection;
        return c == null ? null : c.closeReason();
    }

    /** Completes after the terminal close notification has been delivered. */
    public CompletableFuture<Void> closeFuture() {
        CompletableFuture<C> f;
        synchronized (lock) {
            f = connecting;
        }
        if (f == null) {
            return new CompletableFuture<>();
        }
        return f.handle((c, e) -> connection)
                .thenCompose(c -> c == null ? CompletableFuture.completedFuture(null) : c.closeFuture());
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends a raw text frame (queued, in order, whole). Fails with {@link IllegalStateException} before
     * {@link #connect()} completed.
     */
    public CompletableFuture<Void> sendText(String text) {
        WsConnection c = connection;
        if (c == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        return c.sendText(text);
    }

    /** Sends a raw binary frame; the bytes are copied. */
    public CompletableFuture<Void> sendBinary(byte[] data) {
        WsConnection c = connection;
        if (c == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        return c.sendBinary(data);
    }

    /** Sends a raw binary frame from the buffer's remaining bytes (copied). */
    public CompletableFuture<Void> sendBinary(ByteBuffer data) {
        WsConnection c = connection;
        if (c == null) {
            return CompletableFuture.failedFuture(notConnected());
        }
        return c.sendBinary(data);
    }

    /** Encodes with {@code encoder} and sends the text; an encoding failure fails the future instead of throwing. */
    protected final CompletableFuture<Void> sendEncoded(Callable<String> encoder) {
        String text;
        try {
            text = encoder.call();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendText(text);
    }

    /** Adds a text frame to the setup messages (sent on open and after every reconnect). */
    public C addSetupMessage(String text) {
        setupMessages.add(Objects.requireNonNull(text, "text"));
        return self();
    }

    /** The current setup messages, in order. */
    public List<String> setupMessages() {
        return List.copyOf(setupMessages);
    }

    /** Removes every setup message. */
    public C clearSetupMessages() {
        setupMessages.clear();
        return self();
    }

    private static IllegalStateException notConnected() {
        return new IllegalStateException("not connected: call connect() and wait for it to complete before sending");
    }

    // ---------------------------------------------------------------- receiving

    /** Registers a typed handler for one event variant (used by the generated {@code on…} methods). */
    protected final <V extends E> C on(Class<V> type, Consumer<? super V> handler) {
        subscribe(type, handler);
        return self();
    }

    /**
     * Registers a handler for events of {@code type} (an event record, or the sealed event type itself for every
     * event) and returns a handle that removes it. Runs where the typed {@code on…} handlers run, in registration
     * order.
     * Use it for handlers that must not live as long as the client; {@code on…} methods chain and stay registered.
     */
    @SuppressWarnings("unchecked")
    public final <V extends E> WsSubscription subscribe(Class<V> type, Consumer<? super V> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Handler h = new Handler(type, e -> handler.accept((V) e));
        handlers.add(h);
        return h;
    }

    /**
     * The next event of {@code type} (an event record, or the sealed event type for any event). Completes on the event
     * thread, after the typed handlers saw the event, so do not block on it from a handler. Fails with
     * {@link WsClosedException} when the connection ends first (at once if it already has). Cancelling the future
     * unregisters the waiter; call it before {@link #connect()} to be sure not to miss an early event.
     */
    public final <V extends E> CompletableFuture<V> next(Class<V> type) {
        return await(List.of(new Reply(type, null)), null, false, null);
    }

    /**
     * {@link #next(Class)} that fails with {@link TimeoutException} (and unregisters) when no such event came within
     * {@code timeout}.
     */
    public final <V extends E> CompletableFuture<V> next(Class<V> type, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return await(List.of(new Reply(type, null)), null, false, timeout);
    }

    /**
     * Blocks until the next event of {@code type} arrives and returns it.
     *
     * @throws TimeoutException when none arrived within {@code timeout} (the waiter is unregistered)
     * @throws WsClosedException when the connection ended before one arrived
     * @throws InterruptedException when the calling thread was interrupted (the waiter is unregistered)
     */
    public final <V extends E> V receive(Class<V> type, Duration timeout)
            throws TimeoutException, InterruptedException, WsClosedException {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<V> f = await(List.of(new Reply(type, null)), null, false, null);
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WsClosedException closed) throw closed;
            throw new IllegalStateException("waiting for " + type.getSimpleName() + " failed", e.getCause());
        }
    }

    /**
     * Sends a request and completes with its reply (used by the generated {@code …AndAwaitReply} methods). The waiter
     * is registered before the request is sent, so a fast reply is not missed. When the encoded request has a value at
     * {@code requestCorrelationPointer}, only a reply with the same value at its own pointer completes it (replies may
     * come in any order); otherwise the next event of an accepted type does, and uncorrelated requests are answered in
     * the order they were sent. Fails with {@link TimeoutException} after {@code timeout}, with the send's failure, or
     * with {@link WsClosedException} when the connection ends first.
     */
    protected final <R extends E> CompletableFuture<R> request(
            Callable<String> encoder,
            String requestCorrelationPointer,
            Class<R> resultType,
            List<Reply> replies,
            Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        String text;
        try {
            text = encoder.call();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        JsonValue id = requestCorrelationPointer == null ? null : WsFrames.at(text, requestCorrelationPointer);
        if (id instanceof JsonValue.JsonNull) id = null;
        CompletableFuture<R> reply = await(replies, id, id == null, timeout);
        WsConnection.whenDone(sendText(text), (ok, error) -> {
            if (error != null) {
                reply.completeExceptionally(
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
        return reply;
    }

    /**
     * Registers a waiter and returns its future itself (not a dependent stage), so that cancelling what the caller
     * holds unregisters the waiter. {@code V} is a supertype of every accepted type, so the cast is safe. With a
     * {@code timeout}, the waiter is unregistered <em>before</em> its future fails with {@link TimeoutException}:
     * {@code orTimeout} would wake the caller first, and the caller could still see the waiter registered.
     */
    @SuppressWarnings("unchecked")
    private <V> CompletableFuture<V> await(
            List<Reply> accepts, JsonValue correlationId, boolean exclusive, Duration timeout) {
        Waiter w = new Waiter(new CompletableFuture<>(), List.copyOf(accepts), correlationId, exclusive);
        WsClosedException closed;
        synchronized (lock) {
            closed = ended;
            if (closed == null) {
                waiters.add(w);
            }
        }
        if (closed != null) {
            w.future().completeExceptionally(closed);
        } else {
            WsConnection.whenDone(w.future(), (v, e) -> waiters.remove(w)); // completed, failed or cancelled
            if (timeout != null) {
                ScheduledFuture<?> expiry = WaiterDeadlines.TIMER.schedule(
                        () -> {
                            waiters.remove(w);
                            w.future().completeExceptionally(new TimeoutException("no reply within " + timeout));
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
                WsConnection.whenDone(w.future(), (v, e) -> expiry.cancel(false));
            }
        }
        return (CompletableFuture<V>) (CompletableFuture<?>) w.future();
    }

    /** One daemon timer for every waiter's deadline in this JVM; cancelled deadlines leave its queue at once. */
    private static final class WaiterDeadlines {
        static final ScheduledThreadPoolExecutor TIMER = timer();

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "autosdk-ws-deadlines");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /** The connection ended for good: every pending waiter fails, and so will every later one. */
    private void failWaiters(WsClosedException closed) {
        List<Waiter> pending;
        synchronized (lock) {
            if (ended == null) {
                ended = closed;
            }
            pending = List.copyOf(waiters);
            waiters.clear();
        }
        for (Waiter w : pending) {
            w.future().completeExceptionally(ended);
        }
    }

    /** Registers a catch-all handler, called for every event after the typed handlers. */
    public C onEvent(Consumer<? super E> handler) {
        eventHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /** Registers a handler for frames no message matched or that failed to decode (the unknown event). */
    public C onUnknown(Consumer<? super E> handler) {
        unknownHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /**
     * Registers an error handler: undecodable frames, exceptions thrown by handlers, other non-fatal problems. Never
     * terminal.
     */
    public C onError(Consumer<? super Throwable> handler) {
        errorHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /**
     * Registers a handler called once when the connection ends for good, with the close code (1006 when dropped) and
     * reason.
     */
    public C onClose(BiConsumer<Integer, String> handler) {
        closeHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /** Registers a handler called once when the connection first opens (after the setup messages were queued). */
    public C onOpen(Runnable handler) {
        openHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /** Registers a handler called before each reconnect attempt, with the attempt number and the delay before it. */
    public C onReconnecting(BiConsumer<Integer, Duration> handler) {
        reconnectingHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /** Registers a handler called after a successful reconnect (setup messages already re-queued). */
    public C onReconnected(Runnable handler) {
        reconnectedHandlers.add(Objects.requireNonNull(handler, "handler"));
        return self();
    }

    /**
     * The pull-style view: a bounded, blocking inbox of every event, iterable ({@code for (E e : client.events())})
     * until the connection closes and the inbox is drained. Created on first call; call it before {@link #connect()}
     * to see every event. While nobody drains a full inbox, the {@code BLOCK} policy stops reading from the socket.
     */
    public WsInbox<E> events() {
        synchronized (lock) {
            if (inbox == null) {
                inbox = new WsInbox<>(config.inboundBufferCapacity(), overflow);
                WsConnection c = connection;
                if (closedBeforeOpen || (c != null && c.state() == WsState.CLOSED)) {
                    inbox.close();
                }
            }
            return inbox;
        }
    }

    /** The events as a {@link Flow.Publisher} (one subscriber), backed by {@link #events()}. */
    public Flow.Publisher<E> eventPublisher() {
        return events().asPublisher();
    }

    // ---------------------------------------------------------------- internals

    /** Makes {@code c} this client's connection; returns false if {@link #close} came first (then it is closed now). */
    private boolean install(WsConnection c) {
        boolean closeNow;
        synchronized (lock) {
            if (connection == c) {
                return !closedBeforeOpen;
            }
            // Setup messages go ahead of every user send: nobody can send before connection is set.
            for (String text : setupMessages) {
                // One lost with the connection is sent again after a reconnect; any other failure goes to onError.
                WsConnection.whenDone(c.sendText(text), (ok, error) -> {
                    if (error != null && !(error instanceof WsClosedException)) {
                        report(error);
                    }
                });
            }
            connection = c;
            closeNow = closedBeforeOpen;
        }
        if (closeNow) {
            c.close(1000, "", config.closeTimeout());
        }
        return !closeNow;
    }

    private void dispatch(E event, String raw) {
        if (event instanceof UnknownFrame u && u.error() != null) {
            Throwable error = u.error();
            report(
                    error instanceof IOException || error instanceof RuntimeException
                            ? error
                            : new JsonDecodeException("undecodable frame", error));
        }
        for (Handler h : handlers) {
            if (h.active && h.type.isInstance(event)) {
                guard(() -> h.consumer.accept(event));
            }
        }
        offerToWaiters(event, raw);
        if (event instanceof UnknownFrame) {
            for (Consumer<? super E> h : unknownHandlers) {
                guard(() -> h.accept(event));
            }
        }
        for (Consumer<? super E> h : eventHandlers) {
            guard(() -> h.accept(event));
        }
        WsInbox<E> box;
        synchronized (lock) {
            box = inbox;
        }
        if (box != null) {
            box.offer(event); // BLOCK: waits for the consumer, which stops reading (backpressure)
        }
    }

    /**
     * Completes the waiters {@code event} matches; an exclusive waiter (a reply) takes it from the other exclusive
     * ones.
     */
    // waiters is a CopyOnWriteArrayList: the loop walks a snapshot, so removing a matched waiter inside it is safe.
    @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
    private void offerToWaiters(E event, String raw) {
        boolean taken = false;
        for (Waiter w : waiters) {
            if (w.future().isDone() || (taken && w.exclusive())) continue;
            boolean match;
            try {
                match = w.matches(event, raw);
            } catch (RuntimeException e) { // a reply whose id cannot be read is not this waiter's reply
                match = false;
            }
            if (match) {
                taken |= w.exclusive();
                waiters.remove(w); // before completing: whoever the future wakes sees the waiter gone
                guard(() -> w.future().complete(event)); // dependent stages run here; one that throws is reported
            }
        }
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            report(e);
        }
    }

    private void report(Throwable error) {
        for (Consumer<? super Throwable> h : errorHandlers) {
            try {
                h.accept(error);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable ignored) {
                // an error handler that throws has nobody left to tell
            }
        }
    }

    private void closeInbox() {
        WsInbox<E> box;
        synchronized (lock) {
            box = inbox;
        }
        if (box != null) {
            box.close();
        }
    }

    /** Adapts connection callbacks to the client's handlers. */
    private final class Listener implements WsListener {
        @Override
        public void onOpen(WsConnection c) {
            if (!install(c)) {
                return; // close() was called during the handshake: the connection never counts as open
            }
            for (Runnable h : openHandlers) {
                guard(h);
            }
        }

        @Override
        public void onText(WsConnection c, String message) {
            E event;
            try {
                event = decodeText(message);
            } catch (RuntimeException e) { // decodeText must not throw; never let a bug stop the reader
                report(e);
                return;
            }
            dispatch(event, message);
        }

        @Override
        public void onBinary(WsConnection c, byte[] message) {
            dispatch(decodeBinary(message), null);
        }

        @Override
        public void onClose(WsConnection c, int code, String reason) {
            for (BiConsumer<Integer, String> h : closeHandlers) {
                guard(() -> h.accept(code, reason));
            }
            closeInbox();
            failWaiters(new WsClosedException(code, reason));
        }

        @Override
        public void onError(WsConnection c, Throwable error) {
            report(error);
        }

        @Override
        public void onReconnecting(int attempt, Duration delay) {
            for (BiConsumer<Integer, Duration> h : reconnectingHandlers) {
                guard(() -> h.accept(attempt, delay));
            }
        }

        @Override
        public void onReconnected(WsConnection c) {
            for (Runnable h : reconnectedHandlers) {
                guard(h);
            }
        }
    }
}
