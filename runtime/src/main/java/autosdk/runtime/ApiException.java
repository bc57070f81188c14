package autosdk.runtime;

import java.util.Optional;

/**
 * Base of every failure of a generated call: an HTTP error status (see the subclasses per status), a
 * connection failure ({@link ApiConnectionException}) or an unreadable body ({@link ApiDecodeException}).
 *
 * <p>Messages name the method, the URL (credential query values replaced by {@code ***}), the status and a
 * short body excerpt with credentials redacted.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is known about the failed exchange; {@code statusCode} is 0 when no response arrived. */
    public static final class Details {
        final String method;
        final String url;
        final int statusCode;
        final HttpHeaders headers;
        final String rawBody;
        final Object errorBody;
        final int attempts;

        /** All fields; {@code url} must already be redacted, {@code rawBody} already capped. */
        public Details(
                String method,
                String url,
                int statusCode,
                HttpHeaders headers,
                String rawBody,
                Object errorBody,
                int attempts) {
            this.method = method;
            this.url = url;
            this.statusCode = statusCode;
            this.headers = headers == null ? HttpHeaders.EMPTY : headers;
            this.rawBody = rawBody == null ? "" : rawBody;
            this.errorBody = errorBody;
            this.attempts = attempts;
        }
    }

    private final transient Details details;

    /** An exception with a ready message. */
    public ApiException(String message, Details details, Throwable cause) {
        super(message, cause);
        this.details = details;
    }

    /** Creates the subclass that matches {@code details.statusCode}. */
    public static ApiException forStatus(String message, Details details) {
        return switch (details.statusCode) {
            case 400 -> new ApiBadRequestException(message, details);
            case 401 -> new ApiUnauthorizedException(message, details);
            case 403 -> new ApiForbiddenException(message, details);
            case 404 -> new ApiNotFoundException(message, details);
            case 409 -> new ApiConflictException(message, details);
            case 422 -> new ApiUnprocessableEntityException(message, details);
            case 429 -> new ApiRateLimitException(message, details);
            default ->
                details.statusCode >= 500 && details.statusCode <= 599
                        ? new ApiServerException(message, details)
                        : new ApiException(message, details, null);
        };
    }

    /** The HTTP status, or 0 when no response was received. */
    public int statusCode() {
        return details.statusCode;
    }

    /** The response headers (empty when no response was received). */
    public HttpHeaders headers() {
        return details.headers;
    }

    /** The response body as text, capped at 64 KiB (empty when there was none). */
    public String rawBody() {
        return details.rawBody;
    }

    /** The decoded error model when the operation declares one for this status, else {@code null}. */
    public Object errorBody() {
        return details.errorBody;
    }

    /** The decoded error model if it is a {@code type}. */
    public <T> Optional<T> body(Class<T> type) {
        return type.isInstance(details.errorBody) ? Optional.of(type.cast(details.errorBody)) : Optional.empty();
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return details.method;
    }

    /** The request URL with credential values redacted. */
    public String url() {
        return details.url;
    }

    /** How many attempts were made, retries included. */
    public int attempts() {
        return details.attempts;
    }
}
