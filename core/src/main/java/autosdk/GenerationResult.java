package autosdk;

import autosdk.diag.Diagnostic;
import autosdk.write.GeneratedFile;
import java.util.List;

/** What a run produced: the files (written or planned), the number of model types, and warnings. */
public record GenerationResult(List<GeneratedFile> files, int typeCount, List<Diagnostic> warnings, List<String> notes,
                               int filesChanged, int filesRemoved) {
    public GenerationResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
