package autosdk.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem of a run so that one run reports them all; stages keep going after an
 * error and use a placeholder instead of stopping at the first one.
 */
public final class Diagnostics {
    private final Set<Diagnostic> items = new LinkedHashSet<>();
    private final Set<String> hints = new LinkedHashSet<>();

    public void error(Location location, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.ERROR, location, message));
    }

    public void warning(Location location, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.WARNING, location, message));
    }

    /** A detail of a decision the generator made (shown with {@code --verbose}), never a problem of the spec. */
    public void note(Location location, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.NOTE, location, message));
    }

    /** A way out of the errors of this run, printed after them (not tied to a place in the spec). */
    public void hint(String text) {
        hints.add(text);
    }

    public List<String> hints() {
        return List.copyOf(hints);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** All diagnostics, sorted by file, line and column so output is deterministic. */
    public List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.location().file().toString())
                .thenComparingInt(d -> d.location().line())
                .thenComparingInt(d -> d.location().column())
                .thenComparing(Diagnostic::message));
        return Collections.unmodifiableList(sorted);
    }

    public List<Diagnostic> errors() {
        return all().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .toList();
    }
}
