package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Transport;
import autosdk.testing.Compiler;
import autosdk.testing.Plans;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A generated REST SDK compiled together with a hand-written, type-checked driver class (from the test
 * resources), whose static methods the tests call by reflection.
 */
final class RestSdk {
    private final GenerationResult result;
    private final ClassLoader loader;
    private final String driver;
    private final Path classes;

    private RestSdk(GenerationResult result, ClassLoader loader, String driver, Path classes) {
        this.result = result;
        this.loader = loader;
        this.driver = driver;
        this.classes = classes;
    }

    /** Generates {@code spec} into {@code pkg}, adds the driver resource {@code driverResource} and compiles both. */
    static RestSdk build(GenerationRequest request, String driverResource, Path dir) throws Exception {
        GenerationResult result = Plans.of(request);
        Compiler.Result sdk = Compiler.compileCached(result.files());
        assertThat(sdk.errors()).as("javac errors").isEmpty();
        if (driverResource == null) return new RestSdk(result, sdk.loader(), null, sdk.classes());
        // The driver alone, against the SDK's cached classes: tests with other drivers share the SDK's compile.
        String simple =
                driverResource.substring(driverResource.lastIndexOf('/') + 1).replace(".java", "");
        GeneratedFile driver = new GeneratedFile(
                request.namespace().replace('.', '/') + "/" + simple + ".java", resource(driverResource));
        Compiler.Result withDriver = Compiler.compileCached(List.of(driver), sdk);
        assertThat(withDriver.errors()).as("javac errors in the driver").isEmpty();
        return new RestSdk(result, withDriver.loader(), request.namespace() + "." + simple, sdk.classes());
    }

    static RestSdk build(Path spec, String pkg, String driverResource, Path dir) throws Exception {
        return build(spec, pkg, driverResource, dir, Transport.JDK);
    }

    /** Like {@link #build(Path, String, String, Path)}, the SDK sending through {@code transport}. */
    static RestSdk build(Path spec, String pkg, String driverResource, Path dir, Transport transport) throws Exception {
        return build(GenerationRequest.of(spec, pkg, dir.resolve("out")).withTransport(transport), driverResource, dir);
    }

    /** The folder of the SDK's compiled classes, without the driver's (to inspect them). */
    Path classes() {
        return classes;
    }

    GenerationResult result() {
        return result;
    }

    /** The text of the generated file whose path ends with {@code suffix}. */
    String file(String suffix) {
        return result.files().stream()
                .filter(f -> f.relativePath().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no generated file " + suffix))
                .content();
    }

    /** Calls a static driver method, unwrapping the exception it threw. */
    Object call(String method, Object... args) throws Throwable {
        Class<?> type = loader.loadClass(driver);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("driver has no method " + method);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RestSdk.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
