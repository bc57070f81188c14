package autosdk.emit.java;

import autosdk.Libraries;
import autosdk.Transport;
import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * What the Java emitter needs to know beyond the model: the package, the JSON context to use
 * (this package's own, or the types package's), names the generator itself uses, the user's
 * class-name choices, and the spec's file name for the header comment.
 *
 * @param jsonContext the context class every client (de)serializes through
 * @param generateContext whether this run emits its own context (false when models come from another package)
 * @param transport the HTTP library REST clients send through
 */
public record EmitOptions(
        String packageName,
        ClassName jsonContext,
        boolean generateContext,
        List<String> reservedTypeNames,
        String sourceName,
        String clientClassName,
        String websocketClassName,
        Libraries libraries,
        Transport transport) {
    public EmitOptions {
        reservedTypeNames = List.copyOf(reservedTypeNames);
        libraries = libraries == null ? Libraries.DEFAULT : libraries;
        transport = transport == null ? Transport.JDK : transport;
    }

    /** Options with the default libraries (Jackson 2, no nullability annotations) on the default transport. */
    public EmitOptions(
            String packageName,
            ClassName jsonContext,
            boolean generateContext,
            List<String> reservedTypeNames,
            String sourceName,
            String clientClassName,
            String websocketClassName) {
        this(
                packageName,
                jsonContext,
                generateContext,
                reservedTypeNames,
                sourceName,
                clientClassName,
                websocketClassName,
                null,
                Transport.JDK);
    }
}
