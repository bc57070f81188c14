package autosdk.runtime;

/** Thrown for HTTP 404 Not Found: the addressed resource does not exist. */
public class ApiNotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 404 response. */
    public ApiNotFoundException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
