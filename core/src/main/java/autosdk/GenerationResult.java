package autosdk;

import autosdk.diag.Diagnostic;
import autosdk.write.GeneratedFile;
import java.util.List;

/**
 * What a run produced: the files (written or planned), the number of model types, warnings, and {@code details}:
 * notes on the generator's decisions (which list operations page and why others do not), shown with {@code --verbose}.
 */
public record GenerationResult(
        List<GeneratedFile> files,
        int typeCount,
        List<Diagnostic> warnings,
        List<String> notes,
        int filesChanged,
        int filesRemoved,
        List<Diagnostic> details) {
    public GenerationResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        details = List.copyOf(details);
    }
}
