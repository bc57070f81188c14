package autosdk.emit.java;

import java.util.List;

/**
 * What the Java emitter needs to know beyond the model: the package, the JSON context's simple
 * name, names the generator itself uses, and the spec's file name for the header comment.
 */
public record EmitOptions(String packageName, String contextSimpleName, List<String> reservedTypeNames, String sourceName) {
    public EmitOptions {
        reservedTypeNames = List.copyOf(reservedTypeNames);
    }
}
