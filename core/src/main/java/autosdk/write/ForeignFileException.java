package autosdk.write;

/**
 * A file the run would replace was not written by AutoSDK, so nothing was written. The generator reports it as a
 * usage problem; it lives here so that {@code write} depends on nothing above it.
 */
public final class ForeignFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ForeignFileException(String message) {
        super(message, null, false, false);
    }
}
