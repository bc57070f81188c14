package autosdk.model;

/**
 * A security scheme. {@code kind} is one of bearer, basic, apiKey (with {@code in} header, query
 * or cookie), or subprotocol (credential sent as a WebSocket sub-protocol built from
 * {@code template}); anything else is "other" and left to the user.
 */
public record SecurityScheme(String name, Kind kind, String in, String parameterName, String template, Doc doc) {

    public enum Kind {
        BEARER,
        BASIC,
        API_KEY,
        SUBPROTOCOL,
        OTHER
    }
}
