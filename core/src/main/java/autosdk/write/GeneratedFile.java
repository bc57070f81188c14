package autosdk.write;

/** One output file: a path relative to the output folder (always '/'-separated) and its text. */
public record GeneratedFile(String relativePath, String content) {
    public GeneratedFile {
        if (relativePath.startsWith("/") || relativePath.contains("..") || relativePath.contains("\\")) {
            throw new IllegalArgumentException("unsafe output path: " + relativePath);
        }
    }
}
