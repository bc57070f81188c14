package autosdk.diag;

import java.nio.file.Path;

/** Where a node sits in a source file: 1-based line and column, plus its JSON pointer. */
public record Location(Path file, int line, int column, String pointer) {

    public static Location ofFile(Path file) {
        return new Location(file, 1, 1, "");
    }

    /** Renders as {@code file:line:col}, the form editors and terminals turn into links. */
    public String position() {
        return file + ":" + line + ":" + column;
    }
}
