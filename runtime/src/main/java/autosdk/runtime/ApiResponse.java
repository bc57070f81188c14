package autosdk.runtime;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A successful response as generated "with response" methods return it: status, headers and the decoded body.
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
}
