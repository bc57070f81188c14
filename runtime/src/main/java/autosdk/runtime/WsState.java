package autosdk.runtime;

/** Lifecycle state of a {@link WsConnection}. */
public enum WsState {
    /** The opening handshake is in progress; sends are queued until it completes. */
    CONNECTING,
    /** The connection is open; queued sends are being written. */
    OPEN,
    /** The connection dropped and a {@link WsReconnectPolicy} is trying to re-establish it; sends are queued. */
    RECONNECTING,
    /**
     * {@link WsConnection#close} was called: queued sends are flushed, then the close handshake runs; new sends fail.
     */
    CLOSING,
    /** Terminal: the connection is gone and will not come back; every send fails with {@link WsClosedException}. */
    CLOSED
}
