package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
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
 * Generates a client from a spec, compiles it, then a test driver (a Java source from {@code fixtures/ws/drivers/},
 * package-rewritten) against it, and calls the driver's static methods. The driver is compiled against the generated
 * classes, so the tests stay type-checked; it is compiled on its own, so suites that drive one SDK with different
 * drivers (or none) share the SDK's compile.
 */
final class WsGenerated {
    final GenerationResult result;
    final ClassLoader loader;
    final String pkg;
    /** Where the SDK's compiled classes are, without the driver's (to scan their bytes). */
    final Path classes;

    private WsGenerated(GenerationResult result, ClassLoader loader, String pkg, Path classes) {
        this.result = result;
        this.loader = loader;
        this.pkg = pkg;
        this.classes = classes;
    }

    static WsGenerated build(Path spec, String pkg, Path dir, String driver, GenerationRequest.Perspective perspective)
            throws Exception {
        return build(spec, pkg, dir, driver, perspective, null);
    }

    /**
     * Like {@link #build(Path, String, Path, String, GenerationRequest.Perspective)} for other {@code libraries}
     * (Jackson 3, JSpecify); compiled through {@link Compiler#compileCached}, so an unchanged SDK is compiled once.
     */
    static WsGenerated build(
            Path spec,
            String pkg,
            Path dir,
            String driver,
            GenerationRequest.Perspective perspective,
            autosdk.Libraries libraries)
            throws Exception {
        return build(spec, pkg, dir, driver, perspective, libraries, autosdk.Transport.JDK);
    }

    /**
     * Like {@link #build(Path, String, Path, String, GenerationRequest.Perspective, autosdk.Libraries)} on
     * {@code transport}.
     */
    static WsGenerated build(
            Path spec,
            String pkg,
            Path dir,
            String driver,
            GenerationRequest.Perspective perspective,
            autosdk.Libraries libraries,
            autosdk.Transport transport)
            throws Exception {
        GenerationRequest request = GenerationRequest.builder(spec, pkg, dir.resolve("out"))
                .perspective(perspective)
                .libraries(libraries)
                .transport(transport)
                .build();
        GenerationResult result = Plans.of(request);
        Compiler.Result sdk = Compiler.compileCached(result.files());
        assertThat(sdk.errors()).as("javac errors").isEmpty();
        if (driver == null) return new WsGenerated(result, sdk.loader(), pkg, sdk.classes());
        String source = resource("fixtures/ws/drivers/" + driver + ".java")
                .replace("package drivers;", "package " + pkg + ";")
                .replace("PKG_RUNTIME.", pkg + ".runtime.");
        Compiler.Result withDriver = Compiler.compileCached(
                List.of(new GeneratedFile(pkg.replace('.', '/') + "/" + driver + ".java", source)), sdk);
        assertThat(withDriver.errors()).as("javac errors in the driver").isEmpty();
        return new WsGenerated(result, withDriver.loader(), pkg, sdk.classes());
    }

    /** A fresh folder under target/ws-tests, kept after the run so the generated sources can be read. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target", "ws-tests", name).toAbsolutePath();
        if (java.nio.file.Files.exists(dir)) {
            try (var walk = java.nio.file.Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = WsGenerated.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path fixture(String name) throws Exception {
        return Path.of(WsGenerated.class
                .getClassLoader()
                .getResource("fixtures/ws/" + name)
                .toURI());
    }

    String source(String simpleName) {
        String path = pkg.replace('.', '/') + "/" + simpleName + ".java";
        return result.files().stream()
                .filter(f -> f.relativePath().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + path))
                .content();
    }

    /** Calls a static method of a driver class; rethrows what it threw. */
    @SuppressWarnings("unchecked")
    <T> T call(String driver, String method, Object... args) throws Throwable {
        Class<?> c = loader.loadClass(pkg + "." + driver);
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return (T) m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(driver + "." + method);
    }
}
