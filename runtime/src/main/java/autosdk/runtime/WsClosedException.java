package autosdk.runtime;

import java.io.IOException;

/**
 * Signals that a message could not be sent because the WebSocket connection is closed (or closing, or gave up
 * reconnecting).
 *
 * <p>It is an {@link IOException} because a closed connection is an I/O condition the caller should expect and
 * handle (retry, report), not a programming error; it arrives as the cause of a failed send future.
 */
public class WsClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;

    /** Creates the exception for a connection that ended with the given close code and reason. */
    public WsClosedException(int code, String reason) {
        super(describe(code, reason));
        this.code = code;
        this.reason = reason == null ? "" : reason;
    }

    /** Creates the exception for a connection that is closing (close code not known yet) or never opened. */
    public WsClosedException(String message) {
        super(message);
        this.code = -1;
        this.reason = "";
    }

    /**
     * The WebSocket close code (1000 normal, 1006 abnormal drop, ...), or -1 while the close handshake is still
     * running.
     */
    public int code() {
        return code;
    }

    /** The close reason sent by the peer (or describing the local failure); empty when none. */
    public String reason() {
        return reason;
    }

    private static String describe(int code, String reason) {
        String text = "WebSocket connection is closed (code " + code;
        return reason == null || reason.isEmpty() ? text + ")" : text + ", reason \"" + reason + "\")";
    }
}
