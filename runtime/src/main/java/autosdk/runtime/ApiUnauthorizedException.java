package autosdk.runtime;

/** Thrown for HTTP 401 Unauthorized: credentials are missing, wrong or expired. */
public class ApiUnauthorizedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 401 response. */
    public ApiUnauthorizedException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
