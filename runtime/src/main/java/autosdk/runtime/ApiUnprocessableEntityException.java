package autosdk.runtime;

/** Thrown for HTTP 422 Unprocessable Content: the request was well-formed but failed validation. */
public class ApiUnprocessableEntityException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Created by the executor for a 422 response. */
    public ApiUnprocessableEntityException(String message, ApiException.Details details) {
        super(message, details, null);
    }
}
