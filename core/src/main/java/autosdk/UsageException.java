package autosdk;

/** A problem with the options of a run (not with the spec); the CLI exits with 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
