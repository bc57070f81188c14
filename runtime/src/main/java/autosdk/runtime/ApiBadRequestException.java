package autosdk.runtime;

/** Thrown for HTTP 400 Bad Request: the server rejected the request as malformed. */
public class ApiBadRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 400 response. */
    public ApiBadRequestException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
