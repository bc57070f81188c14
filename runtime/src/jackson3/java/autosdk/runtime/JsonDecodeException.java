package autosdk.runtime;

import java.io.IOException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

/** A JSON document that does not fit the expected type; says what was expected and where. */
public final class JsonDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    public JsonDecodeException(String message) {
        super(message);
    }

    public JsonDecodeException(String message, Throwable cause) {
        super(message, cause);
    }

    static JsonDecodeException expected(JsonParser parser, String expected) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new JsonDecodeException("expected " + expected + " but found " + parser.currentToken() + " at line "
                + at.getLineNr() + ", column " + at.getColumnNr());
    }
}
