package autosdk.runtime;

/**
 * Thrown when a successful response's body could not be read or decoded (malformed JSON, connection lost
 * mid-body); the status and headers are those of the response, and the cause says what went wrong.
 */
public class ApiDecodeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor when the response decoder fails. */
    public ApiDecodeException(String message, ApiException.Details details, Throwable cause) {
        super(message, details, cause);
    }
}
