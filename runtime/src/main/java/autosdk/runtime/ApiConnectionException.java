package autosdk.runtime;

/**
 * Thrown when no HTTP response was received: connection refused, DNS or TLS failure, timeout, reset, or
 * interruption; {@link #statusCode()} is 0 and the cause is the underlying exception.
 */
public class ApiConnectionException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor once retries are exhausted. */
    public ApiConnectionException(String message, ApiException.Details details, Throwable cause) {
        super(message, details, cause);
    }
}
