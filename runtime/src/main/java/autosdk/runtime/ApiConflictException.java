package autosdk.runtime;

/** Thrown for HTTP 409 Conflict: the request conflicts with the resource's current state. */
public class ApiConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 409 response. */
    public ApiConflictException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
