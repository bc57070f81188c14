package autosdk.read;

import java.nio.file.Path;

/** A parsed spec: its root node, the kind and version detected from the root key. */
public record SpecDocument(Path file, MapNode root, SpecKind kind, String version) {

    public boolean isAsyncApi2() {
        return kind == SpecKind.ASYNCAPI && version.startsWith("2.");
    }
}
