package autosdk.diag;

import java.util.Locale;

/** One problem found in a spec, rendered as {@code file:line:col: error: message (at /pointer)}. */
public record Diagnostic(Severity severity, Location location, String message) {

    public enum Severity {
        ERROR,
        WARNING,
        NOTE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        String pointer = location.pointer().isEmpty() ? "/" : location.pointer();
        return location.position() + ": " + severity.label() + ": " + message + " (at " + pointer + ")";
    }
}
