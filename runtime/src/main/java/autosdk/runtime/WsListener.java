package autosdk.runtime;

import java.time.Duration;

/**
 * Receives the events of a {@link WsConnection}; every method has a no-op default so clients override only what they
 * need.
 *
 * <p>Threading: all callbacks of one connection run one at a time, in order, on that connection's own event thread
 * (never on a JDK I/O thread), so a callback may block. While {@link #onText} or {@link #onBinary} runs, no further
 * frames are requested from the server: a slow callback therefore applies TCP backpressure instead of buffering
 * without limit.
 *
 * <p>Exceptions thrown by a callback are caught and passed to {@link #onError}; they never stop the reader.
 *
 * <p>Termination: a connection that has opened ends with exactly one {@link #onClose} call, whatever the cause
 * (server close frame, {@link WsConnection#close}, abrupt disconnect reported as code 1006, reconnect giving up).
 * {@link #onError} is never terminal.
 */
public interface WsListener {

    /** The connection opened for the first time (reconnections call {@link #onReconnected} instead). */
    default void onOpen(WsConnection connection) {}

    /** A complete text message arrived (fragments already reassembled). */
    default void onText(WsConnection connection, String message) {}

    /** A complete binary message arrived (fragments already reassembled); the array is owned by the callee. */
    default void onBinary(WsConnection connection, byte[] message) {}

    /**
     * The connection ended, for good; called exactly once. {@code code} is the code of the peer's close frame, 1006
     * when the connection ended without one, or 1009 when the peer sent a message larger than
     * {@link WsConfig#maxMessageSize()} (in the last two cases {@link WsConnection#closeCause()} holds the exception).
     */
    default void onClose(WsConnection connection, int code, String reason) {}

    /** A non-fatal problem, typically an exception thrown by another callback of this listener. */
    default void onError(WsConnection connection, Throwable error) {}

    /** The connection dropped and reconnect attempt {@code attempt} (1-based) will start after {@code delay}. */
    default void onReconnecting(int attempt, Duration delay) {}

    /** A reconnect attempt succeeded; setup messages have been queued ahead of any pending sends. */
    default void onReconnected(WsConnection connection) {}
}
