package autosdk.runtime;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The {@link WsTransport} on OkHttp 5 ({@code --transport okhttp}): for Android and teams whose proxies, TLS and
 * interceptors live on an {@link OkHttpClient}. Where OkHttp differs from the JDK, the connection's guarantees are
 * kept this way:
 *
 * <ul>
 *   <li><b>Message size.</b> OkHttp reads a whole message (all its fragments) into memory before handing it over, so
 *       the connection's sockets are made by {@link WsGuardedSockets}: a {@link WsFrameGuard} under OkHttp (above TLS)
 *       adds up the payload lengths the frame headers of each message announce and, when a message would pass
 *       {@link WsConfig#maxMessageSize()}, passes nothing from that header on. The connection then closes as on the
 *       JDK (1009 reported, 1008 on the wire) and the socket is dropped once our close frame is out (or after
 *       {@link WsConfig#closeTimeout()}); the refused payload is never read. So a hostile server can make the client
 *       hold at most the limit plus one 8 KiB read. Compression is not offered (permessage-deflate is taken out of
 *       OkHttp's request, and a server that enables an extension anyway is refused), since an inflated message
 *       could be any size. A connection whose upgrade did not pass a guarded socket (ws:// through a SOCKS proxy,
 *       whose socket OkHttp makes itself) is refused. The caller's socket factory, TLS factory and trust manager are
 *       wrapped, not replaced; the WebSocket gets a connection pool of its own.</li>
 *   <li><b>Send queue.</b> The connection hands OkHttp one message at a time and counts it until it has been
 *       written, so {@link WsConfig#maxQueuedBytes()} bounds both queues together; OkHttp's own 16 MiB queue never
 *       fills (a single message above 16 MiB fails with {@link WsLimitExceededException} instead of OkHttp closing
 *       the socket). OkHttp has no write callback: the guard parses our outgoing frames and completes a send when
 *       the last byte of its frame has been written to the socket.</li>
 *   <li><b>Backpressure.</b> OkHttp reads the next message when its listener returns, so the listener waits there
 *       (after handing its message over) until the connection asks for the next one: OkHttp never holds a message
 *       the connection did not request. The connection reads a window of messages ahead of its callbacks (see
 *       {@link WsConnection}), so OkHttp's reader reads on while the event thread decodes, and a reader stopped by
 *       a full window is woken once the window is down to half, not once per message.</li>
 *   <li><b>Keep-alive.</b> OkHttp sends pings itself (it has no API to send one), reports no pongs, and drops a
 *       connection whose ping is still unanswered when the next one is due: its ping interval is also its pong
 *       deadline. So with a {@link WsConfig#pingInterval()} OkHttp pings every {@link WsConfig#pongTimeout()} (by
 *       default the larger of the ping interval and 10 s), which keeps the dead-peer guarantee exactly (a server
 *       silent for the pong timeout after a ping counts as gone, reported as on the JDK with a
 *       {@link SocketTimeoutException} naming pongTimeout) but pings less often when the interval is shorter than the
 *       pong timeout. Only a pong answers (other frames do not stop the clock), and a listener callback slower than the
 *       pong timeout stops the reading of pongs too, so OkHttp then drops the connection (reconnect applies as for any
 *       drop).</li>
 *   <li><b>Connect timeout.</b> {@link WsConfig#connectTimeout()} bounds the whole handshake (TCP, TLS and the
 *       upgrade response): the call is cancelled when it passes.</li>
 * </ul>
 */
public final class OkHttpWsTransport implements WsTransport {

    /** OkHttp closes a socket whose outgoing queue would pass this (RealWebSocket's MAX_QUEUE_SIZE). */
    static final long OKHTTP_MAX_QUEUE = 16L * 1024 * 1024;

    private static final String EXTENSIONS = "Sec-WebSocket-Extensions";
    /** How often a send waits for room in OkHttp's queue (at most 1 ms apart, so about 10 s) before it fails. */
    private static final int MAX_ROOM_ROUNDS = 10_000;

    /** The client of every connection configured without one: no read/write/call timeouts of OkHttp's own. */
    private static final class Shared {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
    }

    private final OkHttpClient client;

    /** A transport on one OkHttpClient shared by every connection configured without one. */
    public OkHttpWsTransport() {
        this(null);
    }

    /**
     * A transport on {@code client} (its proxy, TLS, interceptors and dispatcher apply; a client derived from it sets
     * the connect timeout and ping interval of each connection, wraps its socket factories for the frame check and
     * gives the WebSocket a connection pool of its own); {@code null} means the shared default client.
     */
    public OkHttpWsTransport(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<WsTransport.Socket> open(WsConfig config, WsTransport.Listener listener) {
        OkSocket socket = new OkSocket(listener, config);
        OkHttpClient base = client != null ? client : Shared.CLIENT;
        OkHttpClient.Builder derived = base.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Its own pool, so the WebSocket never rides a pooled connection whose sockets the guard did not make.
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .socketFactory(socket.sockets.plain(base.socketFactory()))
                .addInterceptor(OkHttpWsTransport::withoutCompression);
        X509TrustManager trust = base.x509TrustManager();
        if (trust != null) { // null when the caller's client is cleartext-only
            // The caller's factory and trust manager, so their TLS settings and certificate pinning still apply.
            derived.sslSocketFactory(socket.sockets.tls(base.sslSocketFactory()), trust);
        }
        if (config.pingInterval() != null) {
            derived.pingInterval(config.pongTimeout()); // OkHttp's interval is also its pong deadline (class comment)
        }
        Request.Builder request = new Request.Builder().url(config.uri().toString());
        for (Map.Entry<String, String> header : config.headers()) {
            request.addHeader(header.getKey(), header.getValue());
        }
        List<String> protocols = config.subprotocols();
        if (!protocols.isEmpty()) {
            request.header("Sec-WebSocket-Protocol", String.join(", ", protocols));
        }
        WebSocket ws = derived.build().newWebSocket(request.build(), socket);
        socket.ws = ws;
        long timeout = config.connectTimeout().toNanos();
        ScheduledFuture<?> deadline = WsConnection.timer()
                .schedule(
                        () -> {
                            if (socket.opened.completeExceptionally(
                                    new SocketTimeoutException("WebSocket handshake with "
                                            + HttpLog.withoutSecrets(config.uri()) + " timed out after "
                                            + config.connectTimeout().toMillis() + " ms"))) {
                                ws.cancel();
                            }
                        },
                        timeout,
                        TimeUnit.NANOSECONDS);
        WsConnection.whenDone(socket.opened, (s, e) -> deadline.cancel(false));
        return socket.opened;
    }

    /**
     * Takes permessage-deflate out of OkHttp's offer, and refuses a server that enables an extension anyway: an
     * inflated message could be any size, while the guard can only count the bytes on the wire.
     */
    private static Response withoutCompression(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(
                chain.request().newBuilder().removeHeader(EXTENSIONS).build());
        String accepted = response.header(EXTENSIONS);
        if (response.code() == 101 && accepted != null) {
            chain.call().cancel();
            response.close();
            throw new ProtocolException("the server enabled the WebSocket extension '" + accepted
                    + "', which was not offered (a compressed message could exceed maxMessageSize once inflated)");
        }
        return response;
    }

    /** Adapts one OkHttp WebSocket; OkHttp calls the listener methods on its reader thread, one at a time. */
    private static final class OkSocket extends WebSocketListener implements WsTransport.Socket, WsFrameGuard.Events {
        final CompletableFuture<WsTransport.Socket> opened = new CompletableFuture<>();
        /** The sockets OkHttp opens for this WebSocket, whose frames are counted before OkHttp reads them. */
        final WsGuardedSockets sockets;

        private final WsTransport.Listener listener;
        volatile WebSocket ws;
        private volatile String subprotocol = "";
        /** Set once the socket failed, closed or was aborted: sends stop waiting for OkHttp's queue to drain. */
        private volatile boolean ended;
        /** Set by {@link #abort}: OkHttp then reports the cancelled socket as failed, which nobody must hear. */
        private volatile boolean aborted;

        private final Object demandLock = new Object();
        private long demand; // guarded by demandLock

        /** Sends handed to OkHttp and not yet written, oldest first (the connection sends one at a time). */
        private final ArrayDeque<CompletableFuture<Void>> unwritten = new ArrayDeque<>(); // guarded by itself

        /** The pong deadline OkHttp enforces, or null without keep-alive. */
        private final Duration pongTimeout;

        OkSocket(WsTransport.Listener listener, WsConfig config) {
            this.listener = listener;
            this.pongTimeout = config.pongTimeout();
            this.sockets = new WsGuardedSockets(config.maxMessageSize(), config.closeTimeout(), this);
        }

        // ------------------------------------------------------------ Socket

        @Override
        public CompletableFuture<?> sendText(String text) {
            if (hasUnpairedSurrogate(text)) {
                // OkHttp would send '?' instead; the JDK refuses the message, and so do we (only this send fails).
                return CompletableFuture.failedFuture(
                        new IOException("text message is not valid UTF-16", new CharacterCodingException()));
            }
            return enqueued(WsConnection.utf8Length(text), () -> ws.send(text));
        }

        @Override
        public CompletableFuture<?> sendBinary(ByteBuffer data) {
            return enqueued(data.remaining(), () -> ws.send(ByteString.of(data)));
        }

        @Override
        public CompletableFuture<?> sendClose(int code, String reason) {
            return ws.close(code, reason.isEmpty() ? null : reason)
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new IOException("WebSocket already closed"));
        }

        @Override
        public boolean canPing() {
            return false; // OkHttp pings by itself (pingInterval) and hides pongs
        }

        @Override
        public CompletableFuture<?> sendPing() {
            throw new UnsupportedOperationException("OkHttp sends its own pings");
        }

        @Override
        public void request(long n) {
            synchronized (demandLock) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                demandLock.notifyAll();
            }
        }

        @Override
        public boolean readsAhead() {
            return true; // OkHttp's reader thread reads and decodes the next message while the event thread works
        }

        @Override
        public void abort() {
            aborted = true;
            end();
            ws.cancel();
        }

        @Override
        public String subprotocol() {
            return subprotocol;
        }

        private CompletableFuture<?> enqueued(long size, java.util.function.BooleanSupplier send) {
            if (size > OKHTTP_MAX_QUEUE) {
                return CompletableFuture.failedFuture(new WsLimitExceededException(
                        "a message of " + size + " bytes exceeds OkHttp's 16 MiB send queue; it was not sent",
                        OKHTTP_MAX_QUEUE));
            }
            CompletableFuture<Void> written = new CompletableFuture<>();
            sendWhenRoom(size, send, written, 0);
            return written;
        }

        /**
         * Hands the message to OkHttp once its queue has room. The previous message is reported written while OkHttp
         * still counts it (it subtracts after the write returns), and OkHttp closes a socket whose queue would pass
         * 16 MiB; so two large messages in a row wait here, from 50 µs up to 1 ms apart, for that count to drop.
         */
        private void sendWhenRoom(
                long size, java.util.function.BooleanSupplier send, CompletableFuture<Void> written, int round) {
            if (ended) {
                written.completeExceptionally(new IOException("WebSocket closed by OkHttp; message not sent"));
                return;
            }
            if (ws.queueSize() + size > OKHTTP_MAX_QUEUE) {
                if (round >= MAX_ROOM_ROUNDS) { // OkHttp subtracts right after a write: this never passes in practice
                    written.completeExceptionally(
                            new IOException("OkHttp's send queue did not drain; message not sent"));
                    return;
                }
                long micros = Math.min(1_000, 50L << Math.min(round, 5));
                WsConnection.later(() -> sendWhenRoom(size, send, written, round + 1), micros, TimeUnit.MICROSECONDS);
                return;
            }
            synchronized (unwritten) {
                unwritten.add(written); // before OkHttp can write it, so the guard's report finds it
            }
            if (!send.getAsBoolean()) {
                synchronized (unwritten) {
                    unwritten.pollLast(); // `written`: sends are handed over one at a time and this one was refused
                }
                written.completeExceptionally(new IOException("WebSocket closed by OkHttp; message not sent"));
            } else if (ended) {
                failUnwritten(); // the socket ended meanwhile: nobody will report this one written
            }
        }

        @Override
        public void messageWritten() {
            CompletableFuture<Void> oldest;
            synchronized (unwritten) {
                oldest = unwritten.poll();
            }
            if (oldest != null) {
                oldest.complete(null);
            }
        }

        @Override
        public boolean messageTooBig() {
            if (!opened.isDone() || opened.isCompletedExceptionally()) {
                return false;
            }
            listener.onMessageTooBig(this);
            return true;
        }

        private void failUnwritten() {
            List<CompletableFuture<Void>> failed;
            synchronized (unwritten) {
                failed = new ArrayList<>(unwritten);
                unwritten.clear();
            }
            IOException e = new IOException("connection ended before the message was written");
            failed.forEach(f -> f.completeExceptionally(e));
        }

        private void end() {
            ended = true;
            sockets.release();
            failUnwritten();
            synchronized (demandLock) {
                demandLock.notifyAll();
            }
        }

        /**
         * Takes one unit of demand for a message OkHttp has read, waiting for it if need be (normally it is there:
         * {@link #awaitDemand} made OkHttp wait before reading); false once the socket ended.
         */
        private boolean takeDemand() {
            synchronized (demandLock) {
                if (!awaitDemandLocked()) {
                    return false;
                }
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                return true;
            }
        }

        /**
         * Blocks OkHttp's reader, before it reads the next message, until the connection asked for one: OkHttp reads a
         * whole message before handing it over, so waiting here rather than after that read keeps a message the
         * connection did not ask for out of memory.
         */
        private void awaitDemand() {
            synchronized (demandLock) {
                awaitDemandLocked();
            }
        }

        /** Waits while there is no demand and the socket has not ended; false once it ended or was interrupted. */
        private boolean awaitDemandLocked() {
            while (demand == 0 && !ended) {
                try {
                    demandLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !ended;
        }

        // ------------------------------------------------------------ WebSocketListener

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ws = webSocket;
            String chosen = response.header("Sec-WebSocket-Protocol");
            subprotocol = chosen == null ? "" : chosen;
            if (opened.isDone()) {
                return; // the handshake deadline passed first and cancelled the call
            }
            if (!sockets.upgradeWatched()) {
                // Its frames would reach OkHttp unchecked (e.g. ws:// through a SOCKS proxy, whose socket OkHttp
                // makes itself): refuse rather than let a message of any size be buffered.
                aborted = true;
                end();
                webSocket.cancel();
                opened.completeExceptionally(new IOException("WebSocket to "
                        + HttpLog.withoutSecrets(response.request().url().uri())
                        + " refused: its upgrade did not arrive on a socket whose message sizes can be checked"
                        + " (ws:// through a SOCKS proxy? use wss:// or the JDK transport)"));
                return;
            }
            listener.onOpen(this);
            opened.complete(this);
            awaitDemand(); // OkHttp reads the first message when this returns
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (takeDemand()) {
                listener.onText(this, text, true);
                awaitDemand();
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            if (takeDemand()) {
                listener.onBinary(this, bytes.asByteBuffer(), true);
                awaitDemand();
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            listener.onClose(this, code, reason);
            // Echo the close frame as the JDK does; codes a client may not send (1005 "no status") echo as 1000.
            boolean sendable =
                    code >= 1000 && code < 5000 && !(code >= 1004 && code <= 1006) && !(code >= 1015 && code < 3000);
            webSocket.close(sendable ? code : 1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            end();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable error, Response response) {
            end();
            if (aborted) {
                return; // as on the JDK, an aborted socket reports nothing more
            }
            if (!opened.isDone()) {
                Throwable cause = response == null
                        ? error
                        : new IOException(
                                "WebSocket handshake failed: HTTP " + response.code()
                                        + (response.message().isEmpty() ? "" : " " + response.message()),
                                error);
                opened.completeExceptionally(cause);
                if (response != null) {
                    response.close();
                }
                return;
            }
            listener.onError(this, samePongTimeout(error));
        }

        /** OkHttp's missed-pong failure, reported in the words of the JDK transport's dead-peer check. */
        private Throwable samePongTimeout(Throwable error) {
            if (pongTimeout == null
                    || !(error instanceof SocketTimeoutException)
                    || error.getMessage() == null
                    || !error.getMessage().contains("didn't receive pong")) {
                return error;
            }
            SocketTimeoutException e = new SocketTimeoutException(
                    "no pong from the server within " + pongTimeout.toMillis() + " ms after a ping (pongTimeout)");
            e.initCause(error);
            return e;
        }

        private static boolean hasUnpairedSurrogate(String text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                    } else {
                        return true;
                    }
                } else if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}
