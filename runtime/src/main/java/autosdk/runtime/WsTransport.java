package autosdk.runtime;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The WebSocket library under a {@link WsConnection}: only what the connection needs from one physical socket. The
 * connection adds everything else (send queue and its limit, message reassembly and size limit, keep-alive, close
 * deadlines, reconnect). A generated SDK carries one implementation: {@code JdkWsTransport} (the JDK's client,
 * the default) or {@code OkHttpWsTransport} (OkHttp 5, with {@code --transport okhttp}).
 */
public interface WsTransport {

    /**
     * Starts the opening handshake to {@link WsConfig#uri()} with the config's headers and subprotocols, bounded by
     * {@link WsConfig#connectTimeout()}. {@link Listener#onOpen} runs before the returned future completes; the future
     * fails with the handshake error instead (and then no listener method runs).
     */
    CompletableFuture<Socket> open(WsConfig config, Listener listener);

    /** One open socket. Sends are called one at a time by the connection (never overlapping). */
    interface Socket {
        /** Writes one whole text message; the future completes once it has been written. */
        CompletableFuture<?> sendText(String text);

        /** Writes one whole binary message; the future completes once it has been written. */
        CompletableFuture<?> sendBinary(ByteBuffer data);

        /** Writes a close frame with {@code code} and {@code reason}. */
        CompletableFuture<?> sendClose(int code, String reason);

        /**
         * Whether {@link #sendPing} works and received pongs reach {@link Listener#onPong}. When false the library
         * keeps the connection alive itself (see the transport's class comment) and the connection sends no pings.
         */
        boolean canPing();

        /** Writes an empty ping frame (only when {@link #canPing()}). */
        CompletableFuture<?> sendPing();

        /** Allows {@code n} more listener calls (text/binary fragments, pings, pongs); until then nothing is read. */
        void request(long n);

        /**
         * Whether the connection should read ahead of its callbacks: true when the library reads on a thread of its
         * own, so that reading overlaps with the callbacks. False when {@link #request} reads on the calling thread
         * (the event thread, after a callback): reading ahead would then only move the reading to another thread
         * and add a thread hand-off per message.
         */
        boolean readsAhead();

        /** Drops the TCP connection at once, without a close handshake; no listener method runs afterwards. */
        void abort();

        /** The subprotocol the server selected; empty if none. */
        String subprotocol();
    }

    /**
     * What a socket reports, one call at a time, each text/binary/ping/pong call only after a {@link Socket#request}.
     */
    interface Listener {
        /** The handshake succeeded; no other call comes before this one. */
        void onOpen(Socket socket);

        /** A text fragment; {@code last} ends the message. */
        void onText(Socket socket, CharSequence data, boolean last);

        /** A binary fragment; {@code last} ends the message. */
        void onBinary(Socket socket, ByteBuffer data, boolean last);

        /** A ping arrived (the library answers it with a pong by itself). */
        void onPing(Socket socket);

        /** A pong arrived. */
        void onPong(Socket socket);

        /**
         * The server announced a message over {@link WsConfig#maxMessageSize()} and the transport refused it before
         * reading its payload (a transport that delivers whole messages checks the size itself); the connection
         * closes as for any message too big. The socket reports a failure afterwards, once our close frame is out.
         */
        void onMessageTooBig(Socket socket);

        /** The peer's close frame arrived; the library echoes it once this returns. */
        void onClose(Socket socket, int code, String reason);

        /** The socket failed or ended without a close frame; nothing follows. */
        void onError(Socket socket, Throwable error);
    }
}
