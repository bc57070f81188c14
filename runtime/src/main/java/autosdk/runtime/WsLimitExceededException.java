package autosdk.runtime;

import java.io.IOException;

/**
 * Signals that a configured size limit of a {@link WsConnection} was reached: a send that would make the queue of
 * unsent messages larger than {@link WsConfig#maxQueuedBytes()} (the send fails, the connection stays open), or an
 * inbound message larger than {@link WsConfig#maxMessageSize()} (the connection closes with 1009 and this is its
 * {@link WsConnection#closeCause()}).
 *
 * <p>An {@link IOException} because it describes the peer or the network (a server that stopped reading, or one that
 * sends too much), which a caller should expect and handle, not a programming error.
 */
public class WsLimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /** Creates the exception; {@code limit} is the configured limit in bytes that was reached. */
    public WsLimitExceededException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The configured limit in bytes that was reached. */
    public long limit() {
        return limit;
    }
}
