package autosdk.runtime;

/** Thrown for HTTP 403 Forbidden: the credentials are valid but not allowed to do this. */
public class ApiForbiddenException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 403 response. */
    public ApiForbiddenException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
