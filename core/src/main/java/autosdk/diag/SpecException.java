package autosdk.diag;

import java.util.List;

/** Thrown when a run must stop because the spec has errors; carries every diagnostic found. */
public final class SpecException extends Exception {
    private final List<Diagnostic> diagnostics;
    private final List<String> hints;

    public SpecException(List<Diagnostic> diagnostics) {
        this(diagnostics, List.of());
    }

    public SpecException(List<Diagnostic> diagnostics, List<String> hints) {
        super(diagnostics.size() + " problem(s) in the spec", null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
        this.hints = List.copyOf(hints);
    }

    /** Ways out of these errors, one line each (e.g. which option would make the run succeed). */
    public List<String> hints() {
        return hints;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
