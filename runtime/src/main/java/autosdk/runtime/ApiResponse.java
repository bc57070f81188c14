package autosdk.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A successful response as the {@code withRawResponse()} twins of generated clients return it: status, headers
 * (with the request ID) and the decoded body.
 *
 * @param statusCode the 2xx status
 * @param headers    the response headers
 * @param body       the decoded body ({@code null} for void operations)
 * @param <T>        the body type
 */
public record ApiResponse<T>(int statusCode, HttpHeaders headers, T body) {

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The server's ID for this request, for support tickets and log searches: the first of the common request-ID
     * headers ({@code x-request-id}, {@code request-id}, {@code x-amzn-requestid}, {@code x-correlation-id}) present.
     */
    public Optional<String> requestId() {
        for (String name : REQUEST_ID_HEADERS) {
            Optional<String> value = headers.firstValue(name);
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }

    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id");
}
