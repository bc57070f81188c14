package autosdk.runtime;

/** Thrown for HTTP 5xx: the server failed; the call was retried first when the retry policy allowed it. */
public class ApiServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 5xx response. */
    public ApiServerException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
