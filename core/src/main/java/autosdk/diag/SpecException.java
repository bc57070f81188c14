package autosdk.diag;

import java.util.List;

/** Thrown when a run must stop because the spec has errors; carries every diagnostic found. */
public final class SpecException extends Exception {
    private final List<Diagnostic> diagnostics;

    public SpecException(List<Diagnostic> diagnostics) {
        super(diagnostics.size() + " problem(s) in the spec", null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
