package autosdk.runtime;

import java.io.IOException;

/**
 * Hook through which generated code turns a non-2xx response body into the operation's declared error model,
 * exposed as {@link ApiException#errorBody()}.
 *
 * <p>Return {@code null} when this status has no declared model. A thrown exception does not hide the HTTP
 * error: the {@link ApiException} is still thrown, without a model, with the decoding failure suppressed.
 */
@FunctionalInterface
public interface HttpErrorDecoder {

    /** Decodes {@code body} (the size-capped text of the response) for {@code statusCode}, or returns null. */
    Object decode(int statusCode, String body, HttpHeaders headers) throws IOException;
}
