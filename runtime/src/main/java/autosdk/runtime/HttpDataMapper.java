package autosdk.runtime;

import java.io.IOException;

/**
 * Maps the text of one streamed item (an SSE event's data or an NDJSON line) to a typed value; generated
 * code passes its JSON reader here, which may throw {@link IOException} on malformed input.
 */
@FunctionalInterface
public interface HttpDataMapper<T> {

    /** Maps one item's text to a value. */
    T map(String data) throws IOException;
}
