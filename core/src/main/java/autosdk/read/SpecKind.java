package autosdk.read;

/** The kinds of documents AutoSDK reads. */
public enum SpecKind {
    OPENAPI("OpenAPI"),
    ASYNCAPI("AsyncAPI");

    private final String displayName;

    SpecKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
